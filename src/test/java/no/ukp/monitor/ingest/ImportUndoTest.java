package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Undoing an import restores what it changed as new revisions, gives what it inserted a deletion
 * revision, is refused when a later import changed the same keys, and is audited.
 */
@DatabaseTest
class ImportUndoTest {

    static final String FIRST = """
            month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
            2025-04,5001,40,30,25,12,
            2025-04,5028,8,6,3,2,1
            """;
    /** Trondheim's readmissions become known, Melhus unchanged, Skaun new. */
    static final String SECOND = """
            month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
            2025-04,5001,40,30,25,12,7
            2025-04,5028,8,6,3,2,1
            2025-04,5029,4,1,5,1,0
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
    void shouldRestoreWhatTheImportChangedAsNewRevisionsAndDeleteWhatItInserted() {
        long first = store(FIRST);
        long second = store(SECOND);
        assertThat(ukpDays()).isEqualTo(33);
        assertThat(readmissionShare()).isEqualByComparingTo("0.1538461538461538");

        ResponseEntity<JsonNode> answer = undo(second, "admin");

        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        JsonNode undo = answer.getBody();
        assertThat(undo.get("outcome").asText()).isEqualTo("undo");
        assertThat(undo.get("undoesImportId").asLong()).isEqualTo(second);
        assertThat(undo.get("importedBy").asText()).isEqualTo("admin");
        assertThat(undo.get("fileName").asText()).isEqualTo("angring av import " + second);
        assertThat(undo.get("updated").asInt()).isEqualTo(1);
        assertThat(undo.get("deleted").asInt()).isEqualTo(1);
        long undoId = undo.get("id").asLong();

        // the facts are as the first import left them, Trondheim's as a new revision
        assertThat(dsl.fetch("SELECT municipality, revision, readmissions_30d, import_id FROM monthly_statistics ORDER BY 1")
                .map(r -> r.intoList().toString()))
                .containsExactly("[5001, 3, null, " + undoId + "]", "[5028, 1, 1, " + first + "]");
        // nothing of the history is lost: Skaun keeps its value and gets a deletion revision
        assertThat(dsl.fetch("SELECT municipality, revision, ukp_stays, deleted, import_id FROM monthly_statistics_revision "
                        + "ORDER BY 1, 2").map(r -> r.intoList().toString()))
                .containsExactly("[5001, 1, 40, false, " + first + "]", "[5001, 2, 40, false, " + second + "]",
                        "[5001, 3, 40, false, " + undoId + "]", "[5028, 1, 8, false, " + first + "]",
                        "[5029, 1, 4, false, " + second + "]", "[5029, 2, null, true, " + undoId + "]");
        // and the indicators follow at once
        assertThat(ukpDays()).isEqualTo(28);
        assertThat(readmissionShare()).isEqualByComparingTo("0.125");

        JsonNode history = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/history/monthly-statistics?municipality=5029&month=2025-04", JsonNode.class);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("deleted").asBoolean()).isTrue();
        assertThat(history.get(1).get("ukpStays").isNull()).isTrue();
        assertThat(history.get(1).get("importedBy").asText()).isEqualTo("admin");
        assertThat(history.get(1).get("undoesImportId").asLong()).isEqualTo(second);

        JsonNode undone = TestUsers.as(rest, "viewer").getForObject("/api/v1/imports/" + second, JsonNode.class);
        assertThat(undone.get("undoneByImportId").asLong()).isEqualTo(undoId);
        assertThat(undone.get("outcome").asText()).isEqualTo("stored");

        // a file sent again after the undo stores its rows again, as new revisions
        JsonNode again = new ImportClient(rest).postCsv("monthly-statistics", SECOND).getBody();
        assertThat(again.get("inserted").asInt()).isEqualTo(1);
        assertThat(again.get("updated").asInt()).isEqualTo(1);
        assertThat(ukpDays()).isEqualTo(33);
    }

    @Test
    void shouldRefuseWithTheKeysWhenALaterImportChangedThemAndAllowNewestFirst() {
        long first = store(FIRST);
        long second = store(SECOND);

        ResponseEntity<JsonNode> refused = undo(first, "admin");

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("detail").asText())
                .contains("Import " + first + " kan ikke angres", "1 av de samme radene", "2025-04 / 5001 / somatikk");
        assertThat(refused.getBody().get("keys").toString())
                .isEqualTo("[{\"month\":\"2025-04\",\"municipality\":\"5001\",\"area\":\"somatikk\"}]");
        assertThat(dsl.fetchCount(dsl.selectFrom("monthly_statistics_revision"))).isEqualTo(4);
        assertThat(dsl.fetchCount(dsl.selectFrom("import").where("outcome = 'undo'"))).isZero();

        // newest first: the later import undone, the first one can be undone too
        long undoSecond = undo(second, "admin").getBody().get("id").asLong();
        ResponseEntity<JsonNode> undoFirst = undo(first, "admin");
        assertThat(undoFirst.getStatusCode().value()).as("%s", undoFirst.getBody()).isEqualTo(200);
        assertThat(undoFirst.getBody().get("deleted").asInt()).isEqualTo(2);
        assertThat(dsl.fetchCount(dsl.selectFrom("monthly_statistics"))).isZero();
        assertThat(ukpDays()).isNull();

        // twice, or an undo itself: refused, nothing changes
        assertThat(undo(second, "admin").getBody().get("detail").asText()).contains("allerede angret");
        ResponseEntity<JsonNode> undoOfUndo = undo(undoSecond, "admin");
        assertThat(undoOfUndo.getStatusCode().value()).isEqualTo(409);
        assertThat(undoOfUndo.getBody().get("detail").asText()).contains("er selv en angring");
        assertThat(dsl.fetchCount(dsl.selectFrom("import").where("outcome = 'undo'"))).isEqualTo(2);
    }

    @Test
    void shouldRestoreAPopulationAndTheSumsBuiltOnIt() {
        String population = "year,municipality,population\n2025,5001,212660\n2025,5028,17000\n";
        store("population", population);
        long correction = store("population", population.replace("17000", "17100"));
        assertThat(dsl.fetchSingle("SELECT population FROM scope_population_sums WHERE scope_type = 'region' "
                + "AND scope_id = 'trondheimsomradet' AND year = 2025").get(0, Long.class)).isEqualTo(17100L);

        assertThat(undo(correction, "admin").getStatusCode().value()).isEqualTo(200);

        assertThat(dsl.fetchSingle("SELECT population, revision FROM population WHERE municipality = '5028'").intoList())
                .containsExactly(17000, 3);
        assertThat(dsl.fetchSingle("SELECT population FROM scope_population_sums WHERE scope_type = 'region' "
                + "AND scope_id = 'trondheimsomradet' AND year = 2025").get(0, Long.class)).isEqualTo(17000L);
    }

    @Test
    void shouldLetOnlyTheAdminUndoAndRefuseWhatStoredNothing() {
        long stored = store(FIRST);
        for (String user : List.of("viewer", "analyst", "ingest")) {
            assertThat(undo(stored, user).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(undo(999999, "admin").getStatusCode().value()).isEqualTo(404);
        long rejected = new ImportClient(rest).postCsv("monthly-statistics", FIRST.replace("5028", "9999")).getBody()
                .get("importId").asLong();
        ResponseEntity<JsonNode> nothing = undo(rejected, "admin");
        assertThat(nothing.getStatusCode().value()).isEqualTo(409);
        assertThat(nothing.getBody().get("detail").asText()).contains("lagret ingenting", "rejected");
        assertThat(dsl.fetchCount(dsl.selectFrom("monthly_statistics_revision"))).isEqualTo(2);
    }

    private long store(String csv) {
        return store("monthly-statistics", csv);
    }

    private long store(String dataset, String csv) {
        ResponseEntity<JsonNode> answer = new ImportClient(rest).postCsv(dataset, csv);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return answer.getBody().get("importId").asLong();
    }

    private ResponseEntity<JsonNode> undo(long importId, String user) {
        return TestUsers.as(rest, user).postForEntity("/api/v1/imports/" + importId + "/undo", null, JsonNode.class);
    }

    private Long ukpDays() {
        return dsl.fetchOptional("SELECT value FROM indicator_value WHERE scope_type = 'total' AND month = DATE '2025-04-01' "
                + "AND indicator_id = 'ukp_days' AND time_window = 'month'").map(r -> r.get(0, Long.class)).orElse(null);
    }

    private BigDecimal readmissionShare() {
        return dsl.fetchSingle("SELECT value FROM indicator_value WHERE scope_type = 'total' AND month = DATE '2025-04-01' "
                + "AND indicator_id = 'readmission_30d_share' AND time_window = 'month'").get(0, BigDecimal.class);
    }
}
