package no.ukp.monitor.ingest;

import java.util.List;
import java.util.Map;

/**
 * An import that cannot be undone: not stored, an undo itself, undone already, or a later import
 * changed some of the same keys ({@code keys}, column → value; empty for the other reasons).
 * Answered 409 with the Norwegian message and the keys.
 */
final class UndoRefused extends RuntimeException {

    private final long importId;
    private final List<Map<String, String>> keys;

    UndoRefused(long importId, String norwegianMessage, List<Map<String, String>> keys) {
        super(norwegianMessage, null, false, false);
        this.importId = importId;
        this.keys = keys;
    }

    long importId() {
        return importId;
    }

    List<Map<String, String>> keys() {
        return keys;
    }
}
