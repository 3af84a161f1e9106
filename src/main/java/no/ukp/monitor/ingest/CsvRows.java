package no.ukp.monitor.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(Path file) throws IOException {
        Encoding encoding = detectEncoding(file);
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(encoding.bomLength());
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, encoding.charset()), 64 * 1024);
        reader.mark(64 * 1024);
        char delimiter = detectDelimiter(reader.readLine());
        reader.reset();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false) // keeps record numbers equal to line numbers
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        this.records = parser.iterator();
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
            return new SourceRow(Math.toIntExact(record.getRecordNumber()), cells);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
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
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }
}
