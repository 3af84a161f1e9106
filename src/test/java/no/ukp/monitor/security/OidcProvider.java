package no.ukp.monitor.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for the tests: NAV's mock-oauth2-server on a random port of
 * this machine, with its login page (interactive login), started once per test JVM. As an
 * initializer ({@code @ContextConfiguration(initializers = OidcProvider.class)}) it points the
 * service at it as HelseID would be: issuer {@code …/helseid}, client {@value #CLIENT}
 * authenticating with a private key (a JWK file), bearer tokens for the audience {@value #AUDIENCE},
 * and roles from the {@code roles} claim: {@code ukp-admin}, {@code ukp-planner},
 * {@code ukp-analyst}, {@code ukp-viewer}.
 */
public final class OidcProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ISSUER = "helseid";
    public static final String CLIENT = "ukp-monitor";
    public static final String AUDIENCE = "ukp-api";

    private static MockOAuth2Server server;
    private static RSAKey clientKey;
    private static Path keyFile;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "ukp.oidc.issuer-uri=" + issuer(),
                "ukp.oidc.client-id=" + CLIENT,
                "ukp.oidc.private-key-file=" + keyFile(),
                "ukp.oidc.audience=" + AUDIENCE,
                "ukp.oidc.provider-name=HelseID",
                "ukp.oidc.role-mapping=ukp-admin=admin,ukp-planner=planner,ukp-analyst=analyst,ukp-viewer=viewer")
                .applyTo(context);
    }

    /** The mock server, started at the first call. */
    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server(new OAuth2Config(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    public static String issuer() {
        return server().issuerUrl(ISSUER).toString();
    }

    /** A bearer token of the provider for the service's API, valid for an hour. */
    public static String token(String subject, Map<String, Object> claims) {
        return token(subject, claims, 3600);
    }

    /** A bearer token that expires {@code seconds} from now (negative: expired that long ago). */
    public static String token(String subject, Map<String, Object> claims, long seconds) {
        return server().issueToken(ISSUER, subject, AUDIENCE, claims, seconds).serialize();
    }

    /** The public half of the key the service authenticates with (its client assertions verify with it). */
    public static synchronized RSAKey clientKey() {
        keyFile();
        return clientKey.toPublicJWK();
    }

    private static synchronized Path keyFile() {
        if (keyFile == null) {
            try {
                clientKey = new RSAKeyGenerator(2048).keyID("ukp-test-client").generate();
                keyFile = Files.createTempFile("ukp-client-key", ".json");
                keyFile.toFile().deleteOnExit();
                Files.writeString(keyFile, clientKey.toJSONString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return keyFile;
    }
}
