package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Re-imports change nothing; corrections become revisions with history; dry runs store nothing. */
@DatabaseTest
class ImportRevisionTest {

    static final String FILE = """
            month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
            2025-04,5001,40,30,25,12,
            2025-04,5028,8,6,3,2,1
            """;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @Test
    void shouldChangeNothingWhenTheSameFileIsSentAgain() {
        JsonNode first = client().postCsv("monthly-statistics", FILE).getBody();
        JsonNode second = client().postCsv("monthly-statistics", FILE).getBody();

        assertThat(first.get("inserted").asInt()).isEqualTo(2);
        assertThat(second.get("inserted").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(2);
        assertThat(count("monthly_statistics_revision")).isEqualTo(2);
        assertThat(dsl.fetchSingle("SELECT max(revision) FROM monthly_statistics").get(0, Integer.class)).isEqualTo(1);
    }

    @Test
    void shouldKeepTheOldValueAsHistoryWhenAValueIsCorrected() {
        long firstImport = client().postCsv("monthly-statistics", FILE).getBody().get("importId").asLong();
        // readmissions become known for Trondheim; Melhus is unchanged
        JsonNode correction = client().postCsv("monthly-statistics", FILE.replace("25,12,\n", "25,12,7\n")).getBody();

        assertThat(correction.get("updated").asInt()).isEqualTo(1);
        assertThat(correction.get("unchanged").asInt()).isEqualTo(1);
        assertThat(count("monthly_statistics_revision")).isEqualTo(3);
        assertThat(dsl.fetchSingle("SELECT readmissions_30d, revision FROM monthly_statistics WHERE municipality = '5001'")
                .intoArray()).containsExactly(7, 2);

        JsonNode history = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/history/monthly-statistics?municipality=5001&month=2025-04", JsonNode.class);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(history.get(0).get("readmissions30d").isNull()).isTrue();
        assertThat(history.get(0).get("importId").asLong()).isEqualTo(firstImport);
        assertThat(history.get(1).get("revision").asInt()).isEqualTo(2);
        assertThat(history.get(1).get("readmissions30d").asInt()).isEqualTo(7);
        assertThat(history.get(1).get("importId").asLong()).isEqualTo(correction.get("importId").asLong());
        assertThat(history.get(1).get("recordedAt").asText()).isNotBlank();
    }

    @Test
    void shouldReviseADatasetWithASingleValueColumn() {
        String population = "year,municipality,population\n2024,5001,212660\n2024,5028,17000\n";
        long first = client().postCsv("population", population).getBody().get("importId").asLong();
        JsonNode correction = client().postCsv("population", population.replace("17000", "17100")).getBody();

        assertThat(correction.get("inserted").asInt()).isZero();
        assertThat(correction.get("updated").asInt()).isEqualTo(1);
        assertThat(correction.get("unchanged").asInt()).isEqualTo(1);
        assertThat(dsl.fetch("SELECT municipality, revision, population FROM population_revision ORDER BY municipality, revision")
                .map(r -> r.intoList().toString())).containsExactly("[5001, 1, 212660]", "[5028, 1, 17000]", "[5028, 2, 17100]");
        assertThat(dsl.fetch("SELECT municipality, revision, population, import_id FROM population ORDER BY municipality")
                .map(r -> r.intoList().toString())).containsExactly("[5001, 1, 212660, " + first + "]",
                        "[5028, 2, 17100, " + correction.get("importId").asLong() + "]");
    }

    @Test
    void shouldStoreNothingInADryRunButReportWhatWouldHappen() {
        client().postCsv("monthly-statistics", FILE);
        String changed = FILE.replace("8,6,3,2,1", "9,6,3,2,1") + "2025-04,5029,1,1,0,1,0\n";

        ResponseEntity<JsonNode> dryRun = client().post("monthly-statistics", changed.getBytes(StandardCharsets.UTF_8),
                ImportClient.CSV, true);

        assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dryRun.getBody().get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.getBody().get("inserted").asInt()).isEqualTo(1);
        assertThat(dryRun.getBody().get("updated").asInt()).isEqualTo(1);
        assertThat(dryRun.getBody().get("unchanged").asInt()).isEqualTo(1);
        assertThat(count("monthly_statistics")).isEqualTo(2);
        assertThat(count("monthly_statistics_revision")).isEqualTo(2);
        assertThat(dsl.fetchSingle("SELECT ukp_stays FROM monthly_statistics WHERE municipality = '5028'").get(0, Integer.class))
                .isEqualTo(8);
        assertThat(dsl.fetchSingle("SELECT outcome, dry_run FROM import WHERE id = ?", dryRun.getBody().get("importId").asLong())
                .intoArray()).containsExactly("validated", true);
    }

    @Test
    void shouldRecordEveryImportInTheAuditWithItsChecksum() throws Exception {
        ResponseEntity<JsonNode> stored = client().postCsv("monthly-statistics", FILE);
        ResponseEntity<JsonNode> rejected = client().postCsv("monthly-statistics", FILE.replace("5028", "9999"));

        JsonNode entry = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/imports/" + stored.getBody().get("importId").asLong(), JsonNode.class);
        assertThat(entry.get("dataset").asText()).isEqualTo("monthly-statistics");
        assertThat(entry.get("importedBy").asText()).isEqualTo("ingest");
        assertThat(entry.get("outcome").asText()).isEqualTo("stored");
        assertThat(entry.get("sizeBytes").asLong()).isEqualTo(FILE.getBytes(StandardCharsets.UTF_8).length);
        assertThat(entry.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(FILE.getBytes(StandardCharsets.UTF_8))));
        assertThat(entry.get("rows").asInt()).isEqualTo(2);
        assertThat(entry.get("inserted").asInt()).isEqualTo(2);
        assertThat(entry.get("startedAt").asText()).isNotBlank();
        assertThat(entry.get("finishedAt").asText()).isNotBlank();

        JsonNode refused = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/imports/" + rejected.getBody().get("importId").asLong(), JsonNode.class);
        assertThat(refused.get("outcome").asText()).isEqualTo("rejected");
        assertThat(refused.get("errorCount").asInt()).isEqualTo(1);
        assertThat(refused.get("errors").get(0).get("line").asInt()).isEqualTo(3);

        JsonNode list = TestUsers.as(rest, "viewer").getForObject("/api/v1/imports", JsonNode.class);
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(rejected.getBody().get("importId").asLong());
    }

    private ImportClient client() {
        return new ImportClient(rest);
    }

    private long count(String table) {
        return dsl.fetchCount(dsl.selectFrom(table));
    }
}
