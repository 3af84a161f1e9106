package no.ukp.monitor.ingest;

/**
 * An upload refused before its file was read, already recorded in the audit under
 * {@link #importId()} ({@link ImportService#refuse}). The API answers it with the status of its
 * {@link Reason}.
 */
final class ImportRefused extends RuntimeException {

    /** Why the upload was refused. */
    enum Reason {
        /** The body is over {@code ukp.import.max-size}. */
        TOO_LARGE,
        /** Neither CSV nor XLSX. */
        UNSUPPORTED_MEDIA_TYPE,
        /** A multipart body that cannot be parsed or has no field {@code file}. */
        UNREADABLE_MULTIPART
    }

    private final Reason reason;
    private final long importId;

    ImportRefused(Reason reason, long importId, String norwegianMessage) {
        super(norwegianMessage, null, false, false);
        this.reason = reason;
        this.importId = importId;
    }

    Reason reason() {
        return reason;
    }

    long importId() {
        return importId;
    }
}
