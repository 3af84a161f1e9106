package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.ReferenceDataBackup;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
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
 * {@code asOf} (issue 18): the figures as the data stood at an instant, from the revisions, the population, the reference
 * data and the target versions recorded by then, through the same views. Each test first shows that the figures of now
 * differ, so that an {@code asOf} that were ignored would fail.
 */
@DatabaseTest
class AsOfTest {

    private static final String HEADER = "month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    private ReferenceDataBackup backup;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
        dsl.execute("DELETE FROM indicator_target WHERE created_by <> 'migration'");
        backup = ReferenceDataBackup.take(dsl);
    }

    @AfterEach
    void restore() {
        backup.restore();
        dsl.execute("DELETE FROM indicator_target WHERE created_by <> 'migration'");
    }

    @Test
    void shouldGiveTheFiguresAsTheyStoodThenAfterRevisionsNewMonthsPopulationATargetAndAMembershipChange() throws Exception {
        Instant before = instant();
        ImportClient imports = new ImportClient(rest);
        imports.store("monthly-statistics", year(20, 30));
        // population then: the municipalities' UKP-day targets are apportioned from the whole community's
        imports.store("population", "year,municipality,population\n2024,5001,212000\n2024,5028,17200\n");
        Instant then = instant();
        String[] paths = {"/api/v1/kpis?month=2025-06&scope=total", "/api/v1/kpis?month=2025-06&scope=municipality:5028",
                "/api/v1/kpis?scope=total", "/api/v1/kpis/series?indicator=ukp_days&scope=total&window=rolling12",
                "/api/v1/kpis/series?indicator=zero_day_share&scope=region:trondheimsomradet&window=month",
                "/api/v1/kpis/spc?indicator=avg_ukp_days&scope=total"};
        Map<String, JsonNode> thenAnswers = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            thenAnswers.put(path, get(path));
        }

        // after «then»: a revision, a new month, population, a target version and a membership change
        imports.store("monthly-statistics", HEADER + "2025-06,5001,40,30,90,10,4\n2025-07,5001,40,30,25,10,4\n2025-07,5028,20,15,8,5,1\n");
        imports.store("population", "year,municipality,population\n2025,5001,214000\n2025,5028,17400\n");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(TestUsers.as(rest, "admin").postForEntity("/api/v1/targets", new HttpEntity<>("""
                {"indicatorId": "zero_day_share", "scopeType": "total", "validFrom": "2025-01", "target": 0.5,
                 "tolerance": 0.05, "toleranceKind": "absolute"}""", json), String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(TestUsers.as(rest, "admin").exchange("/api/v1/municipalities/5028", HttpMethod.PUT, new HttpEntity<>("""
                {"name": "Melhus", "regionId": "trondheimsomradet", "memberFrom": "2025-03"}""", json), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(indicator(thenAnswers.get(paths[1]), "ukp_days").path("target").isNumber()).as("an apportioned target then")
                .isTrue();
        for (String path : paths) {
            assertThat(get(path)).as("now differs: %s", path).isNotEqualTo(thenAnswers.get(path));
            assertThat(get(path + "&asOf=" + then)).as("as of then: %s", path).isEqualTo(thenAnswers.get(path));
        }
        assertThat(get("/api/v1/kpis?scope=total&asOf=" + then).path("month").asText()).as("the latest month then").isEqualTo("2025-06");
        // before the first import there was nothing
        JsonNode nothing = get("/api/v1/kpis?month=2025-06&scope=total&asOf=" + before);
        nothing.path("indicators").forEach(i -> {
            assertThat(i.path("values").path("rolling12").isNull()).as(i.path("id").asText()).isTrue();
            assertThat(i.path("status").asText()).isIn("no_data", "no_target");
        });
        // plans are kept per connection once pgJDBC prepares a statement on the server (its fifth run): now and two
        // instants alternate often enough that the connections run the same statements prepared, each kind its own
        JsonNode nowAnswer = get(paths[0]);
        for (int round = 0; round < 20; round++) {
            assertThat(get(paths[0] + "&asOf=" + then)).as("as of then, round %d", round).isEqualTo(thenAnswers.get(paths[0]));
            assertThat(get(paths[0])).as("now, round %d", round).isEqualTo(nowAnswer);
            assertThat(get(paths[0] + "&asOf=" + before).path("indicators").path(0).path("values").path("rolling12").isNull())
                    .as("before the first import, round %d", round).isTrue();
        }
        // an instant with its offset is the same instant
        String oslo = then.atZone(java.time.ZoneId.of("Europe/Oslo")).toOffsetDateTime().toString();
        assertThat(get("/api/v1/kpis?month=2025-06&scope=total&asOf=" + java.net.URLEncoder.encode(oslo,
                java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(thenAnswers.get(paths[0]));
    }

    @Test
    void shouldLeaveOutWhatAnUndoDeletedFromThenOnAndKeepItBefore() throws Exception {
        ImportClient imports = new ImportClient(rest);
        imports.store("monthly-statistics", year(20, 30));
        ResponseEntity<JsonNode> extra = imports.postCsv("monthly-statistics", HEADER + "2025-07,5001,40,30,25,10,4\n");
        long id = extra.getBody().path("importId").asLong();
        Instant then = instant();
        assertThat(TestUsers.as(rest, "admin").postForEntity("/api/v1/imports/" + id + "/undo", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Instant after = instant();
        assertThat(get("/api/v1/kpis?scope=total").path("month").asText()).isEqualTo("2025-06");
        JsonNode july = get("/api/v1/kpis?scope=total&asOf=" + then);
        assertThat(july.path("month").asText()).isEqualTo("2025-07");
        assertThat(value(july, "ukp_days", "month")).isEqualByComparingTo("25");
        assertThat(get("/api/v1/kpis?scope=total&asOf=" + after)).isEqualTo(get("/api/v1/kpis?scope=total"));
        assertThat(value(get("/api/v1/kpis?month=2025-07&scope=total&asOf=" + after), "ukp_days", "month")).isNull();
    }

    @Test
    void shouldReproduceTheApprovedFiguresAndStatusesOfEveryScopeAtTheApprovalInstant() throws Exception {
        ImportClient imports = new ImportClient(rest);
        imports.store("monthly-statistics", year(20, 30));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        JsonNode approval = TestUsers.as(rest, "admin").postForObject("/api/v1/approvals",
                new HttpEntity<>("{\"month\": \"2025-06\"}", json), JsonNode.class);
        String approvedAt = approval.path("approvedAt").asText();
        // revise the approved month, import more, change a target
        imports.store("monthly-statistics", HEADER + "2025-06,5001,40,30,90,10,4\n2025-05,5028,20,10,30,5,1\n2025-07,5001,40,30,25,10,4\n");
        assertThat(TestUsers.as(rest, "admin").postForEntity("/api/v1/targets", new HttpEntity<>("""
                {"indicatorId": "avg_ukp_days", "scopeType": "total", "validFrom": "2025-01", "target": 9,
                 "tolerance": 0.1, "toleranceKind": "relative"}""", json), String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(TestUsers.as(rest, "viewer").getForObject("/api/v1/approvals/2025-06", JsonNode.class).path("revisedSince")
                .asBoolean()).isTrue();

        List<Record> kept = dsl.fetch("SELECT scope_type, scope_id, indicator_id, time_window, value, status FROM approval_figure "
                + "WHERE month = DATE '2025-06-01' AND indicator_id IN (SELECT id FROM indicator)");
        assertThat(kept).hasSizeGreaterThan(100);
        Map<String, JsonNode> answers = new java.util.HashMap<>();
        for (Record r : kept) {
            String scope = r.get(0, String.class).equals("total") ? "total" : r.get(0, String.class) + ":" + r.get(1, String.class);
            JsonNode kpis = answers.computeIfAbsent(scope, s -> get("/api/v1/kpis?month=2025-06&scope=" + s + "&asOf="
                    + java.net.URLEncoder.encode(approvedAt, java.nio.charset.StandardCharsets.UTF_8)));
            String where = scope + " " + r.get(2) + " " + r.get(3);
            BigDecimal approved = r.get(4, BigDecimal.class);
            BigDecimal asOf = value(kpis, r.get(2, String.class), r.get(3, String.class));
            if (approved == null) {
                assertThat(asOf).as(where).isNull();
            } else {
                // (the test's JSON reader holds a number as a double)
                assertThat(asOf.doubleValue()).as(where).isCloseTo(approved.doubleValue(), org.assertj.core.api.Assertions.within(1e-12));
            }
            assertThat(indicator(kpis, r.get(2, String.class)).path("status").asText()).as(where).isEqualTo(r.get(5, String.class));
        }
        // the report of the approved month says so and lists the changes; as of the approval it shows the figures then
        String encoded = java.net.URLEncoder.encode(approvedAt, java.nio.charset.StandardCharsets.UTF_8);
        String now = html("/api/v1/reports/monthly?month=2025-06&format=html");
        assertThat(now).contains("Godkjent for ASU", "tall er endret etter godkjenning", "<h2>Endret etter godkjenning</h2>");
        String then = html("/api/v1/reports/monthly?month=2025-06&format=html&asOf=" + encoded);
        assertThat(then).contains("Tallene slik de sto", "Ingen tall er endret etter godkjenning.")
                .doesNotContain("<h2>Endret etter godkjenning</h2>");
        // the kept report has not changed
        byte[] pdf = TestUsers.as(rest, "viewer").getForObject("/api/v1/approvals/2025-06/report", byte[].class);
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)))
                .isEqualTo(approval.path("reportSha256").asText());
    }

    @Test
    void shouldRefuseAnInstantThatIsNotOne() {
        ResponseEntity<JsonNode> answer = TestUsers.as(rest, "viewer").getForEntity("/api/v1/kpis?asOf=i går", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("detail").asText()).contains("«i går»", "asOf", "2025-08-20T10:00:00Z");
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/kpis/spc?indicator=ukp_days&asOf=2025-08-20", JsonNode.class)
                .getStatusCode()).as("a date without time and zone").isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** Twelve months 2024-07..2025-06 for Trondheim (UKP-days {@code days}) and Melhus (8), readmissions known. */
    private static String year(int stays, int days) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int k = 0; k < 12; k++) {
            String month = java.time.YearMonth.of(2024, 7).plusMonths(k).toString();
            csv.append(month).append(",5001,").append(stays).append(',').append(stays - 5).append(',').append(days + k).append(",8,3\n");
            csv.append(month).append(",5028,10,8,").append(8).append(",4,1\n");
        }
        return csv.toString();
    }

    private JsonNode get(String path) {
        // a URI, not a template: the instants' «+» are encoded here already, once
        ResponseEntity<JsonNode> answer = TestUsers.as(rest, "viewer").getForEntity(java.net.URI.create(path), JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private String html(String path) {
        ResponseEntity<String> answer = TestUsers.as(rest, "viewer").getForEntity(java.net.URI.create(path), String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static JsonNode indicator(JsonNode kpis, String id) {
        for (JsonNode i : kpis.path("indicators")) {
            if (i.path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    private static BigDecimal value(JsonNode kpis, String id, String window) {
        JsonNode value = indicator(kpis, id).path("values").path(window);
        return value.isNumber() ? value.decimalValue() : null;
    }

    /** Now, a little apart from what came before and what comes after (the database's clock counts microseconds). */
    private static Instant instant() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }
}
