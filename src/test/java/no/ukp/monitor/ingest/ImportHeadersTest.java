package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Files as people make them, through the API into the database: headers as they write them,
 * misspelled headers refused with a suggestion, title, sum and note rows skipped with one warning
 * each, a missing optional column keeping the stored values, the municipality's name ignored.
 */
@DatabaseTest
class ImportHeadersTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @Test
    void shouldImportHeadersAsPeopleWriteThem() {
        ResponseEntity<JsonNode> response = client().postCsv("monthly-statistics", """
                Måned;Kommune nr.;Kommunenavn;Område;UKP opphold;Opphold 0 døgn;UKP-døgn;Utskrevet rett hjem;Reinnleggelser 30 døgn
                06.2025;5001;Trondheim;Somatikk;40;30;25;12;4
                06.2025;5028;Melhus;;8;6;3;2;
                """);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("warningCount").asInt()).as("kommunenavn is no unknown column").isZero();
        Record trondheim = stored("2025-06", "5001");
        assertThat(trondheim.get("ukp_days", Integer.class)).isEqualTo(25);
        assertThat(trondheim.get("discharged_home", Integer.class)).isEqualTo(12);
        assertThat(trondheim.get("readmissions_30d", Integer.class)).isEqualTo(4);
        assertThat(stored("2025-06", "5028").get("readmissions_30d")).isNull();
    }

    @Test
    void shouldIgnoreTheEnglishMunicipalityNameToo() {
        ResponseEntity<JsonNode> response = client().postCsv("population", """
                year,municipality,municipality_name,population
                2025,5001,Trondheim,214565
                """);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("warningCount").asInt()).isZero();
    }

    @Test
    void shouldRefuseAMisspelledOptionalColumnWithTheNameItProbablyMeant() {
        ResponseEntity<JsonNode> response = client().postCsv("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem;Reinleggelser 30d
                2025-06;5001;40;30;25;12;4
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).as("%s", errors).hasSize(1);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("Reinleggelser 30d");
        assertThat(errors.get(0).get("value").asText()).isEqualTo("Reinleggelser 30d");
        assertThat(errors.get(0).get("message").asText()).contains("mente du «reinnleggelser_30d»?");
        assertThat(count("monthly_statistics")).isZero();
    }

    @Test
    void shouldReportAMisspelledRequiredColumnOnceWithItsSuggestion() {
        ResponseEntity<JsonNode> response = client().postCsv("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;UKP dgn;rett_hjem
                2025-06;5001;40;30;25;12
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).as("no second error saying ukp_døgn is missing: %s", errors).hasSize(1);
        assertThat(errors.get(0).get("message").asText()).contains("mente du «ukp_døgn»?");
    }

    @Test
    void shouldNameAMissingColumnInNorwegianFirst() {
        ResponseEntity<JsonNode> response = client().postCsv("monthly-statistics", """
                kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem
                5001;40;30;25;12
                """);

        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("column").asText()).isEqualTo("month");
        assertThat(error.get("message").asText())
                .isEqualTo("Kolonnen «måned» (eller «periode» / «mnd» / «month») mangler i overskriften");
    }

    @Test
    void shouldSkipATitleRowAndSumAndNoteRowsWithOneWarningEach() {
        ResponseEntity<JsonNode> response = client().postCsv("monthly-statistics", """
                UKP-statistikk for juni 2025
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem
                2025-06;5001;40;30;25;12
                2025-06;5028;8;6;3;2
                Sum;;48;36;28;14

                Kilde: Helseplattformen
                """);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("rows").asInt()).isEqualTo(2);
        assertThat(response.getBody().get("inserted").asInt()).isEqualTo(2);
        assertThat(lines(response.getBody().get("warnings"))).containsExactly("1:", "5:måned", "7:måned");
        assertThat(response.getBody().get("warnings").get(1).get("message").asText()).contains("Sumrad («Sum»)");
        assertThat(count("monthly_statistics")).isEqualTo(2);
    }

    @Test
    void shouldSkipTheTitleAndSumRowsOfASpreadsheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Folketall");
            sheet.value(0, 0, "Folketall 1. januar 2025");
            String[] header = {"År", "Kommunenr", "Kommunenavn", "Folketall"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(2, c, header[c]);
            }
            sheet.value(3, 0, 2025);
            sheet.value(3, 1, 5001);
            sheet.value(3, 2, "Trondheim");
            sheet.value(3, 3, 214565);
            sheet.value(4, 2, "Totalt");
            sheet.value(4, 3, 214565);
        }
        ResponseEntity<JsonNode> response = client().post("population", out.toByteArray(), ImportClient.XLSX, false);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(lines(response.getBody().get("warnings"))).containsExactly("1:", "5:Kommunenavn");
        assertThat(count("population")).isEqualTo(1);
    }

    @Test
    void shouldRefuseASumRowWithDataBelowItWithOneError() {
        ResponseEntity<JsonNode> response = client().postCsv("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem
                2025-06;5001;40;30;25;12
                Sum;;40;30;25;12
                2025-06;5028;8;6;3;2
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(lines(response.getBody().get("errors"))).containsExactly("3:måned");
        assertThat(count("monthly_statistics")).isZero();
    }

    @Test
    void shouldKeepTheStoredValuesOfAnOptionalColumnTheFileDoesNotHave() {
        client().store("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem;reinnleggelser_30d
                2025-05;5001;40;30;25;12;7
                2025-05;5028;8;6;3;2;1
                """);

        // the same month again, without the readmissions: nothing changes
        JsonNode again = client().postCsv("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem
                2025-05;5001;40;30;25;12
                2025-05;5028;8;6;3;2
                """).getBody();
        assertThat(again.get("unchanged").asInt()).as("%s", again).isEqualTo(2);
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(stored("2025-05", "5001").get("readmissions_30d", Integer.class)).isEqualTo(7);
        assertThat(count("monthly_statistics_revision")).isEqualTo(2);

        // a correction of another column: the new revision carries the stored readmissions over
        JsonNode corrected = client().postCsv("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem
                2025-05;5001;40;30;26;12
                2025-05;5028;8;6;3;2
                2025-06;5001;10;5;9;4
                """).getBody();
        assertThat(corrected.get("updated").asInt()).isEqualTo(1);
        assertThat(corrected.get("inserted").asInt()).isEqualTo(1);
        assertThat(stored("2025-05", "5001").get("readmissions_30d", Integer.class)).isEqualTo(7);
        assertThat(stored("2025-05", "5001").get("ukp_days", Integer.class)).isEqualTo(26);
        assertThat(dsl.fetch("SELECT readmissions_30d FROM monthly_statistics_revision WHERE municipality = '5001' "
                + "AND month = DATE '2025-05-01' ORDER BY revision").getValues(0, Integer.class)).containsExactly(7, 7);
        assertThat(dsl.fetchSingle("SELECT readmissions_30d FROM monthly_statistics WHERE month = DATE '2025-06-01'")
                .get(0)).as("a new key without the column: not known").isNull();

        // an empty cell still means "not known": a revision to null
        JsonNode unknown = client().postCsv("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem;reinnleggelser_30d
                2025-05;5001;40;30;26;12;
                """).getBody();
        assertThat(unknown.get("updated").asInt()).isEqualTo(1);
        assertThat(stored("2025-05", "5001").get("readmissions_30d")).isNull();
    }

    @Test
    void shouldRefuseAStoredValueTheChangedRowNoLongerAllows() {
        client().store("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem;reinnleggelser_30d
                2025-05;5001;40;30;25;12;7
                """);

        // 5 stays, but the 7 readmissions kept from before: the rule between them holds for kept values too
        ResponseEntity<JsonNode> response = client().postCsv("monthly-statistics", """
                måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem
                2025-05;5001;5;3;2;1
                """);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode errors = response.getBody().get("errors");
        assertThat(lines(errors)).containsExactly("2:reinnleggelser_30d");
        assertThat(errors.get(0).get("value").asText()).isEqualTo("7");
        assertThat(errors.get(0).get("message").asText()).contains("kan ikke være flere enn UKP-opphold (5)")
                .contains("lagret fra før");
        assertThat(stored("2025-05", "5001").get("ukp_stays", Integer.class)).isEqualTo(40);
    }

    @Test
    void shouldKeepTheStoredValuesInADryRunToo() {
        client().store("snapshots", """
                tidspunkt;kommunenr;ukp_pasienter;venter_over_1_døgn
                30.06.2025 08:00;5001;6;2
                """);

        ResponseEntity<JsonNode> dryRun = client().post("snapshots", """
                tidspunkt;kommunenr;ukp_pasienter
                30.06.2025 08:00;5001;6
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8), ImportClient.CSV, true);

        assertThat(dryRun.getBody().get("unchanged").asInt()).as("%s", dryRun.getBody()).isEqualTo(1);
        assertThat(dsl.fetchSingle("SELECT waiting_over_1_day FROM snapshot").get(0, Integer.class)).isEqualTo(2);
    }

    private Record stored(String month, String municipality) {
        return dsl.fetchSingle("SELECT * FROM monthly_statistics WHERE month = ?::date AND municipality = ?",
                month + "-01", municipality);
    }

    private static List<String> lines(JsonNode problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add(p.get("line").asInt() + ":" + p.get("column").asText()));
        return lines;
    }

    private long count(String table) {
        return dsl.fetchSingle("SELECT count(*) FROM " + table).get(0, Long.class);
    }

    private ImportClient client() {
        return new ImportClient(rest);
    }
}
