package no.ukp.monitor.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an XLSX file, streaming (fastexcel-reader), and turns each cell into
 * the text a user sees: numbers without a trailing {@code .0}, date cells as dates, so that the
 * same validation as for CSV applies.
 */
final class XlsxRows implements RowSource {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private int lastLine;

    /** Checks the file against {@code limits} ({@link XlsxCheck}) before fastexcel opens it. */
    XlsxRows(Path file, ImportProperties.Xlsx limits) throws IOException {
        XlsxCheck.check(file, limits);
        ReadableWorkbook opened = null;
        try {
            opened = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            this.stream = opened.getFirstSheet().openStream();
            this.rows = stream.iterator();
            this.workbook = opened;
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            throw new UnreadableFile(0, "", "", "XLSX-filen kan ikke åpnes: den mangler en del som Excel alltid skriver "
                    + "(arbeidsbok, ark eller stiler) eller er skadet. Lagre den på nytt som Excel-arbeidsbok (.xlsx)", e);
        }
    }

    @Override
    public SourceRow next() throws IOException {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            lastLine = row.getRowNum();
            return new SourceRow(row.getRowNum(), cells);
        } catch (RuntimeException e) {
            int line = lastLine + 1;
            throw new UnreadableFile(line, "", "", "XLSX-filen kan ikke leses videre fra rad " + line
                    + ": arket er skadet eller har en celle som ikke kan leses. Lagre den på nytt fra Excel", e);
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> isDateFormat(cell) ? date(cell.asDate()) : number(cell.asNumber());
            case EMPTY -> "";
            case FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue().strip();
            default -> cell.getText().strip();
        };
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDateTime value) {
        return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? DATE.format(value) : DATE_TIME.format(value);
    }

    /** Excel's built-in date formats (14–22, 45–47) or a custom format with day or year parts. */
    static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String unquoted = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase();
        return unquoted.contains("y") || unquoted.contains("d");
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
