package no.ukp.monitor.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.http.ResponseEntity;

/**
 * The CSV answers of the API, for the analysts' own tools: one media type, one role check, the
 * dialects and one way to send a file. CSV is an export: whatever {@code Accept} header or
 * {@code format} parameter chose a CSV handler, the handler itself carries
 * {@code @PreAuthorize(CsvExport.ROLE)}.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    public static final String ROLE = "hasRole('EXPORT')";
    /** The query parameter that asks for CSV ({@code csv}) or JSON ({@code json}) where a link cannot set {@code Accept}. */
    public static final String FORMAT = "format";
    /** The query parameter that chooses the {@link Dialect}. */
    public static final String DIALECT = "dialect";
    /** The addresses whose {@code format} means CSV or JSON (elsewhere, e.g. the report's, it means something else). */
    static final List<String> FORMAT_PATHS = List.of("/api/v1/kpis", "/api/v1/export/", "/api/v1/analysis/");

    /** How a CSV file is written: separators, line ends and whether it starts with a byte order mark. */
    public enum Dialect {
        /** RFC 4180 as before: {@code ,} and a decimal point, LF, no BOM; the default. */
        RFC4180("rfc4180", ',', '.', "\n", false),
        /** Norwegian Excel: {@code ;}, a decimal comma, CRLF and a UTF-8 BOM (without it Excel reads the file as Windows-1252). */
        EXCEL_NB("excel-nb", ';', ',', "\r\n", true);

        private final String key;
        private final char separator;
        private final char decimal;
        private final String lineEnd;
        private final boolean bom;

        Dialect(String key, char separator, char decimal, String lineEnd, boolean bom) {
            this.key = key;
            this.separator = separator;
            this.decimal = decimal;
            this.lineEnd = lineEnd;
            this.bom = bom;
        }

        public String key() {
            return key;
        }

        /** The dialect of the parameter {@code dialect}: none or empty is RFC 4180; another is {@link InvalidRequest}. */
        public static Dialect of(String key) {
            if (key == null || key.isBlank()) {
                return RFC4180;
            }
            return Arrays.stream(values()).filter(d -> d.key.equals(key.strip().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new InvalidRequest("Ukjent dialekt «" + Problems.cut(key) + "» i «" + DIALECT
                            + "»: bruk excel-nb (semikolon, desimalkomma, for norsk Excel) eller rfc4180 (komma, desimalpunktum; standard)"));
        }
    }

    private CsvExport() {
    }

    /** The CSV text as an attachment named {@code fileName}. */
    private static ResponseEntity<String> response(CharSequence csv, String fileName) {
        return ResponseEntity.ok()
                .header("Content-Type", MEDIA_TYPE)
                .header("Content-Disposition", disposition(fileName))
                .body(csv.toString());
    }

    /** The CSV text {@code rows} writes in the dialect (with its BOM). */
    public static String text(Dialect dialect, Consumer<CsvWriter> rows) {
        StringWriter text = new StringWriter();
        rows.accept(new CsvWriter(text, dialect));
        return text.toString();
    }

    /** The CSV text {@code rows} writes in the dialect, as an attachment named {@code fileName}. */
    public static ResponseEntity<String> response(String fileName, Dialect dialect, Consumer<CsvWriter> rows) {
        return response(text(dialect, rows), fileName);
    }

    /**
     * Streams the rows straight into the response as {@code rows} writes them (nothing held in
     * memory but a buffer): for exports of any size. Check every parameter before: once the first
     * bytes are sent, an error can no longer become a problem detail.
     */
    public static void stream(HttpServletResponse response, String fileName, Dialect dialect, Consumer<CsvWriter> rows)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Content-Type", MEDIA_TYPE);
        response.setHeader("Content-Disposition", disposition(fileName));
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        rows.accept(new CsvWriter(out, dialect));
        out.flush();
    }

    /** Checks the parameter {@code format} where it chooses CSV or JSON: none, {@code csv} or {@code json}. */
    public static void checkFormat(String format) {
        if (format != null && !List.of("", "csv", "json").contains(format.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidRequest("Ukjent format «" + Problems.cut(format) + "» i «" + FORMAT + "»: bruk csv eller json");
        }
    }

    /** Whether {@code format} means CSV or JSON at this path (relative to the context). */
    static boolean formatApplies(String path) {
        return FORMAT_PATHS.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p) || path.startsWith(p + "/"));
    }

    private static String disposition(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    /** Writes rows of cells in a dialect: text quoted where needed, numbers with the dialect's decimal sign. */
    public static final class CsvWriter {

        private final Writer out;
        private final Dialect dialect;

        CsvWriter(Writer out, Dialect dialect) {
            this.out = out;
            this.dialect = dialect;
            if (dialect.bom) {
                write("\uFEFF");
            }
        }

        public Dialect dialect() {
            return dialect;
        }

        /**
         * One row. A cell is written as: null empty; a {@link BigDecimal} plain (never 1E+3) with the
         * dialect's decimal sign, as it is (round before: {@code IndicatorDefinition.rounded}); another number as
         * Java writes it; anything else as text, in quotes when it holds the separator, a quote or a line break.
         */
        public CsvWriter row(Object... cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append(dialect.separator);
                }
                line.append(cell(cells[i]));
            }
            write(line.append(dialect.lineEnd).toString());
            return this;
        }

        /** The header row (names as they are). */
        public CsvWriter header(String... names) {
            return row((Object[]) names);
        }

        private String cell(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof BigDecimal number) {
                return number.toPlainString().replace('.', dialect.decimal);
            }
            if (value instanceof Double number) {
                return cell(BigDecimal.valueOf(number).stripTrailingZeros());
            }
            if (value instanceof Number number) {
                return number.toString();
            }
            String text = value.toString();
            if (text.indexOf(dialect.separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
