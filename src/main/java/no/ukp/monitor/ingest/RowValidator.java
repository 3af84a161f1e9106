package no.ukp.monitor.ingest;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
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
    private final ImportService.Problems problems;
    private final RowContext context;
    private final int[] positions;
    private final String[] headers;
    private int headerWidth;
    private int currentLine;
    private final List<String> rowWarnings = new ArrayList<>();

    RowValidator(Dataset dataset, MunicipalityNumbers municipalities, YearMonth currentMonth, OffsetDateTime now,
                 ImportService.Problems problems) {
        this.dataset = dataset;
        this.problems = problems;
        this.context = new RowContext(municipalities, currentMonth, now, rowWarnings::add);
        this.positions = new int[dataset.columns().size()];
        this.headers = new String[dataset.columns().size()];
    }

    /** Finds each column in the header; false (with errors on line 1) when required ones are missing. */
    boolean readHeader(SourceRow header) {
        headerWidth = header.cells().size();
        boolean complete = true;
        List<Column> columns = dataset.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            positions[i] = -1;
            headers[i] = column.name();
            for (int p = 0; p < header.cells().size(); p++) {
                if (column.isNamed(header.cells().get(p))) {
                    if (positions[i] >= 0) {
                        problems.error(new ImportProblem(header.line(), header.cells().get(p), header.cells().get(p),
                                "Kolonnen «" + column.name() + "» står to ganger i overskriften"));
                        complete = false;
                    }
                    positions[i] = p;
                    headers[i] = header.cells().get(p).strip();
                }
            }
            if (positions[i] < 0 && column.required()) {
                problems.error(new ImportProblem(header.line(), column.name(), "",
                        "Kolonnen «" + column.name() + "»" + aliases(column) + " mangler i overskriften"));
                complete = false;
            }
        }
        for (int p = 0; p < header.cells().size(); p++) {
            String name = header.cells().get(p);
            if (!name.isBlank() && columns.stream().noneMatch(c -> c.isNamed(name))) {
                problems.warning(new ImportProblem(header.line(), name, name, "Ukjent kolonne, den blir ikke lest"));
            }
        }
        return complete;
    }

    /** The row's values in column order, or null when it has errors (which are reported). */
    Object[] validate(SourceRow row) {
        currentLine = row.line();
        problems.seen(row.line());
        List<Column> columns = dataset.columns();
        Object[] values = new Object[columns.size()];
        boolean valid = true;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String text = positions[i] >= 0 && positions[i] < row.cells().size() ? row.cells().get(positions[i]).strip() : "";
            rowWarnings.clear();
            try {
                if (text.isEmpty()) {
                    if (column.required() && column.type() != ColumnType.AREA) {
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
        List<Dataset.RuleBreach> breaches = dataset.check(new Dataset.Row(dataset, values));
        for (Dataset.RuleBreach breach : breaches) {
            int i = indexOf(breach.column());
            String text = positions[i] >= 0 && positions[i] < row.cells().size() ? row.cells().get(positions[i]) : "";
            problems.error(new ImportProblem(row.line(), headers[i], text, breach.message()));
        }
        return breaches.isEmpty() ? values : null;
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

    private static String aliases(Column column) {
        return column.aliases().isEmpty() ? "" : " (eller «" + String.join("» / «", column.aliases()) + "»)";
    }
}
