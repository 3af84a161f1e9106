package no.ukp.monitor.system;

/**
 * What a feature refuses to do with a value it was given (an unknown scope, say), with a
 * Norwegian message for the user. Features throw it without knowing HTTP; the API answers it as a
 * 400 problem detail ({@link ApiErrorHandler}).
 */
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String norwegianMessage) {
        super(norwegianMessage, null, false, false);
    }
}
