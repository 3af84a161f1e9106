package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The import templates: Norwegian headers, the explanation sheet, and a filled-in template imports. */
@DatabaseTest
class ImportTemplateTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @Test
    void shouldGiveTheCsvTemplateWithTheNorwegianHeadersOfTheContract() {
        ResponseEntity<byte[]> response = template("ingest", "monthly-statistics", "csv");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("attachment").contains("mal-monthly-statistics.csv");
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "måned;kommunenr;område;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem;reinnleggelser_30d\r\n");
    }

    @Test
    void shouldImportTheCsvTemplateOnceItsRowsAreFilledIn() {
        byte[] template = template("ingest", "monthly-statistics", "csv").getBody();
        String filled = new String(template, StandardCharsets.UTF_8)
                + "2025-06;5001;;40;30;25;12;4\r\n"
                + "2025-06;5028;psykisk_helse_rus;8;6;3;2;\r\n";

        ResponseEntity<JsonNode> response = new ImportClient(rest).postCsv("monthly-statistics", filled);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("inserted").asInt()).isEqualTo(2);
        assertThat(response.getBody().get("warningCount").asInt()).isZero();
        assertThat(dsl.fetchSingle("SELECT ukp_days FROM monthly_statistics WHERE municipality = '5001'").get(0, Integer.class))
                .isEqualTo(25);
    }

    @Test
    void shouldExplainEveryColumnOnTheSecondSheetOfTheXlsxTemplate() throws IOException {
        ResponseEntity<byte[]> response = template("ingest", "monthly-statistics", "xlsx");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo(ImportClient.XLSX);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("mal-monthly-statistics.xlsx");
        List<List<String>> data = sheet(response.getBody(), 0);
        assertThat(data).containsExactly(List.of("måned", "kommunenr", "område", "ukp_opphold", "opphold_0_døgn", "ukp_døgn",
                "rett_hjem", "reinnleggelser_30d"));
        List<List<String>> explanation = sheet(response.getBody(), 1);
        assertThat(sheetNames(response.getBody())).containsExactly("Månedsstatistikk", "Forklaring");
        List<String> readmissions = explanation.stream().filter(row -> row.get(0).equals("reinnleggelser_30d"))
                .findFirst().orElseThrow();
        assertThat(readmissions.get(1)).isEqualTo("reinnleggelser_30_døgn, readmissions_30d");
        assertThat(readmissions.get(2)).isEqualTo("nei");
        assertThat(readmissions.get(3)).contains("ikke kjent");
        assertThat(explanation.stream().filter(row -> row.get(0).equals("måned")).findFirst().orElseThrow())
                .containsExactly("måned", "periode, mnd, month", "ja", "Måneden tallene gjelder",
                        "ÅÅÅÅ-MM, MM.ÅÅÅÅ eller ÅÅÅÅ-MM-01; fra år 2000, ikke etter inneværende måned", "2025-06");
        assertThat(explanation.stream().filter(row -> row.size() >= 6 && !row.get(5).isBlank()).count())
                .as("a row with an example per column, and the headings").isEqualTo(8 + 1);
    }

    /** Every dataset's template, filled with the examples its own explanation sheet gives, imports. */
    @ParameterizedTest
    @EnumSource(Dataset.class)
    void shouldImportTheXlsxTemplateFilledWithItsOwnExamples(Dataset dataset) throws IOException {
        byte[] template = template("ingest", dataset.slug(), "xlsx").getBody();
        List<String> header = sheet(template, 0).get(0);
        List<List<String>> explanation = sheet(template, 1);
        List<String> examples = new ArrayList<>();
        for (String column : header) {
            examples.add(explanation.stream().filter(row -> row.get(0).equals(column)).findFirst().orElseThrow().get(5));
        }
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(filled, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(dataset.title());
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.value(1, c, examples.get(c));
            }
        }

        ResponseEntity<JsonNode> response = new ImportClient(rest).post(dataset.slug(), filled.toByteArray(),
                ImportClient.XLSX, false);

        assertThat(response.getStatusCode()).as("%s %s", examples, response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("inserted").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}?format={2}: {3}")
    @CsvSource(textBlock = """
            admin,  population,         xlsx, 200
            ingest, snapshots,          CSV,  200
            ingest, short-term-stays,   '',   200
            viewer, monthly-statistics, csv,  403
            analyst, monthly-statistics, xlsx, 403
            ,       monthly-statistics, csv,  401
            ingest, unknown-dataset,    csv,  404
            ingest, monthly-statistics, pdf,  400
            """)
    void shouldGiveTheTemplateToWhoeverMayImport(String user, String dataset, String format, int status) {
        ResponseEntity<byte[]> response = template(user, dataset, format);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        if (status == 404 || status == 400) {
            assertThat(new String(response.getBody(), StandardCharsets.UTF_8))
                    .contains(status == 404 ? "Ukjent datasett" : "bruk xlsx eller csv");
        }
    }

    @Test
    void shouldGiveTheXlsxTemplateWhenNoFormatIsAsked() {
        ResponseEntity<byte[]> response = TestUsers.as(rest, "ingest")
                .getForEntity("/api/v1/imports/population/template", byte[].class);

        assertThat(response.getHeaders().getContentType().toString()).isEqualTo(ImportClient.XLSX);
    }

    private ResponseEntity<byte[]> template(String user, String dataset, String format) {
        String url = "/api/v1/imports/" + dataset + "/template" + (format == null ? "" : "?format=" + format);
        return (user == null ? rest : TestUsers.as(rest, user)).getForEntity(url, byte[].class);
    }

    /** A sheet's rows as text, as the import reads cells. */
    private static List<List<String>> sheet(byte[] xlsx, int index) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(index).orElseThrow();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet.read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(XlsxRows.text(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static List<String> sheetNames(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheets().map(Sheet::getName).toList();
        }
    }
}
