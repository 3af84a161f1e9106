package no.ukp.monitor.system;

import java.security.SecureRandom;
import java.util.Base64;

/** Passwords the service makes itself (a built-in user's in the embedded mode, the embedded database's superuser's). */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** 24 random bytes as URL-safe Base64 (32 characters, no quotes or spaces). */
    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
