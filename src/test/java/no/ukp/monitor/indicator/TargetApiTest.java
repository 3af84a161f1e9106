package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A new target version takes effect from its month; earlier months keep the old target. */
@DatabaseTest
class TargetApiTest {

    static final String NEW_TARGET = """
            {"indicatorId": "zero_day_share", "scopeType": "total", "validFrom": "2025-02",
             "target": 0.80, "tolerance": 0.05, "toleranceKind": "absolute", "note": "test"}""";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void load() {
        TestDatabase.clean(dsl);
        String csv = """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home
                2025-01,5001,100,82,30,40
                2025-02,5001,100,82,30,40
                """;
        new ImportClient(rest).store("monthly-statistics", csv);
    }

    @AfterEach
    void removeTestTargets() {
        dsl.execute("DELETE FROM indicator_target WHERE created_by <> 'migration'");
    }

    @Test
    void shouldJudgeMonthsFromValidFromByTheNewTargetAndEarlierOnesByTheOld() {
        ResponseEntity<JsonNode> created = post("admin", NEW_TARGET);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("createdBy").asText()).isEqualTo("admin");
        assertThat(created.getBody().get("validFrom").asText()).isEqualTo("2025-02");

        JsonNode january = zeroDayShare("2025-01");
        JsonNode february = zeroDayShare("2025-02");
        // both months: 82 / 100 = 0.82 (rolling12 = 164 / 200)
        assertThat(january.get("target").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(january.get("status").asText()).isEqualTo("red");      // 0.82 < 0.85
        assertThat(february.get("target").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(february.get("status").asText()).isEqualTo("green");   // 0.82 >= 0.80

        JsonNode versions = TestUsers.as(rest, "viewer").getForObject("/api/v1/targets", JsonNode.class);
        assertThat(versions.toString()).contains("\"validFrom\":\"2000-01\"").contains("\"validFrom\":\"2025-02\"");

        // the versions of one indicator and scope, for the targets page: each with the month it is replaced from
        JsonNode total = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/targets?indicatorId=zero_day_share&scopeType=total", JsonNode.class);
        assertThat(total).extracting(v -> v.get("validFrom").asText() + "→" + v.get("replacedFrom").asText())
                .containsExactly("2000-01→2025-02", "2025-02→null");
        assertThat(TestUsers.as(rest, "viewer").getForObject("/api/v1/targets?indicatorId=zero_day_share&scopeType=region"
                + "&scopeId=default", JsonNode.class)).allMatch(v -> v.get("scopeId").isNull() && v.get("scopeType").asText()
                .equals("region"));
    }

    @Test
    void shouldLetOnlyTheAdminAddATarget() {
        for (String user : new String[] {"viewer", "analyst", "ingest"}) {
            assertThat(post(user, NEW_TARGET).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("indicator_target").where("created_by <> 'migration'"))).isZero();
    }

    @Test
    void shouldRefuseADuplicateVersionAndInvalidTargets() {
        assertThat(post("admin", NEW_TARGET).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("admin", NEW_TARGET).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("admin", NEW_TARGET.replace("zero_day_share", "beds")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("admin", NEW_TARGET.replace("2025-02", "feb")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("admin", NEW_TARGET.replace("\"total\"", "\"region\", \"scopeId\": \"atlantis\""))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private JsonNode zeroDayShare(String month) {
        JsonNode kpis = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?month=" + month, JsonNode.class);
        return kpis.get("indicators").get(1);
    }

    private ResponseEntity<JsonNode> post(String user, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return TestUsers.as(rest, user).postForEntity("/api/v1/targets", new HttpEntity<>(json, headers), JsonNode.class);
    }
}
