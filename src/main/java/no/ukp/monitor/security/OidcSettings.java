package no.ukp.monitor.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Single sign-on through an OpenID Connect provider (HelseID, Entra ID); off while
 * {@code issuerUri} is empty. See docs/single-sign-on.md.
 *
 * @param issuerUri      the provider's issuer; its discovery document gives the endpoints and keys
 * @param clientId       the service's client at the provider
 * @param clientSecret   the client's secret (Entra ID); empty when the client signs with a key
 * @param privateKeyFile a private key, JWK (JSON) or PEM (PKCS#8), with which the client authenticates
 *                       ({@code private_key_jwt}, as HelseID requires); takes precedence over the secret
 * @param keyId          the key's id ({@code kid}) when the file does not name it (PEM)
 * @param scopes         the scopes asked for at login
 * @param audience       the audience a bearer token must name ({@code aud}); empty: not checked
 * @param subjectClaim   the claim that identifies a person ({@code sub}; {@code oid} for Entra ID across apps)
 * @param nameClaim      the claim with the person's name
 * @param rolesClaim     the claim whose values map to roles ({@code roles} or {@code groups})
 * @param roleMapping    claim value to role: {@code value=role,value=role}, roles viewer, analyst,
 *                       ingest, planner, admin (a value may appear more than once)
 * @param providerName   the provider's name on the login page's button
 */
@ConfigurationProperties("ukp.oidc")
public record OidcSettings(String issuerUri, String clientId, String clientSecret, String privateKeyFile, String keyId,
                           @DefaultValue({"openid", "profile"}) List<String> scopes, String audience,
                           @DefaultValue("sub") String subjectClaim, @DefaultValue("name") String nameClaim,
                           @DefaultValue("roles") String rolesClaim, String roleMapping,
                           @DefaultValue("felles innlogging") String providerName) {

    /** Whether single sign-on is configured. */
    public boolean enabled() {
        return StringUtils.hasText(issuerUri);
    }

    /** {@link #roleMapping} as claim value to role names; an unknown role stops the start. */
    Map<String, List<String>> claimRoles() {
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        if (!StringUtils.hasText(roleMapping)) {
            return mapping;
        }
        for (String pair : roleMapping.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.lastIndexOf('=');
            if (equals < 1) {
                throw new IllegalStateException("ukp.oidc.role-mapping: '" + pair.strip() + "' is not value=role");
            }
            String role = pair.substring(equals + 1).strip();
            if (!Role.USERS.contains(role)) {
                throw new IllegalStateException("ukp.oidc.role-mapping: unknown role '" + role + "' (one of " + Role.USERS + ")");
            }
            mapping.computeIfAbsent(pair.substring(0, equals).strip(), value -> new ArrayList<>()).add(role);
        }
        return mapping;
    }
}
