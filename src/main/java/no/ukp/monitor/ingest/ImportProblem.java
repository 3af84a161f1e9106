package no.ukp.monitor.ingest;

/**
 * An error or warning about a place in an imported file.
 *
 * @param line    line as a spreadsheet user counts it (header = 1)
 * @param column  the column's header as written in the file (or its contract name if missing)
 * @param value   the value as written
 * @param message what is wrong, in Norwegian
 */
public record ImportProblem(int line, String column, String value, String message) {
}
