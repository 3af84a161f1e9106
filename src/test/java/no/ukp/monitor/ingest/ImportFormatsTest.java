package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The same data in the forms people produce it (Excel CSV, UTF-8 CSV, XLSX) is stored identically. */
@DatabaseTest
class ImportFormatsTest {

    /** What the fixtures monthly-norwegian-excel.csv and monthly-english-utf8.csv hold. */
    static final List<String> EXPECTED_ROWS = List.of(
            "2025-01-01 5001 somatikk 1200 1010 412 389 201",
            "2025-01-01 5028 somatikk 35 30 9 12 4",
            "2025-02-01 5001 psykisk_helse_rus 118 90 61 40 null",
            "2025-02-01 5014 somatikk 7 7 0 2 1");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @Test
    void shouldStoreANorwegianExcelFileExactlyLikeTheSameDataAsEnglishUtf8() {
        ResponseEntity<JsonNode> norwegian = client().post("monthly-statistics",
                ImportClient.resource(ImportFormatsTest.class, "monthly-norwegian-excel.csv"), ImportClient.CSV, false);
        assertThat(norwegian.getStatusCode()).as("%s", norwegian.getBody()).isEqualTo(HttpStatus.OK);
        List<String> fromNorwegian = storedMonthlyRows();

        TestDatabase.clean(dsl);
        ResponseEntity<JsonNode> english = client().post("monthly-statistics",
                ImportClient.resource(ImportFormatsTest.class, "monthly-english-utf8.csv"), ImportClient.CSV, false);
        assertThat(english.getStatusCode()).as("%s", english.getBody()).isEqualTo(HttpStatus.OK);

        assertThat(fromNorwegian).isEqualTo(EXPECTED_ROWS);
        assertThat(storedMonthlyRows()).isEqualTo(fromNorwegian);
    }

    @Test
    void shouldReadTabSeparatedUtf16AsExcelsUnicodeTextWritesIt() {
        String text = "\uFEFFmåned\tkommunenr\tukp_opphold\topphold_0_døgn\tukp_døgn\trett_hjem\n03.2025\t5001\t3 154\t3 000\t200\t900\n";
        ResponseEntity<JsonNode> response = client().post("monthly-statistics",
                text.getBytes(StandardCharsets.UTF_16LE), ImportClient.CSV, false);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(storedMonthlyRows()).containsExactly("2025-03-01 5001 somatikk 3154 3000 200 900 null");
    }

    @Test
    void shouldMapOldMunicipalityNumbersWithAWarningPerRow() {
        String csv = """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home
                2019-05,1601,10,8,5,3
                2019-05,1638,4,4,0,1
                2019-05,5024,2,2,0,1
                """;
        ResponseEntity<JsonNode> response = client().postCsv("monthly-statistics", csv);

        // 1638 (Orkdal before 2018) and 5024 (Orkdal 2018-2019) are both Orkland now: one key twice
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("errors").get(0).get("line").asInt()).isEqualTo(4);

        ResponseEntity<JsonNode> accepted = client().postCsv("monthly-statistics", csv.replace("2019-05,5024", "2019-06,5024"));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode warnings = accepted.getBody().get("warnings");
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(warnings.get(0).get("message").asText()).contains("1601").contains("5001");
        assertThat(warnings.get(1).get("message").asText()).contains("Orkdal").contains("5059 (Orkland)");
        assertThat(storedMonthlyRows()).containsExactly(
                "2019-05-01 5001 somatikk 10 8 5 3 null",
                "2019-05-01 5059 somatikk 4 4 0 1 null",
                "2019-06-01 5059 somatikk 2 2 0 1 null");
    }

    @Test
    void shouldRestoreALostLeadingZeroOfAKommunenummer() {
        dsl.execute("INSERT INTO region (id, name, sort_order) VALUES ('test-oslo', 'Testregion', 90) ON CONFLICT DO NOTHING");
        dsl.execute("INSERT INTO municipality (number, name, region_id) VALUES ('0301', 'Oslo', 'test-oslo') ON CONFLICT DO NOTHING");
        try {
            ResponseEntity<JsonNode> response = client().postCsv("population", "year,municipality,population\n2024,301,717710\n");
            assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(dsl.fetchSingle("SELECT municipality FROM population").get(0, String.class)).isEqualTo("0301");
        } finally {
            TestDatabase.clean(dsl);
            dsl.execute("DELETE FROM municipality WHERE number = '0301'");
            dsl.execute("DELETE FROM region WHERE id = 'test-oslo'");
        }
    }

    @Test
    void shouldStoreSnapshotsWithIsoOrNorwegianTimestampsAndShortTermStays() {
        String snapshots = """
                tidspunkt;kommunenr;ukp_pasienter;venter_over_1_døgn
                2025-06-30T08:00+02:00;5001;9;4
                30.06.2025 08:00;5028;3;
                15.01.2025 08:00;5029;1;1
                """;
        assertThat(client().postCsv("snapshots", snapshots).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dsl.fetch("SELECT to_char(taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), municipality, area, "
                        + "ukp_patients, waiting_over_1_day FROM snapshot ORDER BY taken_at, municipality")
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(4)))
                .containsExactly(
                        "2025-01-15 07:00 5029 somatikk 1 1",   // winter: Oslo is UTC+1
                        "2025-06-30 06:00 5001 somatikk 9 4",   // summer: UTC+2
                        "2025-06-30 06:00 5028 somatikk 3 null");

        String shortTerm = "måned,kommunenr,enhet,utskrivninger,liggedøgn\n06.2025,5001,Oya-Helsehus,301,5 840\n";
        assertThat(client().postCsv("short-term-stays", shortTerm).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dsl.fetchSingle("SELECT month::text, unit, discharges, los_days FROM short_term_stays").intoArray())
                .containsExactly("2025-06-01", "oya-helsehus", 301, 5840);
    }

    @Test
    void shouldStoreAnXlsxFileLikeTheSameDataAsCsv() throws IOException {
        ResponseEntity<JsonNode> response = client().post("monthly-statistics", monthlyXlsx(), ImportClient.XLSX, false);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(storedMonthlyRows()).isEqualTo(EXPECTED_ROWS);
    }

    @Test
    void shouldReportXlsxErrorsOnTheSpreadsheetRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Ark1");
            String[] header = {"måned", "kommunenr", "ukp_opphold", "opphold_0_døgn", "ukp_døgn", "rett_hjem"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            Object[] row = {"2025-01", 5001, 10, 8, 5, 3};
            Object[] bad = {"2025-01", 5028, 10, 8, 5, 11.5};
            for (int c = 0; c < row.length; c++) {
                sheet.value(1, c, row[c] instanceof Integer i ? (Number) i : null);
                sheet.value(2, c, bad[c] instanceof Number n ? n : null);
            }
            sheet.value(1, 0, "2025-01");
            sheet.value(2, 0, "2025-01");
        }
        ResponseEntity<JsonNode> response = client().post("monthly-statistics", out.toByteArray(), ImportClient.XLSX, false);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asText()).isEqualTo("rett_hjem");
        assertThat(error.get("value").asText()).isEqualTo("11.5");
    }

    /** The fixture's rows as XLSX: months as real Excel dates, numbers as numbers, 301 as a number. */
    private static byte[] monthlyXlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("UKP");
            String[] header = {"Måned", "Kommunenr", "Område", "UKP_opphold", "Opphold_0_døgn", "UKP_døgn", "Rett_hjem",
                    "Reinnleggelser_30d"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            Object[][] rows = {
                    {LocalDate.of(2025, 1, 1), 5001, "somatikk", 1200, 1010, 412, 389, 201},
                    {LocalDate.of(2025, 1, 1), 5028, "somatikk", 35, 30, 9, 12, 4},
                    {"02.2025", 5001, "psykisk_helse_rus", 118, 90, 61, 40, null},
                    {"2025-02", 5014, null, 7, 7, 0, 2, 1}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof LocalDate date) {
                        sheet.value(r + 1, c, date);
                        sheet.style(r + 1, c).format("mm.yyyy").set();
                    } else if (value instanceof Number number) {
                        sheet.value(r + 1, c, number);
                    } else if (value instanceof String text) {
                        sheet.value(r + 1, c, text);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private ImportClient client() {
        return new ImportClient(rest);
    }

    private List<String> storedMonthlyRows() {
        return dsl.fetch("SELECT month, municipality, area, ukp_stays, zero_day_stays, ukp_days, discharged_home, readmissions_30d "
                        + "FROM monthly_statistics ORDER BY month, municipality, area")
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(4) + " " + r.get(5) + " "
                        + r.get(6) + " " + r.get(7));
    }
}
