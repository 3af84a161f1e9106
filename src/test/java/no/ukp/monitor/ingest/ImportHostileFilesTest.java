package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Each kind of hostile file once, with the message it must get: an XLSX that unpacks or parses
 * into more than its limits allow, a CSV with a giant field or line, a broken file. Every one is a
 * 422 naming the limit (or what is wrong) in Norwegian, with an answer of a few kilobytes, and
 * stores nothing. {@link ImportFuzzTest} feeds the same kinds, varied, to every endpoint.
 */
@DatabaseTest
class ImportHostileFilesTest {

    /** An answer echoing one cut value per error stays far below this. */
    static final int MAX_ANSWER_BYTES = 16 * 1024;
    /** more than ukp.import.xlsx.max-uncompressed-size (512 MB) */
    static final long HUGE = 520L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @Test
    void shouldRefuseAnXlsxWithMoreSharedStringsThanTheLimit() {
        JsonNode error = rejectedXlsx(HostileFiles.manySharedStrings(1_000_001));

        assertThat(error.get("message").asText()).contains("delte tekster", "ukp.import.xlsx.max-shared-strings");
    }

    @Test
    void shouldRefuseAnXlsxCellLongerThanTheLimitAsSharedOrInlineString() {
        // CDATA: "&" is a character there, not the start of an entity
        byte[] cdata = HostileFiles.zip(HostileFiles.workbook(HostileFiles.text("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                + "<![CDATA[" + "&aaaaaaaaaaaa".repeat(4000) + "]]></t></is></c></row>")));
        for (byte[] file : List.of(HostileFiles.giantSharedString(40_000_000, false),
                HostileFiles.giantSharedString(40_000_000, true), HostileFiles.giantInlineString(40_000_000), cdata)) {
            JsonNode error = rejectedXlsx(file);

            assertThat(error.get("message").asText()).contains("ukp.import.xlsx.max-cell-length");
        }
    }

    @Test
    void shouldRefuseSharedStringsLongerTogetherThanTheLimit() {
        // 900 strings of 30 000 characters: each below the cell limit, 27 million together
        byte[] file = HostileFiles.zip(sharedStrings(900, 30_000));

        assertThat(rejectedXlsx(file).get("message").asText()).contains("ukp.import.xlsx.max-shared-strings-length");
    }

    @Test
    void shouldRefuseAnXlsxThatUnpacksToMoreThanTheLimit() {
        assertThat(rejectedXlsx(HostileFiles.paddedWorkbook(HUGE)).get("message").asText())
                .contains("ukp.import.xlsx.max-uncompressed-size");
        assertThat(rejectedXlsx(HostileFiles.hugeSheet(HUGE)).get("message").asText())
                .contains("ukp.import.xlsx.max-uncompressed-size");
    }

    @Test
    void shouldRefuseAnXlsxWithMoreRowsThanTheLimit() {
        JsonNode error = rejectedXlsx(HostileFiles.manyRows(1_048_576));

        assertThat(error.get("message").asText()).contains("ukp.import.xlsx.max-rows");
    }

    @Test
    void shouldRefuseAnXlsxWithMoreColumnsThanTheLimitNamingTheRow() {
        JsonNode far = rejectedXlsx(HostileFiles.farCell("XFD1048576"));
        assertThat(far.get("message").asText()).contains("ukp.import.xlsx.max-columns");
        assertThat(far.get("value").asText()).isEqualTo("XFD1048576");

        JsonNode wide = rejectedXlsx(HostileFiles.wideRow(100_000));
        assertThat(wide.get("message").asText()).contains("ukp.import.xlsx.max-columns");
        assertThat(wide.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAZipWithDuplicateOrTooManyEntries() {
        assertThat(rejectedXlsx(HostileFiles.duplicateSheet()).get("message").asText()).contains("samme navn");
        assertThat(rejectedXlsx(HostileFiles.manyEntries(1_000)).get("message").asText())
                .contains("ukp.import.xlsx.max-entries");
    }

    @Test
    void shouldRefuseAPartListingMoreSheetsOrFormatsThanTheLimit() {
        // fastexcel keeps every sheet of workbook.xml (and every relationship, content type, cell format) in a list
        JsonNode error = rejectedXlsx(HostileFiles.manySheets(100_000));

        assertThat(error.get("message").asText()).contains("«sheet»", "ukp.import.xlsx.max-list-elements");
        assertThat(error.get("value").asText()).isEqualTo("xl/workbook.xml");
    }

    @Test
    void shouldRefuseAPartWithMoreDistinctXmlNamesThanTheLimit() {
        // the XML parser keeps a table of every element and attribute name it has seen
        for (String prefix : List.of("x", "ø")) {
            byte[] file = HostileFiles.distinctNames(20_000, prefix);

            assertThat(rejectedXlsx(file).get("message").asText()).contains("ukp.import.xlsx.max-distinct-names");
        }
    }

    @Test
    void shouldRefuseElementsNestedDeeperThanTheLimit() {
        // the XML parser keeps a frame per open element: 100 million levels would take gigabytes
        assertThat(rejectedXlsx(HostileFiles.deepNesting(1_000_000)).get("message").asText())
                .contains("ukp.import.xlsx.max-depth");
    }

    @Test
    void shouldRefuseAnXlsxWithADocumentTypeDefinition() {
        assertThat(rejectedXlsx(HostileFiles.entityExpansion()).get("message").asText()).contains("DTD");
    }

    @Test
    void shouldScanXmlPartsInUtf16OrASingleByteEncodingAsWell() {
        var utf16 = HostileFiles.manySharedStringsParts(1_000_001);
        utf16.put(HostileFiles.SHARED_STRINGS, HostileFiles.encoded(utf16.get(HostileFiles.SHARED_STRINGS),
                StandardCharsets.UTF_16LE));
        assertThat(rejectedXlsx(HostileFiles.zip(utf16)).get("message").asText()).contains("ukp.import.xlsx.max-shared-strings");

        // 40 000 × '°', one byte each in ISO-8859-1, but continuation bytes if read as UTF-8
        var latin1 = HostileFiles.workbook(HostileFiles.text("<row r=\"1\">" + HostileFiles.inline("A1", "°".repeat(40_000))
                + "</row>"));
        latin1.put(HostileFiles.SHEET, HostileFiles.encoded(latin1.get(HostileFiles.SHEET), StandardCharsets.ISO_8859_1));
        assertThat(rejectedXlsx(HostileFiles.zip(latin1)).get("message").asText()).contains("ukp.import.xlsx.max-cell-length");

        // SharePoint writes custom XML in UTF-16: not a reason to refuse the workbook
        var sharePoint = HostileFiles.validWorkbook();
        sharePoint.put("customXml/item1.xml", HostileFiles.encoded(HostileFiles.text(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ct:contentTypeSchema xmlns:ct=\"urn:x\"/>"), StandardCharsets.UTF_16LE));
        ResponseEntity<JsonNode> stored = new ImportClient(rest).post("monthly-statistics", HostileFiles.zip(sharePoint),
                ImportClient.XLSX, false);
        assertThat(stored.getStatusCode().value()).as("%s", stored.getBody()).isEqualTo(200);
    }

    @Test
    void shouldNotUnpackAZipNestedInAWorkbook() {
        // an embedded object may be a zip; it is counted as it is stored, never opened
        var parts = HostileFiles.validWorkbook();
        byte[] bomb = HostileFiles.paddedWorkbook(HUGE);
        parts.put("xl/embeddings/bomb.zip", out -> out.write(bomb));

        ResponseEntity<JsonNode> response = new ImportClient(rest).post("monthly-statistics", HostileFiles.zip(parts),
                ImportClient.XLSX, false);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    }

    @Test
    void shouldStillImportTheMinimalWorkbookTheHostileOnesAreMadeFrom() {
        ResponseEntity<JsonNode> response = new ImportClient(rest).post("monthly-statistics",
                HostileFiles.zip(HostileFiles.validWorkbook()), ImportClient.XLSX, false);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(dsl.fetchCount(dsl.selectFrom("monthly_statistics"))).isEqualTo(1);
    }

    @Test
    void shouldExplainAnXlsxWithoutStylesOrWithBrokenXmlInNorwegianWithoutParserInternals() {
        for (byte[] file : List.of(HostileFiles.without(HostileFiles.STYLES), HostileFiles.brokenSheetXml(),
                HostileFiles.without("xl/workbook.xml"), "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1))) {
            JsonNode error = rejectedXlsx(file);

            assertNorwegianWithoutInternals(error.get("message").asText());
        }
    }

    @Test
    void shouldRefuseACsvWithAGiantQuotedFieldOrLineWithoutEchoingIt() {
        for (byte[] file : List.of(HostileFiles.giantQuotedCsvField(20_000_000), HostileFiles.giantCsvLine(20_000_000, 'x'),
                HostileFiles.giantCsvLine(20_000_000, ','), HostileFiles.giantQuotedCsvField(20_000_000, "\u000B"),
                HostileFiles.giantQuotedCsvField(20_000_000, " \u3000\f"))) {
            JsonNode error = rejected(file, ImportClient.CSV);

            assertThat(error.get("message").asText()).contains("ukp.import.csv.max-line-length");
            assertThat(error.get("line").asInt()).isEqualTo(2);
        }
    }

    @Test
    void shouldExplainAnUnreadableCsvInNorwegianWithoutParserInternals() {
        String header = "month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home\n";
        byte[] unclosedQuote = (header + "2025-01,\"5001,10,8,5,3\n2025-02,5001,11,8,5,3\n").getBytes(StandardCharsets.UTF_8);
        byte[] charAfterQuote = (header + "2025-01,\"5001\"x,10,8,5,3\n").getBytes(StandardCharsets.UTF_8);
        for (byte[] file : List.of(HostileFiles.giantCsvHeader(1_000_000), unclosedQuote, charAfterQuote)) {
            JsonNode error = rejected(file, ImportClient.CSV);

            assertNorwegianWithoutInternals(error.get("message").asText());
        }
    }

    @Test
    void shouldCutEchoedValuesLikeTheAuditWithoutControlCharacters() {
        String long1 = "9".repeat(5000);
        String controls = "a\u0001".repeat(2500);
        String csv = "year,municipality,population\n2024,5001," + long1 + "\n2024,5028,\"" + controls + "\"\n";
        ResponseEntity<String> response = new ImportClient(rest).post("population", csv.getBytes(StandardCharsets.UTF_8),
                ImportClient.CSV, false, String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().length()).isLessThan(MAX_ANSWER_BYTES);
        JsonNode errors = json(response.getBody()).get("errors");
        assertThat(errors.findValuesAsText("column")).containsExactly("population", "population");
        for (JsonNode error : errors) {
            String value = error.get("value").asText();
            assertThat(value).hasSizeLessThanOrEqualTo(ImportProblem.MAX_VALUE_LENGTH).doesNotContain("\u0001").endsWith("…");
        }
        List<String> audited = dsl.fetch("SELECT value FROM import_message ORDER BY seq").getValues(0, String.class);
        assertThat(audited).containsExactlyElementsOf(errors.findValuesAsText("value"));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static java.util.Map<String, HostileFiles.Content> sharedStrings(int count, int length) {
        java.util.Map<String, HostileFiles.Content> parts = HostileFiles.workbook(HostileFiles.text(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"));
        parts.put(HostileFiles.SHARED_STRINGS, HostileFiles.sharedStrings(out -> {
            for (int i = 0; i < count; i++) {
                out.write(HostileFiles.bytes("<si><t>" + i + "x".repeat(length) + "</t></si>"));
            }
        }));
        return parts;
    }

    private JsonNode rejectedXlsx(byte[] file) {
        return rejected(file, ImportClient.XLSX);
    }

    /** Posts the file; asserts 422, a small answer, nothing stored, the attempt audited; returns the first error. */
    private JsonNode rejected(byte[] file, String mediaType) {
        long importsBefore = dsl.fetchCount(dsl.selectFrom("import"));
        ResponseEntity<String> response = new ImportClient(rest).post("monthly-statistics", file, mediaType, false, String.class);

        assertThat(response.getStatusCode().value()).as("%.2000s", response.getBody()).isEqualTo(422);
        assertThat(response.getBody().length()).as("%.2000s", response.getBody()).isLessThan(MAX_ANSWER_BYTES);
        JsonNode errors = json(response.getBody()).get("errors");
        assertThat(errors).isNotEmpty();
        assertNothingStored(dsl);
        assertThat(dsl.fetchCount(dsl.selectFrom("import"))).isEqualTo(importsBefore + 1);
        return errors.get(0);
    }

    static void assertNothingStored(DSLContext dsl) {
        for (String table : List.of("monthly_statistics", "short_term_stays", "snapshot", "population")) {
            assertThat(dsl.fetchCount(dsl.selectFrom(table))).as(table).isZero();
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("import").where("outcome IN ('stored', 'running')"))).isZero();
    }

    /** Norwegian, no Java class names, no English messages of the parsers. */
    static void assertNorwegianWithoutInternals(String message) {
        assertThat(message)
                .doesNotContain("com.", "org.", "java.", "Exception", "null", "not found", "Mark invalid", "EOF",
                        "encapsulated", "Unexpected", "invalid")
                .containsAnyOf("Filen", "filen", "XLSX-filen", "Linje", "linje");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: %.500s".formatted(body), e);
        }
    }
}
