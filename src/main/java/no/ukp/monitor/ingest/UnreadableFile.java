package no.ukp.monitor.ingest;

import java.io.IOException;

/**
 * A file (or the rest of it) that cannot be read: broken, or over one of the import's limits.
 * The message is Norwegian and shown to the user as it is; parser internals stay in the cause
 * (logged, never answered).
 */
class UnreadableFile extends IOException {

    private final int line;
    private final String column;
    private final String value;

    UnreadableFile(int line, String column, String value, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
        this.value = value;
    }

    UnreadableFile(int line, String value, String message) {
        this(line, "", value, message, null);
    }

    ImportProblem problem() {
        return new ImportProblem(line, column, value, getMessage());
    }
}
