package no.ukp.monitor.ingest;

import java.util.List;

/**
 * A column of an import file: its contract name (also its database column), the Norwegian
 * aliases accepted in the header, its type and whether the header must have it.
 */
record Column(String name, List<String> aliases, ColumnType type, boolean required) {

    static Column required(String name, ColumnType type, String... aliases) {
        return new Column(name, List.of(aliases), type, true);
    }

    static Column optional(String name, ColumnType type, String... aliases) {
        return new Column(name, List.of(aliases), type, false);
    }

    /** Whether a header cell names this column (case, spaces and hyphens do not matter). */
    boolean isNamed(String header) {
        String wanted = normalize(header);
        return normalize(name).equals(wanted) || aliases.stream().anyMatch(a -> normalize(a).equals(wanted));
    }

    static String normalize(String header) {
        return header.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
