package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientKeyTest {

    @TempDir
    Path folder;

    @Test
    void shouldReadAPemKeyThatSignsWhatItsPublicKeyVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path file = folder.resolve("client.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        JWK key = ClientKey.read(file, "kid-1");

        assertThat(key.getKeyID()).isEqualTo("kid-1");
        JWSObject signed = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload("x"));
        signed.sign(new RSASSASigner(key.toRSAKey()));
        assertThat(signed.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
    }

    @Test
    void shouldReadAJwkWithItsOwnKeyId() throws Exception {
        RSAKey generated = new RSAKeyGenerator(2048).keyID("helseid-kid").generate();
        Path file = folder.resolve("client.json");
        Files.writeString(file, generated.toJSONString());

        assertThat(ClientKey.read(file, null)).isEqualTo(generated);
    }

    @Test
    void shouldRefuseAPublicKeyAKeyWithoutIdAndSomethingElse() throws Exception {
        RSAKey generated = new RSAKeyGenerator(2048).generate();
        Path publicKey = folder.resolve("public.json");
        Files.writeString(publicKey, generated.toPublicJWK().toJSONString());
        Path noId = folder.resolve("no-id.json");
        Files.writeString(noId, generated.toJSONString());
        Path other = folder.resolve("other.txt");
        Files.writeString(other, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> ClientKey.read(publicKey, "k")).hasMessageContaining("holds a public key");
        assertThatThrownBy(() -> ClientKey.read(noId, " ")).hasMessageContaining("set ukp.oidc.key-id");
        assertThatThrownBy(() -> ClientKey.read(other, "k")).hasMessageContaining("neither a JWK nor a PEM");
    }

    @Test
    void shouldRefuseARoleMappingToAnUnknownRole() {
        OidcSettings settings = new OidcSettings("http://x", "c", "s", null, null, java.util.List.of("openid"), null,
                "sub", "name", "groups", "g1=admin, g2 = viewer ,g1=planner,g3=boss", "x");

        assertThatThrownBy(settings::claimRoles).hasMessageContaining("unknown role 'boss'");
        OidcSettings good = new OidcSettings("http://x", "c", "s", null, null, java.util.List.of("openid"), null,
                "sub", "name", "groups", "g1=admin, g2 = viewer ,g1=planner", "x");
        assertThat(good.claimRoles()).containsExactly(java.util.Map.entry("g1", java.util.List.of("admin", "planner")),
                java.util.Map.entry("g2", java.util.List.of("viewer")));
    }
}
