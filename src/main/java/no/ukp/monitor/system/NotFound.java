package no.ukp.monitor.system;

/**
 * What a feature was asked for and does not have (an import id, a dataset), with a Norwegian
 * message for the user. Features throw it without knowing HTTP; the API answers it as a 404
 * problem detail ({@link ApiErrorHandler}).
 */
public class NotFound extends RuntimeException {

    public NotFound(String norwegianMessage) {
        super(norwegianMessage, null, false, false);
    }
}
