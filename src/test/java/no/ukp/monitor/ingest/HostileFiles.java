package no.ukp.monitor.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile import files, generated (never committed): small uploads that unpack or parse into far
 * more than they look like. Each XLSX is a valid minimal workbook with one part replaced, deflated
 * at level 9, so the bytes that would be sent stay small while the content is huge.
 */
final class HostileFiles {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    static final String STYLES = "xl/styles.xml";

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String HEADER_ROW = "<row r=\"1\">" + inline("A1", "month") + inline("B1", "municipality")
            + inline("C1", "ukp_stays") + inline("D1", "zero_day_stays") + inline("E1", "ukp_days")
            + inline("F1", "discharged_home") + "</row>";

    private HostileFiles() {
    }

    /** Writes (part of) a part's content; called once per part while zipping. */
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** The parts of a minimal workbook whose first sheet holds {@code sheetData} (rows as XML). */
    static Map<String, Content> workbook(Content sheetData) {
        Map<String, Content> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>"));
        parts.put("_rels/.rels", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"));
        parts.put("xl/workbook.xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Ark1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>"));
        parts.put(STYLES, text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\">"
                + "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellXfs></styleSheet>"));
        parts.put(SHARED_STRINGS, sharedStrings(out -> out.write(bytes("<si><t>5001</t></si>"))));
        parts.put(SHEET, out -> {
            out.write(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>"));
            sheetData.write(out);
            out.write(bytes("</sheetData></worksheet>"));
        });
        return parts;
    }

    /** A workbook with the header row and one valid data row. */
    static Map<String, Content> validWorkbook() {
        return workbook(text(HEADER_ROW + "<row r=\"2\">" + inline("A2", "2025-01") + "<c r=\"B2\" t=\"s\"><v>0</v></c>"
                + number("C2", 10) + number("D2", 8) + number("E2", 5) + number("F2", 3) + "</row>"));
    }

    static Content sharedStrings(Content items) {
        return out -> {
            out.write(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">"));
            items.write(out);
            out.write(bytes("</sst>"));
        };
    }

    /** {@code count} distinct shared strings; the sheet's header refers to the last one. */
    static byte[] manySharedStrings(int count) {
        return zip(manySharedStringsParts(count));
    }

    static Map<String, Content> manySharedStringsParts(int count) {
        Map<String, Content> parts = workbook(text(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>" + (count - 1)
                + "</v></c></row>"));
        parts.put(SHARED_STRINGS, sharedStrings(out -> {
            for (int i = 0; i < count; i++) {
                out.write(bytes("<si><t>" + i + "</t></si>"));
            }
        }));
        return parts;
    }

    /** One shared string of {@code chars} characters, used by a cell; as rich text runs when {@code runs}. */
    static byte[] giantSharedString(long chars, boolean runs) {
        Map<String, Content> parts = workbook(text(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"));
        parts.put(SHARED_STRINGS, sharedStrings(out -> {
            out.write(bytes("<si>"));
            if (runs) {
                repeat(out, "<r><t>" + "x".repeat(1000) + "</t></r>", chars / 1000);
            } else {
                out.write(bytes("<t>"));
                repeat(out, "x", chars);
                out.write(bytes("</t>"));
            }
            out.write(bytes("</si>"));
        }));
        return zip(parts);
    }

    /** One inline string cell of {@code chars} characters. */
    static byte[] giantInlineString(long chars) {
        return zip(workbook(out -> {
            out.write(bytes(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>"));
            repeat(out, "y", chars);
            out.write(bytes("</t></is></c></row>"));
        }));
    }

    /** {@code rows} rows after the header, each with one small number. */
    static byte[] manyRows(int rows) {
        return zip(workbook(out -> {
            out.write(bytes(HEADER_ROW));
            for (int r = 2; r < rows + 2; r++) {
                out.write(bytes("<row><c t=\"n\"><v>1</v></c></row>"));
            }
        }));
    }

    /** A data row with a cell at {@code reference} (like XFD1048576). */
    static byte[] farCell(String reference) {
        return zip(workbook(text(HEADER_ROW + "<row><c r=\"" + reference + "\" t=\"n\"><v>1</v></c></row>")));
    }

    /** A data row with {@code cells} cells. */
    static byte[] wideRow(int cells) {
        return zip(workbook(out -> {
            out.write(bytes(HEADER_ROW + "<row r=\"2\">"));
            repeat(out, "<c t=\"n\"><v>1</v></c>", cells);
            out.write(bytes("</row>"));
        }));
    }

    /** Comments in the sheet until it unpacks to {@code bytes} bytes (kept: seconds to deflate). */
    static byte[] hugeSheet(long bytes) {
        return BOMBS.computeIfAbsent("sheet " + bytes, k -> zip(workbook(out -> {
            out.write(bytes(HEADER_ROW));
            repeat(out, "<!-- padding -->\n", bytes / 17);
        })));
    }

    /** An extra part nobody reads, of {@code bytes} zeros: a zip bomb beside a valid workbook (kept). */
    static byte[] paddedWorkbook(long bytes) {
        return BOMBS.computeIfAbsent("padding " + bytes, k -> {
            Map<String, Content> parts = validWorkbook();
            parts.put("xl/media/padding.bin", out -> {
                byte[] zeros = new byte[64 * 1024];
                for (long left = bytes; left > 0; left -= zeros.length) {
                    out.write(zeros, 0, (int) Math.min(zeros.length, left));
                }
            });
            return zip(parts);
        });
    }

    /** the big zip bombs, made once per test run (they compress to about a megabyte) */
    private static final Map<String, byte[]> BOMBS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A workbook listing {@code count} sheets (fastexcel keeps a list of them). */
    static byte[] manySheets(int count) {
        Map<String, Content> parts = validWorkbook();
        parts.put("xl/workbook.xml", out -> {
            out.write(bytes("<workbook xmlns=\"" + MAIN + "\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"));
            for (int i = 1; i <= count; i++) {
                out.write(bytes("<sheet name=\"Ark" + i + "\" sheetId=\"" + i + "\" r:id=\"rId1\"/>"));
            }
            out.write(bytes("</sheets></workbook>"));
        });
        return zip(parts);
    }

    /** A sheet with {@code count} distinct element and attribute names starting with {@code prefix}. */
    static byte[] distinctNames(int count, String prefix) {
        return zip(workbook(out -> {
            for (int i = 0; i < count; i++) {
                out.write(bytes("<" + prefix + Integer.toString(i, 36) + " a" + i + "=\"1\"/>"));
            }
        }));
    }

    /** Elements nested {@code levels} deep in the sheet (they compress to almost nothing). */
    static byte[] deepNesting(int levels) {
        return zip(workbook(out -> {
            repeat(out, "<a>", levels);
            repeat(out, "</a>", levels);
        }));
    }

    /** A valid workbook whose sheet appears twice, the second time with different rows. */
    static byte[] duplicateSheet() {
        Map<String, Content> parts = validWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            write(zip, parts);
            // ZipOutputStream refuses a duplicate name; a name that differs only in a byte the
            // archive keeps is patched below to the same name
            zip.putNextEntry(new ZipEntry(SHEET.replace("sheet1", "sheetX")));
            parts.get(SHEET).write(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return replaceAll(out.toByteArray(), bytes(SHEET.replace("sheet1", "sheetX")), bytes(SHEET));
    }

    /** A valid workbook with {@code count} extra empty parts. */
    static byte[] manyEntries(int count) {
        Map<String, Content> parts = validWorkbook();
        for (int i = 0; i < count; i++) {
            parts.put(Integer.toString(i, 36), out -> { });
        }
        return zip(parts);
    }

    /** A valid workbook with a DTD that expands an entity a billion times ("billion laughs"). */
    static byte[] entityExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        Map<String, Content> parts = workbook(text(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"));
        parts.put(SHARED_STRINGS, text(dtd + "<sst xmlns=\"" + MAIN + "\"><si><t>&l9;</t></si></sst>"));
        return zip(parts);
    }

    /** A workbook without one of its parts. */
    static byte[] without(String part) {
        Map<String, Content> parts = validWorkbook();
        parts.remove(part);
        return zip(parts);
    }

    /** A workbook whose sheet XML is cut off in the middle of a row. */
    static byte[] brokenSheetXml() {
        Map<String, Content> parts = validWorkbook();
        parts.put(SHEET, text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>"
                + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2025-01</t></is></c><c r=\"B2"));
        return zip(parts);
    }

    /** The part's XML in another encoding: UTF-16LE with a byte order mark, or bytes as ISO-8859-1 with its declaration. */
    static Content encoded(Content utf8, java.nio.charset.Charset charset) {
        return out -> {
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            utf8.write(xml);
            String text = xml.toString(StandardCharsets.UTF_8).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>");
            if (charset.equals(StandardCharsets.UTF_16LE)) {
                out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            }
            out.write(text.getBytes(charset));
        };
    }

    static byte[] zip(Map<String, Content> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            write(zip, parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(ZipOutputStream zip, Map<String, Content> parts) throws IOException {
        zip.setLevel(Deflater.BEST_COMPRESSION);
        for (Map.Entry<String, Content> part : parts.entrySet()) {
            zip.putNextEntry(new ZipEntry(part.getKey()));
            part.getValue().write(zip);
            zip.closeEntry();
        }
    }

    // ---- CSV ----------------------------------------------------------------------------------

    /** A valid header and a row whose area is one quoted field of {@code chars} characters, with line breaks. */
    static byte[] giantQuotedCsvField(int chars) {
        return giantQuotedCsvField(chars, "");
    }

    /**
     * The same with {@code space} before the opening quote: Commons CSV skips any white space
     * there (a vertical tab, U+3000), so the field is still quoted.
     */
    static byte[] giantQuotedCsvField(int chars, String space) {
        StringBuilder csv = new StringBuilder("month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home\n");
        csv.append("2025-01,5001,").append(space).append('"');
        for (int i = 0; i < chars; i++) {
            csv.append(i % 100 == 99 ? '\n' : 'z');
        }
        return bytes(csv.append("\",10,8,5,3\n").toString());
    }

    /** A valid header and one line of {@code chars} characters of {@code c} (a comma gives millions of columns). */
    static byte[] giantCsvLine(int chars, char c) {
        byte[] head = bytes("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home\n2025-01,5001,");
        byte[] file = new byte[head.length + chars + 1];
        System.arraycopy(head, 0, file, 0, head.length);
        java.util.Arrays.fill(file, head.length, file.length - 1, (byte) c);
        file[file.length - 1] = '\n';
        return file;
    }

    /** A header line of {@code chars} characters without a line break. */
    static byte[] giantCsvHeader(int chars) {
        byte[] file = new byte[chars];
        java.util.Arrays.fill(file, (byte) 'h');
        return file;
    }

    // ---- helpers ------------------------------------------------------------------------------

    static Content text(String xml) {
        return out -> out.write(bytes(xml));
    }

    static String inline(String reference, String text) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static String number(String reference, int value) {
        return "<c r=\"" + reference + "\"><v>" + value + "</v></c>";
    }

    private static void repeat(OutputStream out, String unit, long times) throws IOException {
        byte[] one = bytes(unit);
        int perChunk = (int) Math.max(1, Math.min(times, 64 * 1024 / one.length));
        byte[] chunk = new byte[one.length * perChunk];
        for (int i = 0; i < perChunk; i++) {
            System.arraycopy(one, 0, chunk, i * one.length, one.length);
        }
        for (long left = times; left > 0; left -= perChunk) {
            out.write(chunk, 0, (int) (Math.min(perChunk, left) * one.length));
        }
    }

    private static byte[] replaceAll(byte[] data, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, data, i, to.length);
            }
        }
        return data;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
