package no.ukp.monitor.system;

/**
 * What a feature refuses to store because it is stored already and is never overwritten (a
 * target version for the same indicator, scope and month), with a Norwegian message for the user.
 * Features throw it without knowing HTTP; the API answers it as a 409 problem detail
 * ({@link ApiErrorHandler}).
 */
public class AlreadyExists extends RuntimeException {

    public AlreadyExists(String norwegianMessage) {
        super(norwegianMessage, null, false, false);
    }
}
