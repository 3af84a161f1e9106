package no.ukp.monitor.security;

import com.nimbusds.jose.jwk.JWK;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.util.StringUtils;

/**
 * Single sign-on through an OpenID Connect provider ({@link OidcSettings}): on the pages, login
 * with the authorization code flow (PKCE; the client authenticates with a secret or, as HelseID
 * requires, a signed assertion, {@code private_key_jwt}) and logout at the provider too; on the
 * API, bearer tokens (JWT signed by the provider's keys, its issuer, not expired, {@code typ} JWT
 * or {@code at+jwt}, and the configured audience). The provider's discovery document is read at
 * the first login or token, not at start: the service starts while the provider is away.
 */
final class SingleSignOn {

    /** The registration's id: the login starts at {@code /oauth2/authorization/ukp}. */
    static final String REGISTRATION = "ukp";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    private final OidcSettings settings;
    private final SignOn signOn;
    private final JWK clientKey;
    private final ClientRegistrationRepository registrations;
    private final OidcUserService users = new OidcUserService();

    SingleSignOn(OidcSettings settings, PersonRoles people) {
        this.settings = settings;
        this.signOn = settings.enabled() ? new SignOn(settings, people) : null;
        if (settings.enabled() && !StringUtils.hasText(settings.clientId())) {
            throw new IllegalStateException("ukp.oidc.issuer-uri is set but ukp.oidc.client-id is not");
        }
        if (settings.enabled() && !StringUtils.hasText(settings.privateKeyFile()) && !StringUtils.hasText(settings.clientSecret())) {
            throw new IllegalStateException("ukp.oidc: set ukp.oidc.private-key-file (private_key_jwt) or ukp.oidc.client-secret");
        }
        this.clientKey = settings.enabled() && StringUtils.hasText(settings.privateKeyFile())
                ? ClientKey.read(Path.of(settings.privateKeyFile().strip()), settings.keyId()) : null;
        this.registrations = new Registrations();
    }

    boolean enabled() {
        return settings.enabled();
    }

    /** Login and logout through the provider on the pages' chain (beside the login form). */
    void pages(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorization =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorization.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        if (clientKey != null) {
            NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest> assertion =
                    new NimbusJwtClientAuthenticationParametersConverter<>(registration -> clientKey);
            // HelseID wants its issuer as the assertion's audience (Spring's default is the token endpoint)
            assertion.setJwtClientAssertionCustomizer(context -> context.getClaims().audience(List.of(settings.issuerUri())));
            tokens.addParametersConverter(assertion);
        }
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/login?utlogget");
        logout.setDefaultTargetUrl("/login?utlogget");
        http.oauth2Login(login -> login.loginPage("/login").failureUrl("/login?sso-feil")
                        .clientRegistrationRepository(registrations)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorization))
                        .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokens))
                        .userInfoEndpoint(endpoint -> endpoint.oidcUserService(this::person)))
                .logout(out -> out.logoutSuccessHandler(logout));
    }

    /** Bearer tokens on the API's chain (beside HTTP Basic); a refused token is the entry point's 401. */
    void api(HttpSecurity http, AuthenticationEntryPoint entryPoint) throws Exception {
        http.oauth2ResourceServer(server -> server.authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(new AccessDeniedHandlerImpl())
                .jwt(jwt -> jwt.decoder(decoder()).jwtAuthenticationConverter(this::person)));
    }

    private OidcUser person(OidcUserRequest request) {
        OidcUser user = users.loadUser(request);
        List<GrantedAuthority> roles = List.copyOf(signOn.authorities(user.getClaims()));
        String name = signOn.name(user.getClaims());
        log.info("Signed in through single sign-on: {} with roles {}", name, roles);
        if (roles.isEmpty()) {
            log.warn("{} has no role in the service: grant one (PUT /api/v1/people) or map a claim value "
                    + "(ukp.oidc.role-mapping)", name);
        }
        return new SignedInPerson(roles, user, name);
    }

    private AbstractAuthenticationToken person(Jwt token) {
        return new JwtAuthenticationToken(token, signOn.authorities(token.getClaims()), signOn.name(token.getClaims()));
    }

    private JwtDecoder decoder() {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).validateType(false).build();
            JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
            type.setAllowEmpty(true);
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(new JwtIssuerValidator(settings.issuerUri()), type));
            if (StringUtils.hasText(settings.audience())) {
                validators.add(new JwtAudienceValidator(settings.audience()));
            }
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
            return decoder;
        });
    }

    /** The one registration, read from the provider's discovery document when first needed. */
    private final class Registrations implements ClientRegistrationRepository {

        private volatile ClientRegistration registration;

        @Override
        public ClientRegistration findByRegistrationId(String id) {
            if (!REGISTRATION.equals(id)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = read();
                    }
                    found = registration;
                }
            }
            return found;
        }

        private ClientRegistration read() {
            ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(REGISTRATION)
                    .clientName(settings.providerName())
                    .clientId(settings.clientId())
                    .scope(settings.scopes())
                    .userNameAttributeName(settings.subjectClaim())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
            if (clientKey != null) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
            } else {
                builder.clientSecret(settings.clientSecret());
            }
            return builder.build();
        }
    }
}
