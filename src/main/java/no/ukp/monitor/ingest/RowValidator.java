package no.ukp.monitor.ingest;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.reference.MunicipalityNumbers;

/**
 * Maps a file's header to the dataset's columns, then turns each row into values, reporting
 * every bad cell and every broken rule with its line, column and value.
 */
final class RowValidator {

    private final Dataset dataset;
    private final List<Column> columns;
    private final ImportService.Problems problems;
    private final RowContext context;
    private final int[] positions;
    private final String[] headers;
    private int headerWidth;
    private int currentLine;
    private final List<String> rowWarnings = new ArrayList<>();
    /** Every accepted header name's {@link Column#key}: the index of its column, or {@link #IGNORED}. */
    private final Map<String, Integer> keys = new HashMap<>();
    private static final int IGNORED = -1;

    RowValidator(Dataset dataset, MunicipalityNumbers municipalities, YearMonth currentMonth, OffsetDateTime now,
                 ImportService.Problems problems) {
        this(dataset, dataset, municipalities, currentMonth, now, problems);
    }

    /**
     * For another kind of file than a fact {@code Dataset} (the action plan): its cells are read and checked
     * the same way, without a dataset's rules between them.
     */
    RowValidator(ImportKind kind, MunicipalityNumbers municipalities, YearMonth currentMonth, OffsetDateTime now,
                 ImportService.Problems problems) {
        this(kind, null, municipalities, currentMonth, now, problems);
    }

    private RowValidator(ImportKind kind, Dataset dataset, MunicipalityNumbers municipalities, YearMonth currentMonth,
                         OffsetDateTime now, ImportService.Problems problems) {
        this.dataset = dataset;
        this.columns = kind.columns();
        this.problems = problems;
        this.context = new RowContext(municipalities, currentMonth, now, rowWarnings::add);
        this.positions = new int[columns.size()];
        this.headers = new String[columns.size()];
        Dataset.IGNORED_HEADERS.forEach(name -> keys.put(Column.key(name), IGNORED));
        for (int i = 0; i < columns.size(); i++) {
            for (String name : columns.get(i).names()) {
                keys.put(Column.key(name), i);
            }
        }
    }

    /** Finds each column in the header; false (with errors on line 1) when a column is missing or misspelled. */
    boolean readHeader(SourceRow header) {
        headerWidth = header.cells().size();
        boolean complete = true;
        for (int i = 0; i < columns.size(); i++) {
            positions[i] = -1;
            headers[i] = columns.get(i).name();
        }
        List<Integer> unknown = new ArrayList<>();
        for (int p = 0; p < header.cells().size(); p++) {
            String cell = header.cells().get(p);
            Integer i = cell.isBlank() ? Integer.valueOf(IGNORED) : keys.get(Column.key(cell));
            if (i == null) {
                unknown.add(p);
            } else if (i != IGNORED) {
                if (positions[i] >= 0) {
                    problems.error(new ImportProblem(header.line(), cell, cell,
                            "Kolonnen «" + columns.get(i).label() + "» står to ganger i overskriften"));
                    complete = false;
                }
                positions[i] = p;
                headers[i] = cell.strip();
            }
        }
        boolean[] suggested = new boolean[columns.size()];
        for (int p : unknown) {
            String cell = header.cells().get(p);
            HeaderNames.Suggestion suggestion = HeaderNames.nearest(cell, columns, i -> positions[i] < 0);
            if (suggestion == null) {
                problems.warning(new ImportProblem(header.line(), cell, cell, "Ukjent kolonne, den blir ikke lest"));
            } else {
                suggested[suggestion.column()] = true;
                problems.error(new ImportProblem(header.line(), cell, cell, "Ukjent kolonne «" + cell.strip()
                        + "»: mente du «" + suggestion.name() + "»? Rett overskriften, ellers blir kolonnen ikke lest"));
                complete = false;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (positions[i] < 0 && column.required() && !suggested[i]) {
                problems.error(new ImportProblem(header.line(), column.name(), "",
                        "Kolonnen «" + column.label() + "»" + otherNames(column) + " mangler i overskriften"));
                complete = false;
            }
        }
        return complete;
    }

    /**
     * How many cells of a row name a column of the dataset or a header it ignores: a header row
     * names at least two, a title row above it fewer.
     */
    int knownNames(SourceRow row) {
        int known = 0;
        for (String cell : row.cells()) {
            if (!cell.isBlank() && keys.containsKey(Column.key(cell))) {
                known++;
            }
        }
        return known;
    }

    /**
     * The optional value columns the header does not have: their stored values are kept, where a
     * blank cell would mean "not known". Key columns ({@code område}) are not among them.
     */
    List<String> absentValueColumns() {
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            String column = dataset.databaseColumn(dataset.columns().get(i));
            if (positions[i] < 0 && !dataset.keyColumns().contains(column)) {
                absent.add(column);
            }
        }
        return absent;
    }

    /** The row's values in column order, or null when it has errors (which are reported). */
    Object[] validate(SourceRow row) {
        currentLine = row.line();
        problems.seen(row.line());
        Object[] values = new Object[columns.size()];
        boolean valid = true;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String text = positions[i] >= 0 && positions[i] < row.cells().size() ? row.cells().get(positions[i]).strip() : "";
            rowWarnings.clear();
            try {
                if (text.isEmpty()) {
                    if (column.required() && !column.type().blankAllowedWhenRequired()) {
                        throw new InvalidValue("Mangler verdi");
                    }
                    values[i] = column.type().blank();
                } else {
                    values[i] = column.type().parse(text, context);
                }
                for (String warning : rowWarnings) {
                    problems.warning(new ImportProblem(currentLine, headers[i], text, warning));
                }
            } catch (InvalidValue e) {
                problems.error(new ImportProblem(row.line(), headers[i], text, e.getMessage()));
                valid = false;
            }
        }
        for (int p = headerWidth; p < row.cells().size(); p++) {
            if (!row.cells().get(p).isBlank()) {
                problems.error(new ImportProblem(row.line(), "kolonne " + (p + 1), row.cells().get(p),
                        "Raden har flere verdier enn overskriften har kolonner (desimalkomma i en kommaseparert fil?)"));
                valid = false;
                break;
            }
        }
        if (!valid) {
            return null;
        }
        List<Dataset.RuleBreach> breaches = dataset == null ? List.of() : dataset.check(new Dataset.Row(dataset, values));
        for (Dataset.RuleBreach breach : breaches) {
            int i = indexOf(breach.column());
            String text = positions[i] >= 0 && positions[i] < row.cells().size() ? row.cells().get(positions[i]) : "";
            problems.error(new ImportProblem(row.line(), headers[i], text, breach.message()));
        }
        return breaches.isEmpty() ? values : null;
    }

    /**
     * Checks the rules of a row whose values the file does not have all of, with the stored ones
     * kept ({@link FactStore#keepStored}): a stored count may exceed a changed one. Each breach is
     * an error on the row's line, naming the column that is missing and its stored value.
     */
    void checkKept(int line, Object[] values) {
        for (Dataset.RuleBreach breach : dataset.check(new Dataset.Row(dataset, values))) {
            int i = indexOf(breach.column());
            Column column = dataset.columns().get(i);
            String value = String.valueOf(values[i]);
            String message = positions[i] >= 0 ? breach.message() : breach.message() + ". Verdien " + value
                    + " er lagret fra før, og filen har ikke kolonnen «" + column.label() + "»: ta den med";
            problems.error(new ImportProblem(line, positions[i] >= 0 ? headers[i] : column.label(), value, message));
        }
    }

    /** Whether the file has the i-th column. */
    boolean has(int i) {
        return positions[i] >= 0;
    }

    /** The cell of the i-th column in {@code row} as written ("" where the file has no such column or cell). */
    String cell(SourceRow row, int i) {
        return positions[i] >= 0 && positions[i] < row.cells().size() ? row.cells().get(positions[i]).strip() : "";
    }

    /** The header of the dataset's i-th column as the file writes it. */
    String header(int i) {
        return headers[i];
    }

    /** The columns the file has, by database column, each with its header as the file writes it. */
    Map<String, String> presentColumns() {
        Map<String, String> present = new LinkedHashMap<>();
        for (int i = 0; i < dataset.columns().size(); i++) {
            if (positions[i] >= 0) {
                present.put(dataset.databaseColumn(dataset.columns().get(i)), headers[i]);
            }
        }
        return present;
    }

    private int indexOf(String columnName) {
        for (int i = 0; i < dataset.columns().size(); i++) {
            if (dataset.columns().get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(columnName);
    }

    /** The column's other accepted names, e.g. {@code  (eller «periode» / «month»)}. */
    private static String otherNames(Column column) {
        List<String> others = column.names().subList(1, column.names().size());
        return others.isEmpty() ? "" : " (eller «" + String.join("» / «", others) + "»)";
    }
}
