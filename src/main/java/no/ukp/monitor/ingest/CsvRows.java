package no.ukp.monitor.ingest;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with Apache Commons CSV after finding its encoding (UTF-8 with or without
 * BOM, UTF-16 with BOM, otherwise Windows-1252 as Norwegian Excel writes) and its delimiter
 * ({@code ,}, {@code ;} or tab: whichever the header line has most of).
 */
final class CsvRows implements RowSource {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** characters read to find the delimiter: the header line, or its start */
    private static final int HEAD = 64 * 1024;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long lastRecord;

    CsvRows(Path file, ImportProperties.Csv limits) throws IOException {
        Encoding encoding = detectEncoding(file);
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(encoding.bomLength());
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, encoding.charset()), HEAD);
        char delimiter = detectDelimiter(head(reader));
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false) // keeps record numbers equal to line numbers
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        this.parser = CSVParser.builder().setReader(new RecordLimit(reader, delimiter, limits.maxLineLength()))
                .setFormat(format).get();
        this.records = parser.iterator();
    }

    /**
     * The line to find the delimiter in: of the first lines that may be a title or the header
     * ({@link FileLayout#MAX_TITLE_ROWS} + 1 non-empty ones), the first with the most of one
     * delimiter, so that a title line (with none, or a comma) does not decide; within the first
     * {@link #HEAD} characters. The reader is back at the start.
     */
    private static String head(BufferedReader reader) throws IOException {
        char[] head = new char[HEAD];
        reader.mark(HEAD);
        int length = 0;
        int n;
        while (length < HEAD && (n = reader.read(head, length, HEAD - length)) > 0) {
            length += n;
        }
        reader.reset();
        String text = new String(head, 0, length);
        String best = null;
        long bestCount = -1;
        int lines = 0;
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                continue;
            }
            long count = Math.max(count(line, ','), Math.max(count(line, ';'), count(line, '\t')));
            if (count > bestCount) {
                best = line;
                bestCount = count;
            }
            if (++lines > FileLayout.MAX_TITLE_ROWS) {
                break;
            }
        }
        return best == null ? "" : best;
    }

    private static long count(String line, char c) {
        return line.chars().filter(x -> x == c).count();
    }

    @Override
    public SourceRow next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            lastRecord = record.getRecordNumber();
            return new SourceRow(Math.toIntExact(record.getRecordNumber()), cells);
        } catch (RuntimeException e) {
            // Commons CSV throws UncheckedIOException (with the reader's UnreadableFile as its cause)
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnreadableFile unreadable) {
                    throw unreadable;
                }
            }
            throw unreadable(e);
        }
    }

    /** Commons CSV's (English) reason in Norwegian, on the line the broken record starts. */
    private UnreadableFile unreadable(RuntimeException e) {
        int line = (int) Math.min(Integer.MAX_VALUE, lastRecord + 1);
        String reason = String.valueOf(e.getMessage());
        String message;
        if (reason.contains("EOF reached before encapsulated token finished")) {
            message = "Linje " + line + ": et felt i anførselstegn (\") blir aldri lukket, så resten av filen ville blitt "
                    + "ett felt. Sjekk anførselstegnene fra linje " + line;
        } else if (reason.contains("invalid char between encapsulated token and delimiter")) {
            message = "Linje " + line + ": tegn etter et avsluttende anførselstegn (\"). Et felt i anførselstegn må slutte "
                    + "rett før skilletegnet; et anførselstegn inne i feltet skrives \"\"";
        } else {
            message = "Filen kan ikke leses videre fra linje " + line + " (feil i anførselstegn eller tegnkoding?)";
        }
        return new UnreadableFile(line, "", "", message, e);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Refuses a record longer than {@code max} characters before Commons CSV builds it whole (it
     * would build a giant field, or millions of empty ones, in memory). Follows the quoting of
     * {@link CSVFormat#DEFAULT} so that a quoted field over several lines counts as one record,
     * and counts records as the parser does (they are the import's line numbers).
     */
    static final class RecordLimit extends FilterReader {

        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_IN_QUOTED = 3;

        private final char delimiter;
        private final int max;
        private int state = FIELD_START;
        private int length;
        private long record = 1;
        private boolean afterCr;

        RecordLimit(Reader in, char delimiter, int max) {
            super(in);
            this.delimiter = delimiter;
            this.max = max;
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int n = in.read(buffer, offset, count);
            for (int i = offset; i < offset + n; i++) {
                next(buffer[i]);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                next((char) c);
            }
            return c;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void next(char c) throws UnreadableFile {
            boolean lf = c == '\n';
            if (lf && afterCr) {
                // the \n of \r\n: the record ended at \r
                afterCr = false;
                return;
            }
            afterCr = c == '\r';
            boolean lineBreak = lf || afterCr;
            if (++length > max) {
                throw new UnreadableFile((int) Math.min(Integer.MAX_VALUE, record), "", "", "Linje " + record
                        + " er lengre enn " + String.format(java.util.Locale.forLanguageTag("nb-NO"), "%,d", max)
                        + " tegn (grense ukp.import.csv.max-line-length)"
                        + (state == QUOTED ? ": et felt i anførselstegn (\") som ikke blir lukket?" : ""), null);
            }
            switch (state) {
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    }
                }
                case QUOTE_IN_QUOTED -> state = c == '"' ? QUOTED : c == delimiter ? FIELD_START : lineBreak ? endRecord() : UNQUOTED;
                // Commons CSV skips any white space before a quote (setIgnoreSurroundingSpaces), so must this
                case FIELD_START -> state = c == '"' ? QUOTED : lineBreak ? endRecord()
                        : c == delimiter || Character.isWhitespace(c) ? FIELD_START : UNQUOTED;
                default -> state = c == delimiter ? FIELD_START : lineBreak ? endRecord() : UNQUOTED;
            }
        }

        private int endRecord() {
            record++;
            length = 0;
            return FIELD_START;
        }
    }

    record Encoding(Charset charset, int bomLength) {
    }

    /** BOM first; without one, UTF-8 if every byte decodes as UTF-8, else Windows-1252. */
    static Encoding detectEncoding(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return new Encoding(StandardCharsets.UTF_8, 3);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return new Encoding(StandardCharsets.UTF_16LE, 2);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return new Encoding(StandardCharsets.UTF_16BE, 2);
            }
        }
        return isUtf8(file) ? new Encoding(StandardCharsets.UTF_8, 0) : new Encoding(WINDOWS_1252, 0);
    }

    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) > 0) {
                bytes.position(bytes.position() + n);
                bytes.flip();
                if (decoder.decode(bytes, chars, false).isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static char detectDelimiter(String headerLine) {
        if (headerLine == null) {
            return ',';
        }
        long semicolons = count(headerLine, ';');
        long tabs = count(headerLine, '\t');
        long commas = count(headerLine, ',');
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }
}
