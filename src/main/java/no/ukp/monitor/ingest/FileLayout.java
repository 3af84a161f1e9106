package no.ukp.monitor.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The rows of a file as people lay out a spreadsheet: title rows above the header, and sum or
 * note rows below the data. The header is found below any title rows; a sum row («Sum»,
 * «Totalt», …) or a note row (one cell of text, «Kilde: …») after the last data row is skipped.
 * Each skipped row is one warning, instead of an error for every cell it does not fill. Blank
 * rows are skipped everywhere. A sum or note row with data after it is one error: only the end
 * of a file may have them.
 */
final class FileLayout {

    /** Rows above the header that may be titles: more, and the first row is taken as the header. */
    static final int MAX_TITLE_ROWS = 5;

    private static final Set<String> SUM_WORDS = Set.of("sum", "summer", "summert", "total", "totalt", "i alt",
            "til sammen", "tilsammen");
    private static final List<String> SUM_PREFIXES = List.of("sum ", "sum:", "summer ", "total ", "totalt ", "totalt:", "i alt ");

    private final RowSource source;
    private final ImportService.Problems problems;
    /** Rows read ahead while looking for the header, to be read again as data. */
    private final ArrayDeque<SourceRow> readAhead = new ArrayDeque<>();
    /** Sum and note rows not yet known to end the file. */
    private final List<Trailer> held = new ArrayList<>();
    private SourceRow header;

    FileLayout(RowSource source, ImportService.Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * The header: the first of the first non-blank rows in which {@code knownNames} finds at
     * least two column names; the rows above it are title rows, one warning each. When none of
     * the first {@link #MAX_TITLE_ROWS} + 1 rows is such a row, the first one (whose names the
     * validator then refuses); null for a file without rows.
     */
    SourceRow header(ToIntFunction<SourceRow> knownNames) throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        SourceRow row;
        while (rows.size() <= MAX_TITLE_ROWS && (row = nextNonBlank()) != null) {
            if (knownNames.applyAsInt(row) >= 2) {
                for (SourceRow title : rows) {
                    problems.warning(new ImportProblem(title.line(), "", firstFilled(title),
                            "Tittelrad over overskriften, hoppet over"));
                }
                header = row;
                return row;
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return null;
        }
        readAhead.addAll(rows.subList(1, rows.size()));
        header = rows.get(0);
        return header;
    }

    /** The next data row; null at the end, where the sum and note rows held are skipped with a warning each. */
    SourceRow next() throws IOException {
        SourceRow row;
        while ((row = nextNonBlank()) != null) {
            Trailer trailer = Trailer.of(row);
            if (trailer != null) {
                held.add(trailer);
                continue;
            }
            if (!held.isEmpty()) {
                for (Trailer inTheMiddle : held) {
                    problems.error(problem(inTheMiddle, inTheMiddle.description()
                            + " med data under seg: bare etter siste datarad hoppes slike rader over. Fjern raden"));
                }
                held.clear();
            }
            return row;
        }
        for (Trailer last : held) {
            problems.warning(problem(last, last.description() + " etter siste datarad, hoppet over"));
        }
        held.clear();
        return null;
    }

    private ImportProblem problem(Trailer trailer, String message) {
        int p = trailer.position();
        String column = header != null && p < header.cells().size() ? header.cells().get(p).strip() : "kolonne " + (p + 1);
        return new ImportProblem(trailer.row().line(), column, trailer.row().cells().get(p), message);
    }

    private SourceRow nextNonBlank() throws IOException {
        SourceRow row;
        do {
            row = readAhead.isEmpty() ? source.next() : readAhead.poll();
        } while (row != null && row.isBlank());
        return row;
    }

    private static String firstFilled(SourceRow row) {
        return row.cells().stream().filter(cell -> !cell.isBlank()).findFirst().orElse("");
    }

    /** A sum row (a cell says «Sum», «Totalt», …) or a note row (one cell, of words), at the cell that says so. */
    record Trailer(SourceRow row, int position, boolean sum) {

        /** The row as a sum or note row, or null for any other row (cheap: a data row's cells are numbers, mostly). */
        static Trailer of(SourceRow row) {
            List<String> cells = row.cells();
            int filled = 0;
            int first = -1;
            for (int p = 0; p < cells.size(); p++) {
                String cell = cells.get(p);
                if (cell.isEmpty()) {
                    continue;
                }
                if (isSumWord(cell)) {
                    return new Trailer(row, p, true);
                }
                if (filled++ == 0) {
                    first = p;
                }
            }
            return filled == 1 && !cells.get(first).isBlank() && isNote(cells.get(first)) ? new Trailer(row, first, false)
                    : null;
        }

        String description() {
            return (sum ? "Sumrad" : "Merknad") + " («" + row.cells().get(position).strip() + "»)";
        }

        /** {@code Sum}, {@code Totalt:}, {@code Sum alle kommuner}, … (not {@code somatikk} or {@code total-enheten}). */
        static boolean isSumWord(String cell) {
            // the usual cell, a number or a word such as somatikk, is told apart by its first letters
            // (the readers trim cells): this runs for every cell of every row
            char first = (char) (cell.charAt(0) | 0x20);
            if ((first != 's' && first != 't' && first != 'i')
                    || !(cell.regionMatches(true, 0, "sum", 0, 3) || cell.regionMatches(true, 0, "tot", 0, 3)
                    || cell.regionMatches(true, 0, "til", 0, 3) || cell.regionMatches(true, 0, "i alt", 0, 5))) {
                return false;
            }
            String word = cell.strip().toLowerCase(Locale.ROOT);
            while (word.endsWith(":") || word.endsWith(".")) {
                word = word.substring(0, word.length() - 1);
            }
            if (SUM_WORDS.contains(word)) {
                return true;
            }
            for (String prefix : SUM_PREFIXES) {
                if (word.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        /** Words, not a value: a letter and a space ({@code Kilde: NPR}), or a footnote mark ({@code *}). */
        static boolean isNote(String cell) {
            String text = cell.strip();
            if (text.startsWith("*")) {
                return true;
            }
            return text.chars().anyMatch(Character::isLetter) && text.chars().anyMatch(Character::isWhitespace);
        }
    }
}
