package no.ukp.monitor.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;

/**
 * The private key with which the service authenticates at the provider ({@code private_key_jwt}):
 * a JWK (JSON, RSA or EC, as HelseID's self-service hands it out) or a PEM file with an RSA key in
 * PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), with {@code ukp.oidc.key-id} as its {@code kid}
 * when the file names none.
 */
final class ClientKey {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private ClientKey() {
    }

    static JWK read(Path file, String keyId) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("ukp.oidc.private-key-file: cannot read " + file, e);
        }
        JWK key;
        try {
            key = text.startsWith("{") ? JWK.parse(text) : pem(text, keyId);
        } catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("ukp.oidc.private-key-file: " + file
                    + " is neither a JWK nor a PEM (PKCS#8) RSA private key", e);
        }
        if (!key.isPrivate()) {
            throw new IllegalStateException("ukp.oidc.private-key-file: " + file + " holds a public key, not a private one");
        }
        if (key.getKeyID() == null) {
            throw new IllegalStateException("ukp.oidc.private-key-file: " + file + " names no key id: set ukp.oidc.key-id");
        }
        return key;
    }

    private static JWK pem(String text, String keyId) throws GeneralSecurityException {
        int begin = text.indexOf(PEM_BEGIN);
        int end = text.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no " + PEM_BEGIN + " block");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey).privateKey(privateKey)
                .keyID(keyId == null || keyId.isBlank() ? null : keyId.strip()).build();
    }
}
