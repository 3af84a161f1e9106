package no.ukp.monitor.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The empty file a user fills in for an import: the Norwegian headers of the dataset's columns
 * and, in the XLSX, a second sheet «Forklaring» explaining each column. Everything in it comes
 * from the column definitions the import itself reads ({@link ImportKind}, {@link Column},
 * {@link ColumnType}), so a template always imports.
 */
final class ImportTemplate {

    /** The CSV template's delimiter: what Norwegian Excel writes and opens. */
    static final char CSV_DELIMITER = ';';

    private static final List<String> EXPLANATION_HEADERS = List.of("Kolonne", "Andre navn som godtas", "Påkrevd",
            "Innhold", "Tillatte verdier", "Eksempel");

    private ImportTemplate() {
    }

    /** The template of {@code dataset} in {@code format}. */
    static byte[] write(ImportKind dataset, FileFormat format) {
        return format == FileFormat.XLSX ? xlsx(dataset) : csv(dataset);
    }

    /** The file name to save the template as, e.g. {@code mal-monthly-statistics.xlsx}. */
    static String fileName(ImportKind dataset, FileFormat format) {
        return "mal-" + dataset.slug() + "." + format.name().toLowerCase(Locale.ROOT);
    }

    /** The header line only: UTF-8 with a BOM (for Excel), {@link #CSV_DELIMITER}, CRLF. */
    static byte[] csv(ImportKind dataset) {
        String header = String.join(String.valueOf(CSV_DELIMITER), dataset.columns().stream().map(Column::label).toList());
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(ImportKind dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "UKP-monitor", "1.0")) {
            Worksheet data = workbook.newWorksheet(dataset.title());
            List<Column> columns = dataset.columns();
            for (int c = 0; c < columns.size(); c++) {
                data.value(0, c, columns.get(c).label());
                data.width(c, Math.max(12, columns.get(c).label().length() + 4));
            }
            data.range(0, 0, 0, columns.size() - 1).style().bold().set();
            data.freezePane(0, 1);

            Worksheet explanation = workbook.newWorksheet("Forklaring");
            explanation.value(0, 0, dataset.title() + ": én rad per " + dataset.keyDescription()
                    + ". Fyll inn radene i arket «" + dataset.title() + "» under overskriftene.");
            for (int c = 0; c < EXPLANATION_HEADERS.size(); c++) {
                explanation.value(2, c, EXPLANATION_HEADERS.get(c));
            }
            explanation.range(2, 0, 2, EXPLANATION_HEADERS.size() - 1).style().bold().set();
            int row = 3;
            for (Column column : columns) {
                List<String> names = column.names();
                explanation.value(row, 0, column.label());
                explanation.value(row, 1, String.join(", ", names.subList(1, names.size())));
                explanation.value(row, 2, column.required() ? "ja" : "nei");
                explanation.value(row, 3, column.description());
                explanation.value(row, 4, column.type().format());
                explanation.value(row, 5, column.example());
                row++;
            }
            row++;
            explanation.value(row++, 0, "Store og små bokstaver, mellomrom og tegnsetting i overskriftene spiller "
                    + "ingen rolle (Kommune nr. = kommunenr). Kolonnene kan stå i hvilken som helst rekkefølge.");
            explanation.value(row++, 0, "En tom celle i en valgfri kolonne betyr «ikke kjent». Mangler en valgfri "
                    + "kolonne helt, beholdes verdiene som er lagret fra før.");
            boolean readsName = dataset.columns().stream().anyMatch(c -> Dataset.IGNORED_HEADERS.stream().anyMatch(c::isNamed));
            explanation.value(row, 0, (readsName ? "" : "Kolonnen " + String.join(" / ", Dataset.IGNORED_HEADERS)
                    + " kan stå med og blir ikke lest. ") + "Andre ukjente kolonner gir en advarsel.");
            int[] widths = {22, 28, 9, 60, 60, 18};
            for (int c = 0; c < widths.length; c++) {
                explanation.width(c, widths[c]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a template in memory", e);
        }
        return out.toByteArray();
    }
}
