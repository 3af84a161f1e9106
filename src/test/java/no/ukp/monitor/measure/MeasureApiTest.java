package no.ukp.monitor.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The action plan through {@code /api/v1/measures}: who may change it, what is refused, that every version and every
 * status is kept, and the effect on the linked indicators on a hand-built series with a step at the start month.
 */
@DatabaseTest
class MeasureApiTest {

    private static final String MEASURE = """
            {"title": "Forsterket utskrivningsteam", "description": "Tverrfaglig team", "owner": "Melhus kommune",
             "priority": "hoy", "size": "middels", "startMonth": "2025-01", "endMonth": "2025-12",
             "scope": "municipality:5001", "indicators": ["ukp_days", "zero_day_share"],
             "activities": [{"title": "Rekruttere sykepleier", "owner": "Helse og velferd", "startMonth": "2025-01"},
                            {"title": "Daglig tavlemøte", "startMonth": "2025-02", "priority": "lav"}]}""";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
        dsl.execute("TRUNCATE measure, measure_revision, measure_status");
    }

    @Test
    void shouldLetPlannersAndAdminsChangeThePlanAndEveryoneReadIt() {
        ResponseEntity<JsonNode> created = send("planner", HttpMethod.POST, "/api/v1/measures", MEASURE);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().path("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/measures/" + id);
        JsonNode measure = TestUsers.as(rest, "viewer").getForObject("/api/v1/measures/" + id, JsonNode.class);
        assertThat(measure.path("title").asText()).isEqualTo("Forsterket utskrivningsteam");
        assertThat(measure.path("scope").asText()).isEqualTo("municipality:5001");
        assertThat(measure.path("indicators").toString()).isEqualTo("[\"ukp_days\",\"zero_day_share\"]");
        assertThat(measure.path("activities")).hasSize(2);
        assertThat(measure.path("activities").get(1).path("priority").asText()).isEqualTo("lav");
        assertThat(measure.path("activities").get(1).has("indicators")).as("an activity has no indicators").isFalse();
        assertThat(TestUsers.as(rest, "viewer").getForObject("/api/v1/measures", JsonNode.class)).hasSize(1);

        for (String user : new String[] {"viewer", "analyst", "ingest"}) {
            assertThat(send(user, HttpMethod.POST, "/api/v1/measures", MEASURE).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(send(user, HttpMethod.POST, "/api/v1/measures/" + id + "/status",
                    "{\"month\": \"2025-03\", \"status\": \"green\"}").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(send("admin", HttpMethod.POST, "/api/v1/measures", MEASURE).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // the planner edits the plan and nothing else
        assertThat(send("planner", HttpMethod.POST, "/api/v1/targets", """
                {"indicatorId": "ukp_days", "scopeType": "total", "validFrom": "2025-02", "target": 900,
                 "tolerance": 0.05, "toleranceKind": "relative"}""").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send("planner", HttpMethod.POST, "/api/v1/imports/monthly-statistics", "x").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldKeepEveryVersionAndEveryStatus() {
        long id = send("planner", HttpMethod.POST, "/api/v1/measures", MEASURE).getBody().path("id").asLong();
        long activity = TestUsers.as(rest, "viewer").getForObject("/api/v1/measures/" + id, JsonNode.class)
                .path("activities").get(0).path("id").asLong();
        String changed = MEASURE.replace("\"hoy\"", "\"middel\"").replace("\"activities\": [", "\"activities\": [{\"id\": " + activity
                + ", \"title\": \"Rekruttere to sykepleiere\", \"startMonth\": \"2025-01\"}, ").replace(
                "{\"title\": \"Rekruttere sykepleier\", \"owner\": \"Helse og velferd\", \"startMonth\": \"2025-01\"},", "");
        JsonNode after = send("planner", HttpMethod.PUT, "/api/v1/measures/" + id, changed).getBody();
        assertThat(after.path("priority").asText()).isEqualTo("middel");
        assertThat(after.path("revision").asInt()).isEqualTo(2);
        assertThat(after.path("activities")).as("one changed, one added, none removed").hasSize(3);
        assertThat(after.path("activities").get(0).path("title").asText()).isEqualTo("Rekruttere to sykepleiere");
        assertThat(dsl.fetchCount(dsl.selectFrom("measure_revision").where("measure_id = " + id))).isEqualTo(2);
        assertThat(dsl.fetchOne("SELECT priority FROM measure_revision WHERE measure_id = ? AND revision = 1", id).get(0))
                .as("the first version kept").isEqualTo("hoy");
        assertThat(send("planner", HttpMethod.PUT, "/api/v1/measures/" + id, changed.replace(", {\"title\": \"Daglig tavlemøte\","
                + " \"startMonth\": \"2025-02\", \"priority\": \"lav\"}", "")).getBody().path("revision").asInt())
                .as("nothing changed, no new version").isEqualTo(2);

        send("planner", HttpMethod.POST, "/api/v1/measures/" + id + "/status", "{\"month\": \"2025-03\", \"status\": \"yellow\", \"comment\": \"Forsinket\"}");
        send("admin", HttpMethod.POST, "/api/v1/measures/" + id + "/status", "{\"month\": \"2025-03\", \"status\": \"green\"}");
        send("planner", HttpMethod.POST, "/api/v1/measures/" + activity + "/status", "{\"month\": \"2025-02\", \"status\": \"red\"}");
        JsonNode measure = TestUsers.as(rest, "viewer").getForObject("/api/v1/measures/" + id, JsonNode.class);
        assertThat(measure.path("statuses")).hasSize(2);
        assertThat(measure.path("statuses").get(0).path("status").asText()).as("newest first").isEqualTo("green");
        assertThat(measure.path("statuses").get(0).path("setBy").asText()).isEqualTo("admin");
        assertThat(measure.path("statuses").get(1).path("comment").asText()).isEqualTo("Forsinket");
        assertThat(measure.path("statuses").get(1).path("setBy").asText()).isEqualTo("planner");
        assertThat(measure.path("activities").get(0).path("statuses").get(0).path("status").asText()).isEqualTo("red");
    }

    @Test
    void shouldRefuseWhatIsNotAMeasureInNorwegian() {
        assertRefused(MEASURE.replace("\"zero_day_share\"", "\"ukp_dager\""), "Ukjent indikator «ukp_dager» i «indicators»");
        assertRefused(MEASURE.replace("\"hoy\"", "\"høyest\""), "«høyest» i «priority» må være hoy, middel eller lav");
        assertRefused(MEASURE.replace("\"middels\"", "\"enorm\""), "«enorm» i «size» må være stort, middels eller lite");
        assertRefused(MEASURE.replace("\"endMonth\": \"2025-12\"", "\"endMonth\": \"2024-12\""), "«endMonth» (2024-12) er før «startMonth» (2025-01)");
        assertRefused(MEASURE.replace("\"title\": \"Forsterket utskrivningsteam\", ", ""), "«title» mangler");
        assertRefused(MEASURE.replace("\"municipality:5001\"", "\"municipality:9999\""), "Ukjent utvalg «municipality:9999»");
        assertRefused(MEASURE.replace("\"startMonth\": \"2025-02\", \"priority\": \"lav\"",
                "\"startMonth\": \"2025-02\", \"indicators\": [\"ukp_days\"]"), "«activities[1].indicators»");
        assertRefused(MEASURE.replace("\"startMonth\": \"2025-02\"", "\"startMonth\": \"feb 2025\""), "«activities[1].startMonth»");
        long id = send("planner", HttpMethod.POST, "/api/v1/measures", MEASURE).getBody().path("id").asLong();
        ResponseEntity<JsonNode> status = send("planner", HttpMethod.POST, "/api/v1/measures/" + id + "/status",
                "{\"month\": \"2025-03\", \"status\": \"grønn\"}");
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status.getBody().toString()).contains("«grønn» i «status» må være green, yellow eller red");
        assertThat(send("planner", HttpMethod.POST, "/api/v1/measures/999999/status", "{\"month\": \"2025-03\", \"status\": \"green\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(dsl.fetchCount(dsl.selectFrom("measure"))).as("nothing of the refused ones stored").isEqualTo(3);
    }

    @Test
    void shouldJudgeTheEffectOnEachLinkedIndicatorAgainstTheBaselinesLimits() {
        // 5001: twelve months of UKP-days alternating 10 and 12, then seven of 30 from the start; 0-day share 0.8 throughout
        StringBuilder csv = new StringBuilder("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        YearMonth start = YearMonth.of(2025, 1);
        for (int k = -12; k < 7; k++) {
            int days = k < 0 ? (k % 2 == 0 ? 10 : 12) : 30;
            csv.append(start.plusMonths(k)).append(",5001,10,8,").append(days).append(",3,1\n");
        }
        new ImportClient(rest).store("monthly-statistics", csv.toString());
        long id = send("planner", HttpMethod.POST, "/api/v1/measures", MEASURE).getBody().path("id").asLong();

        JsonNode effect = TestUsers.as(rest, "viewer").getForObject("/api/v1/measures/" + id + "/effect", JsonNode.class);
        assertThat(effect.path("indicators")).hasSize(2);
        JsonNode days = effect.path("indicators").get(0);
        assertThat(days.path("indicator").asText()).isEqualTo("ukp_days");
        assertThat(days.path("before").path("from").asText()).isEqualTo("2024-01");
        assertThat(days.path("before").path("to").asText()).isEqualTo("2024-12");
        assertThat(days.path("before").path("n").asInt()).isEqualTo(12);
        assertThat(days.path("before").path("mean").asDouble()).isEqualTo(11.0);
        assertThat(days.path("after").path("from").asText()).isEqualTo("2025-01");
        assertThat(days.path("after").path("to").asText()).isEqualTo("2025-07");
        assertThat(days.path("after").path("n").asInt()).isEqualTo(7);
        assertThat(days.path("after").path("mean").asDouble()).isEqualTo(30.0);
        assertThat(days.path("change").asDouble()).isEqualTo(19.0);
        assertThat(days.path("verdict").asText()).as("more UKP-days is worse").isEqualTo("concern");
        assertThat(days.path("text").asText()).contains("uønsket retning", "ikke hva som er årsaken");
        JsonNode share = effect.path("indicators").get(1);
        assertThat(share.path("indicator").asText()).isEqualTo("zero_day_share");
        assertThat(share.path("verdict").asText()).isEqualTo("no_change");
        assertThat(share.path("change").asDouble()).isEqualTo(0.0);

        long late = send("planner", HttpMethod.POST, "/api/v1/measures", MEASURE.replace("\"startMonth\": \"2025-01\", \"endMonth\"",
                "\"startMonth\": \"2025-03\", \"endMonth\"")).getBody().path("id").asLong();
        JsonNode early = TestUsers.as(rest, "viewer").getForObject("/api/v1/measures/" + late + "/effect", JsonNode.class)
                .path("indicators").get(0);
        assertThat(early.path("verdict").asText()).as("five months after the start").isEqualTo("too_early");
        assertThat(early.path("text").asText()).contains("For tidlig", "5 måneder", "minst 7");
    }

    private void assertRefused(String body, String message) {
        ResponseEntity<JsonNode> answer = send("planner", HttpMethod.POST, "/api/v1/measures", body);
        assertThat(answer.getStatusCode()).as(message).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().toString()).contains(message);
    }

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(path.contains("/imports/") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON);
        return TestUsers.as(rest, user).exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }
}
