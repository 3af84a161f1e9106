package no.ukp.monitor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two file formats of the contract: CSV (any of its encodings and delimiters) and XLSX. */
enum FileFormat {
    CSV("CSV"), XLSX("XLSX");

    static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String description;

    FileFormat(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    RowSource open(Path file, ImportProperties limits) throws IOException {
        return this == XLSX ? new XlsxRows(file, limits.xlsx()) : new CsvRows(file, limits.csv());
    }

    /**
     * The format of an upload from its content (a zip is XLSX), its media type and its file
     * name; empty when none fits (answered 415).
     */
    static Optional<FileFormat> detect(String mediaType, String fileName, byte[] head) {
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (type.equals(XLSX_MEDIA_TYPE) || (zip && (type.isEmpty() || type.equals("application/octet-stream")))) {
            return Optional.of(XLSX);
        }
        if (type.equals("text/csv") || type.equals("application/csv") || type.equals("text/plain")
                || type.equals("text/tab-separated-values") || type.equals("application/vnd.ms-excel")) {
            return Optional.of(zip ? XLSX : CSV);
        }
        if (type.isEmpty() || type.equals("application/octet-stream")) {
            if (name.endsWith(".xlsx")) {
                return Optional.of(XLSX);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
                return Optional.of(CSV);
            }
        }
        return Optional.empty();
    }
}
