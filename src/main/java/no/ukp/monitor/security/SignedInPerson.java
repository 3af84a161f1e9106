package no.ukp.monitor.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in in the browser through single sign-on, named "Kari Nordmann (subject)"
 * ({@link SignOn#name}): what {@code Principal.getName()} gives the audit and the pages.
 */
final class SignedInPerson extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final String name;

    SignedInPerson(Collection<? extends GrantedAuthority> authorities, OidcUser user, String name) {
        super(authorities, user.getIdToken(), user.getUserInfo());
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInPerson person && person.name.equals(name) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
