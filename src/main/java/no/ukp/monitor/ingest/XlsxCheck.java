package no.ukp.monitor.ingest;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A bounded pre-scan of an XLSX before fastexcel-reader opens it, so that a small upload cannot
 * unpack or parse into more than {@link ImportProperties.Xlsx} allows (fastexcel keeps the
 * shared strings it has read in memory, builds every text and attribute whole, and allocates a
 * row as wide as its farthest cell).
 *
 * <p>Entries are counted in the raw file before the zip reader parses its directory. Every zip
 * entry is inflated once, counting the bytes that really come out (declared sizes
 * are not trusted), with the same zip reader fastexcel uses. Every XML part (every entry that
 * starts with {@code <}) goes through a small byte-level scanner that never builds a string: it
 * counts shared strings ({@code si}), their total length, the text of one cell or shared string
 * (all text and CDATA inside {@code si}, {@code is}, {@code v}, {@code f}, {@code t}, as fastexcel
 * concatenates it), the length of every tag, comment and instruction, rows and cells per row and
 * their {@code r} references, how deep elements nest, the distinct element and attribute names
 * of a part (the parser's name table) and the elements fastexcel keeps in lists (sheets,
 * relationships, content types, cell and number formats). A DTD (entity expansion) is refused;
 * a part in UTF-16 or UTF-32 is decoded first, one in a single-byte encoding counted byte by byte.
 */
final class XlsxCheck {

    private static final Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");
    /** "PK\1\2", as the bytes appear in the file */
    private static final int CENTRAL_DIRECTORY_SIGNATURE = 0x504B0102;
    private static final byte[] COMMENT_OPEN = "!--".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CDATA_OPEN = "![CDATA[".getBytes(StandardCharsets.ISO_8859_1);

    private final ImportProperties.Xlsx limits;
    private final byte[] buffer = new byte[64 * 1024];
    /** the tag being read, up to the length limit (4 bytes per character at most) */
    private final byte[] tag;
    private long unpacked;
    private long sharedStrings;
    private long sharedStringsLength;
    /** hashes of the element and attribute names of the part being scanned (open addressing) */
    private final long[] names;
    private final long seed = java.util.concurrent.ThreadLocalRandom.current().nextLong();

    private XlsxCheck(ImportProperties.Xlsx limits) {
        this.limits = limits;
        this.tag = new byte[Math.min(limits.maxCellLength(), 1 << 20) * 4 + 16];
        this.names = new long[Integer.highestOneBit(Math.min(Math.max(limits.maxDistinctNames(), 16), 1 << 20)) * 4];
    }

    /** Throws {@link UnreadableFile} (a Norwegian message naming the limit) unless the file keeps within the limits. */
    static void check(Path file, ImportProperties.Xlsx limits) throws UnreadableFile {
        new XlsxCheck(limits).scan(file);
    }

    private void scan(Path file) throws UnreadableFile {
        try {
            countEntries(file);
            scanEntries(file);
        } catch (UnreadableFile e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFile(0, "", "", "Filen er ikke en gyldig XLSX-fil (zip-arkivet kan ikke leses): "
                    + "lagre den på nytt som Excel-arbeidsbok (.xlsx)", e);
        }
    }

    private void scanEntries(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
            Set<String> names = new HashSet<>();
            int entries = 0;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++entries > limits.maxEntries()) {
                    throw tooManyEntries();
                }
                if (!names.add(entry.getName())) {
                    throw new UnreadableFile(0, entry.getName(), "XLSX-filen har flere deler med samme navn («"
                            + entry.getName() + "»): den er skadet eller laget for å lure leseren");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    new Part(entry.getName()).scan(in);
                }
            }
        }
    }

    /**
     * Refuses too many entries before a zip reader keeps its central directory in memory (about
     * 2 KB of heap per entry, so a 50 MB upload could hold a gigabyte): every central-directory
     * entry any reader can find starts with the signature {@code PK\1\2}, so counting those
     * bytes in the whole file is a bound whatever reader and however the directory is located.
     */
    private void countEntries(Path file) throws IOException {
        long entries = 0;
        int window = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    window = (window << 8) | (buffer[i] & 0xFF);
                    if (window == CENTRAL_DIRECTORY_SIGNATURE && ++entries > limits.maxEntries()) {
                        throw tooManyEntries();
                    }
                }
            }
        }
    }

    private UnreadableFile tooManyEntries() {
        return limit(0, "", "XLSX-filen har flere enn " + number(limits.maxEntries()) + " deler", "max-entries");
    }

    private UnreadableFile limit(int line, String value, String what, String property) {
        return new UnreadableFile(line, "", value, what + " (grense ukp.import.xlsx." + property + ")", null);
    }

    private static String number(long n) {
        return String.format(NORWEGIAN, "%,d", n);
    }

    /** An entry's inflated bytes, counted against the total as they come out. */
    private final class Counted extends FilterInputStream {

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws UnreadableFile {
            unpacked += n;
            if (unpacked > limits.maxUncompressedSize().toBytes()) {
                throw limit(0, "", "XLSX-filen pakker ut til mer enn "
                        + number(limits.maxUncompressedSize().toMegabytes()) + " MB", "max-uncompressed-size");
            }
        }
    }

    /** One zip entry, scanned as XML if it starts with {@code <}. */
    private final class Part {

        private static final int START = 0;
        private static final int BINARY = 1;
        private static final int TEXT = 2;
        private static final int TAG_OPEN = 3;
        private static final int TAG = 4;
        private static final int BANG = 5;
        private static final int COMMENT = 6;
        private static final int CDATA = 7;
        private static final int INSTRUCTION = 8;

        private final String name;
        private int state = START;
        private long offset;
        private int tagBytes;
        private long tagLength;
        private byte quote;
        private int last1;
        private int last2;
        private boolean forget;
        /** the part declares a single-byte encoding: count bytes, not UTF-8 sequences */
        private boolean singleByte;
        private int entity;
        /** text of the current cell or shared string: everything inside si, is, v, f, t */
        private long textLength;
        private int valueDepth;
        private int sharedDepth;
        private long rows;
        private long rowNumber;
        private long cellsInRow;
        private long column;
        private String cell = "";
        private int cellStart = -1;
        private int cellEnd = -1;
        private int referenceStart = -1;
        private int referenceEnd;
        private int listed;
        private int depth;
        private int distinctNames;

        Part(String name) {
            this.name = name;
            java.util.Arrays.fill(names, 0);
        }

        void scan(InputStream entry) throws IOException {
            InputStream in = new Counted(entry);
            byte[] head = in.readNBytes(4);
            Charset wide = wideCharset(head);
            if (wide != null) {
                scan(new InputStreamReader(new SequenceInputStream(new ByteArrayInputStream(head), in), wide));
                return;
            }
            for (byte b : head) {
                next(b);
            }
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (state != BINARY) {
                    for (int i = 0; i < n; i++) {
                        next(buffer[i]);
                    }
                }
            }
        }

        /**
         * XML in UTF-16 or UTF-32 (aalto reads it; Excel never writes it, SharePoint's custom XML
         * may): decoded and scanned as the same text in UTF-8 would be.
         */
        private void scan(Reader in) throws IOException {
            char[] chars = new char[8 * 1024];
            int n;
            while ((n = in.read(chars)) > 0) {
                for (int i = 0; i < n; i++) {
                    char c = chars[i];
                    if (c < 0x80) {
                        next((byte) c);
                    } else if (c < 0x800) {
                        next((byte) (0xC0 | c >> 6));
                        next((byte) (0x80 | c & 0x3F));
                    } else if (Character.isSurrogate(c)) {
                        // each half as a 2-unit character: the counts are what matter, names stay distinct
                        next((byte) 0xF0);
                        next((byte) (0x80 | c >> 12 & 0x3F));
                        next((byte) (0x80 | c >> 6 & 0x3F));
                        next((byte) (0x80 | c & 0x3F));
                    } else {
                        next((byte) (0xE0 | c >> 12));
                        next((byte) (0x80 | c >> 6 & 0x3F));
                        next((byte) (0x80 | c & 0x3F));
                    }
                }
            }
        }

        private void next(byte b) throws UnreadableFile {
            switch (state) {
                case START -> start(b);
                case TEXT -> {
                    if (b == '<') {
                        state = TAG_OPEN;
                        tagBytes = 0;
                        tagLength = 0;
                    } else {
                        text(b);
                    }
                }
                case TAG_OPEN -> {
                    if (b == '!') {
                        state = BANG;
                        append(b);
                    } else if (b == '?') {
                        state = INSTRUCTION;
                        append(b);
                    } else {
                        state = TAG;
                        quote = 0;
                        tag(b);
                    }
                }
                case TAG -> tag(b);
                case BANG -> bang(b);
                case COMMENT -> {
                    append(b);
                    if (b == '>' && last1 == '-' && last2 == '-') {
                        endMarkup();
                    }
                }
                case CDATA -> {
                    if (b == '>' && last1 == ']' && last2 == ']') {
                        endMarkup();
                    } else {
                        count(singleByte ? 1 : characters(b));
                    }
                }
                case INSTRUCTION -> {
                    append(b);
                    if (b == '>' && last1 == '?') {
                        declaration();
                        endMarkup();
                    }
                }
                default -> { }
            }
            if (forget) {
                // the dashes of "<!--" do not end the comment as "-->"
                last1 = 0;
                last2 = 0;
                forget = false;
            } else {
                last2 = last1;
                last1 = b;
            }
            offset++;
        }

        /** Before the first markup: a UTF-8 byte order mark and white space, then {@code <} for XML. */
        private void start(byte b) throws UnreadableFile {
            int u = b & 0xFF;
            if ((offset < 3 && (u == 0xEF || u == 0xBB || u == 0xBF)) || u == ' ' || u == '\t' || u == '\r' || u == '\n') {
                text(b);
            } else if (u == '<') {
                state = TAG_OPEN;
                tagBytes = 0;
                tagLength = 0;
            } else {
                state = BINARY;
            }
        }

        private void text(byte b) throws UnreadableFile {
            int chars;
            if (entity > 0) {
                // an entity (&amp;, &#229;) is one character; a name that runs on counts as text
                if (b == ';') {
                    entity = 0;
                    return;
                }
                if (++entity <= 12) {
                    return;
                }
                entity = 0;
                chars = singleByte ? 1 : characters(b);
            } else if (b == '&') {
                entity = 1;
                chars = 1;
            } else {
                chars = singleByte ? 1 : characters(b);
            }
            count(chars);
        }

        /** Counts {@code chars} characters of text (of CDATA too, where {@code &} is just a character). */
        private void count(int chars) throws UnreadableFile {
            if (chars == 0) {
                return;
            }
            textLength += chars;
            if (textLength > limits.maxCellLength()) {
                String cell = cell();
                throw limit(line(), cell, (cell.isEmpty() ? "En tekst i XLSX-filen" : "Cellen " + cell) + " har mer enn "
                        + number(limits.maxCellLength()) + " tegn", "max-cell-length");
            }
            if (sharedDepth > 0) {
                sharedStringsLength += chars;
                if (sharedStringsLength > limits.maxSharedStringsLength()) {
                    throw limit(0, name, "De delte tekstene i XLSX-filen har til sammen mer enn "
                            + number(limits.maxSharedStringsLength()) + " tegn", "max-shared-strings-length");
                }
            }
        }

        private void tag(byte b) throws UnreadableFile {
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                element();
                endMarkup();
                return;
            }
            append(b);
        }

        /** {@code <!--}, {@code <![CDATA[}; anything else ({@code <!DOCTYPE}) is refused. */
        private void bang(byte b) throws UnreadableFile {
            append(b);
            if (startsWith(COMMENT_OPEN) && tagBytes == COMMENT_OPEN.length) {
                state = COMMENT;
                forget = true;
            } else if (startsWith(CDATA_OPEN) && tagBytes == CDATA_OPEN.length) {
                state = CDATA;
            } else if (!startsWith(COMMENT_OPEN) && !startsWith(CDATA_OPEN)) {
                throw new UnreadableFile(0, name, "XLSX-filen inneholder en DTD eller en annen deklarasjon («<"
                        + new String(tag, 0, tagBytes, StandardCharsets.ISO_8859_1) + "»), som Excel aldri skriver: filen avvises");
            }
        }

        /** Whether the bytes read of the markup so far are a start of {@code prefix}. */
        private boolean startsWith(byte[] prefix) {
            if (tagBytes > prefix.length) {
                return false;
            }
            for (int i = 0; i < tagBytes; i++) {
                if (tag[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of a tag, comment or instruction, counted against the length limit. */
        private void append(byte b) throws UnreadableFile {
            tagLength += singleByte ? 1 : characters(b);
            if (tagLength > limits.maxCellLength()) {
                throw limit(line(), name, "XLSX-filen har en XML-tagg eller -kommentar på mer enn "
                        + number(limits.maxCellLength()) + " tegn", "max-cell-length");
            }
            if (tagBytes < tag.length) {
                tag[tagBytes++] = b;
            }
        }

        private void endMarkup() {
            state = TEXT;
            if (valueDepth == 0) {
                textLength = 0;
            }
        }

        /** A start or end tag has been read whole: count what fastexcel would allocate for it. */
        private void element() throws UnreadableFile {
            boolean end = tagBytes > 0 && tag[0] == '/';
            boolean empty = tagBytes > 0 && tag[tagBytes - 1] == '/';
            int from = end ? 1 : 0;
            int to = from;
            while (to < tagBytes && !isSpace(tag[to]) && tag[to] != '/') {
                to++;
            }
            int local = localStart(from, to);
            if (end) {
                depth = Math.max(0, depth - 1);
            } else if (!empty && ++depth > limits.maxDepth()) {
                throw limit(line(), name, "XML-delen har elementer nestet mer enn " + number(limits.maxDepth())
                        + " nivåer dypt", "max-depth");
            }
            if (!end) {
                attributes(from, to);
                if (is(local, to, "sheet") || is(local, to, "Relationship") || is(local, to, "Override")
                        || is(local, to, "Default") || is(local, to, "xf") || is(local, to, "numFmt")) {
                    if (++listed > limits.maxListElements()) {
                        throw limit(0, name, "XML-delen har flere enn " + number(limits.maxListElements()) + " «"
                                + new String(tag, local, to - local, StandardCharsets.UTF_8) + "»-elementer og lignende",
                                "max-list-elements");
                    }
                }
            }
            if (to - local > 3) {
                return;
            }
            boolean si = is(local, to, "si");
            boolean value = si || is(local, to, "is") || is(local, to, "v") || is(local, to, "f") || is(local, to, "t");
            if (end) {
                if (si) {
                    sharedDepth = Math.max(0, sharedDepth - 1);
                }
                if (value) {
                    valueDepth = Math.max(0, valueDepth - 1);
                }
                return;
            }
            if (si && ++sharedStrings > limits.maxSharedStrings()) {
                throw limit(0, name, "XLSX-filen har flere enn " + number(limits.maxSharedStrings())
                        + " delte tekster", "max-shared-strings");
            }
            if (value && !empty) {
                if (si) {
                    sharedDepth++;
                }
                if (valueDepth++ == 0) {
                    textLength = 0;
                }
            } else if (is(local, to, "row")) {
                row(referenceStart);
            } else if (is(local, to, "c")) {
                cell(referenceStart);
            }
        }

        private boolean is(int from, int to, String wanted) {
            if (to - from != wanted.length()) {
                return false;
            }
            for (int i = 0; i < wanted.length(); i++) {
                if (tag[from + i] != wanted.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Where the local name starts: after the namespace prefix, if any. */
        private int localStart(int from, int to) {
            int start = from;
            for (int i = from; i < to; i++) {
                if (tag[i] == ':') {
                    start = i + 1;
                }
            }
            return start;
        }

        /**
         * Registers the element's name and every attribute's name (the parser keeps a table of
         * them), and finds the {@code r} attribute: {@link #referenceStart} to {@link #referenceEnd}
         * (-1 without one). One with a character reference (which Excel never writes) is refused.
         */
        private void attributes(int from, int nameEnd) throws UnreadableFile {
            name(from, nameEnd);
            referenceStart = -1;
            int i = nameEnd;
            while (i < tagBytes) {
                while (i < tagBytes && (isSpace(tag[i]) || tag[i] == '/')) {
                    i++;
                }
                int nameStart = i;
                while (i < tagBytes && tag[i] != '=' && !isSpace(tag[i])) {
                    i++;
                }
                int attributeEnd = i;
                while (i < tagBytes && (isSpace(tag[i]) || tag[i] == '=')) {
                    i++;
                }
                if (i >= tagBytes || (tag[i] != '"' && tag[i] != '\'')) {
                    return;
                }
                name(nameStart, attributeEnd);
                byte q = tag[i++];
                int valueStart = i;
                while (i < tagBytes && tag[i] != q) {
                    i++;
                }
                if (referenceStart < 0 && is(localStart(nameStart, attributeEnd), attributeEnd, "r")) {
                    referenceStart = valueStart;
                    referenceEnd = i;
                    for (int j = valueStart; j < i; j++) {
                        if (tag[j] == '&') {
                            throw new UnreadableFile(line(), name, "XLSX-filen har en cellereferanse med en tegnreferanse («"
                                    + text(valueStart, i) + "»), som Excel aldri skriver: filen avvises");
                        }
                    }
                }
                i++;
            }
        }

        /** Counts a name not seen before in this part (a hash of its bytes, keyed so it cannot be aimed at). */
        private void name(int from, int to) throws UnreadableFile {
            long h = seed;
            for (int i = from; i < to; i++) {
                h = (h ^ (tag[i] & 0xFF)) * 0x100000001B3L;
            }
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            h = h == 0 ? 1 : h;
            int mask = names.length - 1;
            for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
                if (names[slot] == h) {
                    return;
                }
                if (names[slot] == 0) {
                    names[slot] = h;
                    if (++distinctNames > limits.maxDistinctNames() || distinctNames > names.length / 2) {
                        throw limit(0, name, "XML-delen har flere enn " + number(limits.maxDistinctNames())
                                + " ulike element- og attributtnavn", "max-distinct-names");
                    }
                    return;
                }
            }
        }

        private String text(int from, int to) {
            return new String(tag, from, Math.min(to, from + 20) - from, StandardCharsets.UTF_8) + (to - from > 20 ? "…" : "");
        }

        private void row(int reference) throws UnreadableFile {
            rows++;
            cellsInRow = 0;
            column = 0;
            cell = "";
            long number = reference < 0 ? -1 : digits(reference, referenceEnd);
            rowNumber = number < 0 ? rowNumber + 1 : number;
            if (rows > limits.maxRows() || rowNumber > limits.maxRows()) {
                throw limit(0, name, "Arket har flere enn " + number(limits.maxRows()) + " rader", "max-rows");
            }
        }

        private void cell(int reference) throws UnreadableFile {
            cellsInRow++;
            long referenced = reference < 0 ? -1 : columnOf(reference, referenceEnd);
            column = referenced > 0 ? referenced : column + 1;
            cellStart = reference;
            cellEnd = reference < 0 ? -1 : referenceEnd;
            cell = null;
            if (column > limits.maxColumns() || cellsInRow > limits.maxColumns()) {
                throw limit(line(), cell(), "Rad " + line() + " har celler utenfor de første " + number(limits.maxColumns())
                        + " kolonnene", "max-columns");
            }
        }

        /** The reference of the cell being read (its text made only for a message). */
        private String cell() {
            if (cell == null) {
                cell = cellStart < 0 ? "" : text(cellStart, cellEnd);
            }
            return cell;
        }

        /** The 1-based column of a reference like {@code XFD1048576} or {@code $B$2}; -1 without letters. */
        private long columnOf(int from, int to) {
            long n = 0;
            int letters = 0;
            for (int i = from; i < to; i++) {
                int c = tag[i] & 0xDF; // upper case for ASCII letters
                if (tag[i] == '$') {
                    continue;
                }
                if (c < 'A' || c > 'Z') {
                    break;
                }
                if (++letters > 6) {
                    return Long.MAX_VALUE;
                }
                n = n * 26 + (c - 'A' + 1);
            }
            return letters == 0 ? -1 : n;
        }

        /** The number from the first digit on; -1 without digits, capped when huge. */
        private long digits(int from, int to) {
            long n = -1;
            for (int i = from; i < to; i++) {
                byte c = tag[i];
                if (c >= '0' && c <= '9') {
                    n = Math.min(Long.MAX_VALUE / 20, Math.max(0, n) * 10 + (c - '0'));
                } else if (n >= 0) {
                    break;
                }
            }
            return n;
        }

        /** The spreadsheet row being read, as the import counts lines (0 outside a sheet). */
        private int line() {
            return rows == 0 ? 0 : (int) Math.min(rowNumber, Integer.MAX_VALUE);
        }

        /** {@code <?xml … encoding="…"?>}: only UTF-8, the encoding Excel writes, is scanned correctly. */
        private void declaration() throws UnreadableFile {
            if (tagBytes < 4 || tag[1] != 'x' || tag[2] != 'm' || tag[3] != 'l') {
                return;
            }
            String text = new String(tag, 0, Math.min(tagBytes, 200), StandardCharsets.ISO_8859_1);
            int at = text.indexOf("encoding");
            if (text.startsWith("?xml") && at > 0) {
                String rest = text.substring(at + "encoding".length()).replaceFirst("^\\s*=\\s*", "");
                if (!rest.isEmpty()) {
                    char q = rest.charAt(0);
                    int close = rest.indexOf(q, 1);
                    String encoding = close > 0 ? rest.substring(1, close) : rest;
                    // a single-byte encoding (ISO-8859-1, windows-1252): every byte is a character
                    singleByte = !encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("UTF8")
                            && !encoding.toUpperCase(Locale.ROOT).startsWith("UTF-");
                }
            }
        }
    }

    /** UTF-16 or UTF-32 by a byte order mark or by {@code <} in one of them; null for anything else. */
    private static Charset wideCharset(byte[] head) {
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) {
            b[i] = i < head.length ? head[i] & 0xFF : -1;
        }
        if ((b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)) {
            return Charset.forName("UTF-32");
        }
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') {
            return Charset.forName("UTF-32BE");
        }
        if (b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        if (b[0] == 0 && b[1] == '<') {
            return StandardCharsets.UTF_16BE;
        }
        return b[0] == '<' && b[1] == 0 ? StandardCharsets.UTF_16LE : null;
    }

    /** Characters (UTF-16 units) a UTF-8 byte starts: 0 for a continuation byte, 2 for a 4-byte sequence. */
    private static int characters(byte b) {
        if ((b & 0xC0) == 0x80) {
            return 0;
        }
        return (b & 0xF8) == 0xF0 ? 2 : 1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
