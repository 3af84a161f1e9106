package no.ukp.monitor.ingest;

/**
 * An error or warning about a place in an imported file. Column, value and message are cut to
 * at most {@link #MAX_COLUMN_LENGTH}, {@link #MAX_VALUE_LENGTH} and {@link #MAX_MESSAGE_LENGTH}
 * characters (see {@link #cut}) when the problem is made, so the answer and the audit show the
 * same text and a giant cell cannot blow up either.
 *
 * @param line    line as a spreadsheet user counts it (header = 1; 0 = the file as a whole)
 * @param column  the column's header as written in the file (or its contract name if missing)
 * @param value   the value as written (cut)
 * @param message what is wrong, in Norwegian
 */
public record ImportProblem(int line, String column, String value, String message) {

    /** The sizes of the audit's columns ({@code import_message}). */
    static final int MAX_COLUMN_LENGTH = 100;
    static final int MAX_VALUE_LENGTH = 200;
    static final int MAX_MESSAGE_LENGTH = 500;

    public ImportProblem {
        column = cut(column, MAX_COLUMN_LENGTH);
        value = cut(value, MAX_VALUE_LENGTH);
        message = cut(message, MAX_MESSAGE_LENGTH);
    }

    /**
     * The one definition of how echoed text is shortened: at most {@code max} characters, the
     * last one an ellipsis when cut (never half a surrogate pair); control characters (NUL, which
     * PostgreSQL text cannot hold, and the others, which JSON escapes six-fold) shown as U+FFFD.
     */
    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String shortened = text;
        if (text.length() > max) {
            int end = max - 1;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            shortened = text.substring(0, end) + "…";
        }
        for (int i = 0; i < shortened.length(); i++) {
            if (Character.isISOControl(shortened.charAt(i))) {
                StringBuilder visible = new StringBuilder(shortened);
                for (int j = i; j < visible.length(); j++) {
                    if (Character.isISOControl(visible.charAt(j))) {
                        visible.setCharAt(j, '\uFFFD');
                    }
                }
                return visible.toString();
            }
        }
        return shortened;
    }
}
