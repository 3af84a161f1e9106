package no.ukp.monitor.ingest;

import no.ukp.monitor.system.Problems;

/**
 * An error or warning about a place in an imported file. Column, value and message are cut to
 * at most {@link #MAX_COLUMN_LENGTH}, {@link #MAX_VALUE_LENGTH} and {@link #MAX_MESSAGE_LENGTH}
 * characters ({@link Problems#cut(String, int)}) when the problem is made, so the answer and the
 * audit show the same text and a giant cell cannot blow up either.
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
        column = Problems.cut(column, MAX_COLUMN_LENGTH);
        value = Problems.cut(value, MAX_VALUE_LENGTH);
        message = Problems.cut(message, MAX_MESSAGE_LENGTH);
    }
}
