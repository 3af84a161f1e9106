package no.ukp.monitor.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.ReferenceDataBackup;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The admin's edits of the reference data count at once for imports and indicators, leave past
 * windows complete, are audited, and are the admin's alone.
 */
@DatabaseTest
class ReferenceEditTest {

    private static final String HEADER = "month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    private ReferenceDataBackup backup;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
        backup = ReferenceDataBackup.take(dsl);
    }

    @AfterEach
    void restore() {
        backup.restore();
    }

    @Test
    void shouldAddAMunicipalityThatImportsAndIndicatorsUseAtOnceWithoutMakingPastWindowsIncomplete() {
        // every municipality of the data file reports every month of 2025
        List<String> twenty = dsl.fetch("SELECT number FROM municipality ORDER BY number").getValues(0, String.class);
        importMonths(twenty, YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        assertCoverage("total", "2025-12", 240, 240, true);

        ResponseEntity<JsonNode> added = send(HttpMethod.POST, "/api/v1/municipalities", "admin",
                Map.of("number", "5035", "name", "Stjørdal", "regionId", "vaernesregionen", "memberFrom", "2026-01"));
        assertThat(added.getStatusCode().value()).as("%s", added.getBody()).isEqualTo(201);
        assertThat(added.getBody().get("memberFrom").asText()).isEqualTo("2026-01");

        // the past is as it was: 2025 does not expect the newcomer
        assertCoverage("total", "2025-12", 240, 240, true);
        assertCoverage("region:vaernesregionen", "2025-12", 24, 24, true);

        // its first month is expected, imported and counted
        importMonths(List.of("5035"), YearMonth.of(2026, 1), YearMonth.of(2026, 1));
        importMonths(twenty, YearMonth.of(2026, 1), YearMonth.of(2026, 1));
        assertCoverage("total", "2026-01", 241, 241, true);
        JsonNode kpis = kpis("municipality:5035", "2026-01");
        assertThat(kpis.get("scope").get("name").asText()).isEqualTo("Stjørdal");
        assertThat(ukpDays(kpis, "month")).isEqualTo(3);
        assertThat(ukpDays(kpis("region:vaernesregionen", "2026-01"), "month")).isEqualTo(9);
        assertThat(ukpDays(kpis("total", "2026-01"), "month")).isEqualTo(63);

        // the report expects the newcomer from its first month only
        String report = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/reports/monthly?month=2026-01&scope=region:vaernesregionen&format=html", String.class);
        assertThat(report).contains("25 av 25 kommune-måneder", "dekningen er komplett");

        // a row of a month before it joined is stored, but counts in no scope
        importMonths(List.of("5035"), YearMonth.of(2025, 6), YearMonth.of(2025, 6));
        assertThat(ukpDays(kpis("total", "2025-06"), "month")).isEqualTo(60);
        assertCoverage("total", "2025-12", 240, 240, true);

        JsonNode changes = TestUsers.as(rest, "viewer").getForObject("/api/v1/municipalities/changes?number=5035", JsonNode.class);
        assertThat(changes).extracting(c -> c.get("field").asText()).containsExactlyInAnyOrder("name", "region_id", "member_from");
        assertThat(changes.get(0).get("changedBy").asText()).isEqualTo("admin");
        assertThat(changes.get(0).get("oldValue").isNull()).isTrue();
    }

    @Test
    void shouldRenameAndMoveAMunicipalityAndMapANewOldNumberAtOnce() {
        ImportClient imports = new ImportClient(rest);
        imports.store("monthly-statistics", HEADER + "2025-03,5033,5,2,4,1,0\n2025-03,5028,5,2,7,1,0\n");

        ResponseEntity<JsonNode> moved = send(HttpMethod.PUT, "/api/v1/municipalities/5033", "admin",
                Map.of("name", "Tydal kommune", "regionId", "trondheimsomradet", "memberFrom", "2000-01"));
        assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);

        Region[] regions = TestUsers.as(rest, "viewer").getForObject("/api/v1/regions", Region[].class);
        assertThat(List.of(regions).stream().filter(r -> r.id().equals("trondheimsomradet")).findFirst().orElseThrow()
                .municipalities()).contains("5033");
        assertThat(kpis("municipality:5033", "2025-03").get("scope").get("name").asText()).isEqualTo("Tydal kommune");
        assertThat(ukpDays(kpis("region:trondheimsomradet", "2025-03"), "month")).isEqualTo(11);
        assertThat(ukpDays(kpis("region:vaernesregionen", "2025-03"), "month")).isNull();

        ResponseEntity<JsonNode> old = send(HttpMethod.POST, "/api/v1/municipalities/old-numbers", "admin",
                Map.of("oldNumber", "1699", "currentNumber", "5033", "oldName", "Gamle Tydal", "validUntil", "2017-12-31"));
        assertThat(old.getStatusCode().value()).as("%s", old.getBody()).isEqualTo(201);
        ResponseEntity<JsonNode> mapped = imports.postCsv("monthly-statistics", HEADER + "2025-04,1699,6,2,5,1,0\n");
        assertThat(mapped.getStatusCode().value()).as("%s", mapped.getBody()).isEqualTo(200);
        assertThat(mapped.getBody().get("warnings").toString()).contains("1699");
        assertThat(ukpDays(kpis("municipality:5033", "2025-04"), "month")).isEqualTo(5);

        JsonNode changes = TestUsers.as(rest, "viewer").getForObject("/api/v1/municipalities/changes?number=5033", JsonNode.class);
        assertThat(changes).extracting(c -> c.get("field").asText() + ":" + c.get("oldValue").asText() + "→"
                + c.get("newValue").asText())
                .containsExactlyInAnyOrder("name:Tydal→Tydal kommune", "region_id:vaernesregionen→trondheimsomradet");
    }

    @Test
    void shouldRefuseWhatCannotBeStoredWithNorwegianMessages() {
        Map<String, String> tydal = Map.of("number", "5033", "name", "Tydal", "regionId", "vaernesregionen", "memberFrom", "2026-01");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities", "admin", tydal), 409, "finnes allerede");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities", "admin",
                Map.of("number", "1601", "name", "X", "regionId", "trondheim", "memberFrom", "2026-01")), 409, "gammelt nummer");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities", "admin",
                Map.of("number", "5035", "name", "Stjørdal", "regionId", "nord", "memberFrom", "2026-01")), 400, "Ukjent region «nord»");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities", "admin",
                Map.of("number", "50355", "name", "Stjørdal", "regionId", "trondheim", "memberFrom", "2026-01")), 400, "1–4 sifre");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities", "admin",
                Map.of("number", "5035", "name", "Stjørdal", "regionId", "trondheim", "memberFrom", "januar")), 400, "ÅÅÅÅ-MM");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities", "admin",
                Map.of("number", "5035", "regionId", "trondheim", "memberFrom", "2026-01")), 400, "«name» mangler");
        assertProblem(send(HttpMethod.PUT, "/api/v1/municipalities/5099", "admin",
                Map.of("name", "X", "regionId", "trondheim", "memberFrom", "2026-01")), 404, "Ingen kommune med nummer 5099");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities/old-numbers", "admin",
                Map.of("oldNumber", "5001", "currentNumber", "5033", "oldName", "X", "validUntil", "2017-12-31")), 409, "i bruk");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities/old-numbers", "admin",
                Map.of("oldNumber", "1601", "currentNumber", "5001", "oldName", "X", "validUntil", "2017-12-31")), 409, "allerede et gammelt nummer");
        assertProblem(send(HttpMethod.POST, "/api/v1/municipalities/old-numbers", "admin",
                Map.of("oldNumber", "1699", "currentNumber", "5099", "oldName", "X", "validUntil", "2017-12-31")), 400,
                "ikke en kommune i helsefellesskapet");
        assertThat(dsl.fetchCount(dsl.selectFrom("municipality"))).isEqualTo(20);
    }

    @Test
    void shouldLetOnlyTheAdminChangeTheReferenceData() {
        Map<String, String> stjordal = Map.of("number", "5035", "name", "Stjørdal", "regionId", "vaernesregionen", "memberFrom", "2026-01");
        for (String user : List.of("viewer", "analyst", "ingest")) {
            assertThat(send(HttpMethod.POST, "/api/v1/municipalities", user, stjordal).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(send(HttpMethod.PUT, "/api/v1/municipalities/5033", user, stjordal).getStatusCode().value()).as(user)
                    .isEqualTo(403);
            assertThat(send(HttpMethod.POST, "/api/v1/municipalities/old-numbers", user, Map.of()).getStatusCode().value())
                    .as(user).isEqualTo(403);
            assertThat(TestUsers.as(rest, user).getForEntity("/api/v1/municipalities/old-numbers", String.class)
                    .getStatusCode().value()).as(user).isEqualTo(200);
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("municipality"))).isEqualTo(20);
    }

    /** Somatic monthly statistics for every municipality and month: 5 stays, 2 without days, 3 UKP-days. */
    private void importMonths(List<String> municipalities, YearMonth from, YearMonth to) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            for (String number : municipalities) {
                csv.append(m).append(',').append(number).append(",5,2,3,1,0\n");
            }
        }
        new ImportClient(rest).store("monthly-statistics", csv.toString());
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String user, Map<String, String> body) {
        return TestUsers.as(rest, user).exchange(path, method, new HttpEntity<>(body), JsonNode.class);
    }

    private JsonNode kpis(String scope, String month) {
        ResponseEntity<JsonNode> answer = TestUsers.as(rest, "viewer")
                .getForEntity("/api/v1/kpis?scope=" + scope + "&month=" + month, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private static Integer ukpDays(JsonNode kpis, String window) {
        for (JsonNode indicator : kpis.get("indicators")) {
            if (indicator.get("id").asText().equals("ukp_days")) {
                JsonNode value = indicator.get("values").get(window);
                return value.isNull() ? null : value.asInt();
            }
        }
        throw new AssertionError("no ukp_days in " + kpis);
    }

    private void assertCoverage(String scope, String month, int expected, int reported, boolean complete) {
        JsonNode coverage = kpis(scope, month).get("coverage");
        assertThat(coverage.get("expected").asInt()).as("expected of %s %s", scope, month).isEqualTo(expected);
        assertThat(coverage.get("reported").asInt()).as("reported of %s %s", scope, month).isEqualTo(reported);
        assertThat(coverage.get("complete").asBoolean()).as("complete of %s %s", scope, month).isEqualTo(complete);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, int status, String detail) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody().get("detail").asText()).contains(detail);
    }
}
