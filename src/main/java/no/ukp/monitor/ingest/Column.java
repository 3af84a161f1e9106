package no.ukp.monitor.ingest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A column of an import file: its contract name (also its database column), the Norwegian
 * aliases accepted in the header (the first is the name templates and messages use), its type,
 * whether the header must have it, and what it holds and an example, in Norwegian, for the
 * template's explanation sheet.
 */
record Column(String name, List<String> aliases, ColumnType type, boolean required, String description,
              String example) {

    static Column required(String name, ColumnType type, String description, String example, String... aliases) {
        return new Column(name, List.of(aliases), type, true, description, example);
    }

    static Column optional(String name, ColumnType type, String description, String example, String... aliases) {
        return new Column(name, List.of(aliases), type, false, description, example);
    }

    /** The Norwegian header: the first alias (the contract name if there is none). */
    String label() {
        return aliases.isEmpty() ? name : aliases.get(0);
    }

    /** Every header name this column accepts, Norwegian ones first. */
    List<String> names() {
        return Stream.concat(aliases.stream(), Stream.of(name)).toList();
    }

    /** Whether a header cell names this column ({@link #key}: case, spaces and punctuation do not matter). */
    boolean isNamed(String header) {
        String wanted = key(header);
        return names().stream().anyMatch(n -> key(n).equals(wanted));
    }

    /**
     * A header name as compared: lower case, letters and digits only (spaces, {@code _}, {@code -},
     * {@code .} and other punctuation dropped), and Norwegian letters as they are written without
     * them ({@code æ} = {@code ae}, {@code ø} = {@code oe} = {@code o}, {@code å} = {@code aa} =
     * {@code a}). {@code Kommune nr.}, {@code kommunenr} and {@code KOMMUNE_NR} have one key.
     */
    static String key(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'æ' -> key.append("ae");
                case 'ø', 'ö' -> key.append('o');
                case 'å', 'ä' -> key.append('a');
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        key.append(c);
                    }
                }
            }
        }
        return key.toString().replace("aa", "a").replace("oe", "o");
    }
}
