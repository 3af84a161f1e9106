package no.ukp.monitor.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a person signed in through single sign-on is, and what they may do: their roles are those
 * their role claim's values map to ({@code ukp.oidc.role-mapping}, Entra ID's {@code roles} or
 * {@code groups}) and those the admin granted them in the service ({@link PersonRoles}, HelseID);
 * each is a built-in user's set of roles ({@link Role#of}). The same for a browser login (the ID
 * token and user info) and a bearer token.
 */
final class SignOn {

    private final OidcSettings settings;
    private final Map<String, List<String>> claimRoles;
    private final PersonRoles people;

    SignOn(OidcSettings settings, PersonRoles people) {
        this.settings = settings;
        this.claimRoles = settings.claimRoles();
        this.people = people;
    }

    /** The person's roles, as Spring Security's authorities ({@code ROLE_READ} …). */
    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claims.get(settings.rolesClaim()))) {
            claimRoles.getOrDefault(value, List.of()).forEach(user -> roles.addAll(Role.of(user)));
        }
        people.of(subject(claims), text(claims.get(settings.nameClaim()))).forEach(user -> roles.addAll(Role.of(user)));
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    /**
     * The name that the audit records and the pages show: "Kari Nordmann (subject)", the subject
     * alone without a name claim; at most {@link PersonRoles#MAX_PERSON} characters (the name is cut).
     */
    String name(Map<String, Object> claims) {
        String subject = subject(claims);
        String name = text(claims.get(settings.nameClaim()));
        if (name == null || name.isBlank()) {
            return cut(subject, PersonRoles.MAX_PERSON);
        }
        int room = Math.max(1, PersonRoles.MAX_PERSON - subject.length() - 3);
        return cut(cut(name.strip(), room) + " (" + subject + ")", PersonRoles.MAX_PERSON);
    }

    private String subject(Map<String, Object> claims) {
        String subject = text(claims.get(settings.subjectClaim()));
        return subject == null ? "" : subject;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    private static String text(Object claim) {
        return claim == null ? null : String.valueOf(claim);
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }
}
