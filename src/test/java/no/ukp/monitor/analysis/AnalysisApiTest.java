package no.ukp.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.springframework.http.ResponseEntity;

/**
 * The decomposition and the scenario on a hand-computed fixture (decomposition-monthly.csv,
 * imported through the import endpoint), year to date February 2025 against January–February 2024.
 * Region Trondheimsområdet (stays S, stays with days x, UKP-days d; previous → current):
 * <pre>
 *   5028 Melhus          S 20 → 30, x 10 → 20, d 20 → 40   W 1/2 → 2/3, M 2 → 2
 *        c_S = 10·[1/3 + (4/3 + 1)/6 + 4/9] = 35/3;  c_W = 1/6·[40/3 + 100/6 + 20] = 25/3;  c_M = 0   (sum 20)
 *   5029 Skaun           S 0 → 4,  x 0 → 2,  d 0 → 6     no stays before: W₀, M₀ from now (1/2, 3)
 *        c_S = 4·(3/2) = 6, c_W = c_M = 0
 *   5031 Malvik          S 6 → 5,  x 3 → 0,  d 9 → 0     no stays with days now: W₁ = 0, M₁ from before (3)
 *        c_S = −1·[1/2 + 1.5/6] = −3/4;  c_W = −1/2·[6 + 33/6 + 5] = −33/4;  c_M = 0   (sum −9)
 *   5027 Midtre Gauldal  no stays in either window: all 0
 *   region               S 26 → 39, x 13 → 22, d 29 → 46, change 17 = 20 + 6 − 9 + 0;
 *        W 1/2 → 22/39, M 29/13 → 23/11: c_S = 76891/5148, c_W = 23125/5148, c_M = −3125/1287
 *   5021 Oppdal (Fjellregionen)  S 4 → 2, no stays with days in either: M = 0, all contributions 0
 * </pre>
 */
@DatabaseTest
class AnalysisApiTest {

    private static final double EXACT = 1e-14;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void load() throws IOException {
        TestDatabase.clean(dsl);
        ImportClient imports = new ImportClient(rest);
        imports.store("monthly-statistics", ImportClient.resource(AnalysisApiTest.class, "decomposition-monthly.csv"));
        imports.store("population", ImportClient.resource(AnalysisApiTest.class, "decomposition-population.csv"));
    }

    @Test
    void shouldSplitTheRegionsChangeIntoStaysShareWithDaysAndMeanDays() {
        JsonNode d = get("/api/v1/analysis/decomposition?scope=region:trondheimsomradet&month=2025-02&window=ytd");

        assertThat(d.get("window").asText()).isEqualTo("ytd");
        assertThat(d.get("current").get("from").asText()).isEqualTo("2025-01");
        assertThat(d.get("current").get("to").asText()).isEqualTo("2025-02");
        assertThat(d.get("previous").get("from").asText()).isEqualTo("2024-01");
        assertThat(d.get("previous").get("to").asText()).isEqualTo("2024-02");
        assertThat(d.get("current").get("ukpDays").asLong()).isEqualTo(46);
        assertThat(d.get("current").get("stays").asLong()).isEqualTo(39);
        assertThat(d.get("current").get("shareWithDays").asDouble()).isEqualTo(22.0 / 39, offset(EXACT));
        assertThat(d.get("current").get("meanDays").asDouble()).isEqualTo(23.0 / 11, offset(EXACT));
        assertThat(d.get("previous").get("ukpDays").asLong()).isEqualTo(29);
        assertThat(d.get("previous").get("shareWithDays").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(d.get("change").decimalValue()).isEqualByComparingTo("17");
        JsonNode c = d.get("contributions");
        assertThat(c.get("stays").asDouble()).isEqualTo(76891.0 / 5148, offset(EXACT));
        assertThat(c.get("shareWithDays").asDouble()).isEqualTo(23125.0 / 5148, offset(EXACT));
        assertThat(c.get("meanDays").asDouble()).isEqualTo(-3125.0 / 1287, offset(EXACT));
        assertThat(c.get("stays").decimalValue().add(c.get("shareWithDays").decimalValue()).add(c.get("meanDays").decimalValue())
                .subtract(new BigDecimal("17")).abs()).isLessThan(new BigDecimal("1e-14"));
        assertThat(d.get("complete").asBoolean()).as("each of the 4 municipalities has both months of both years").isTrue();
    }

    @Test
    void shouldListEveryMemberWhoseChangesAddUpExactlyToTheScopes() {
        JsonNode d = get("/api/v1/analysis/decomposition?scope=region:trondheimsomradet&month=2025-02&window=ytd");
        JsonNode members = d.get("members");

        assertThat(members).extracting(m -> m.get("scope").get("id").asText()).containsExactly("5028", "5031", "5029", "5027");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode m : members) {
            sum = sum.add(m.get("change").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo(d.get("change").decimalValue()).isEqualByComparingTo("17");

        JsonNode melhus = members.get(0);
        assertThat(melhus.get("scope").get("name").asText()).isEqualTo("Melhus");
        assertThat(melhus.get("change").decimalValue()).isEqualByComparingTo("20");
        assertThat(melhus.get("contributions").get("stays").asDouble()).isEqualTo(35.0 / 3, offset(EXACT));
        assertThat(melhus.get("contributions").get("shareWithDays").asDouble()).isEqualTo(25.0 / 3, offset(EXACT));
        assertThat(melhus.get("contributions").get("meanDays").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void shouldFollowTheZeroCasesOfTheAnalysis() {
        JsonNode members = get("/api/v1/analysis/decomposition?scope=region:trondheimsomradet&month=2025-02&window=ytd").get("members");

        JsonNode malvik = members.get(1); // stays but none with days now: W = 0, M from the year before
        assertThat(malvik.get("change").decimalValue()).isEqualByComparingTo("-9");
        assertThat(malvik.get("current").get("shareWithDays").decimalValue()).isEqualByComparingTo("0");
        assertThat(malvik.get("current").get("meanDays").isNull()).as("no stays with days: no mean of its own").isTrue();
        assertThat(malvik.get("contributions").get("stays").decimalValue()).isEqualByComparingTo("-0.75");
        assertThat(malvik.get("contributions").get("shareWithDays").decimalValue()).isEqualByComparingTo("-8.25");
        assertThat(malvik.get("contributions").get("meanDays").decimalValue()).isEqualByComparingTo("0");

        JsonNode skaun = members.get(2); // no stays the year before: W and M from now
        assertThat(skaun.get("previous").get("shareWithDays").isNull()).isTrue();
        assertThat(skaun.get("contributions").get("stays").decimalValue()).isEqualByComparingTo("6");
        assertThat(skaun.get("contributions").get("shareWithDays").decimalValue()).isEqualByComparingTo("0");
        assertThat(skaun.get("contributions").get("meanDays").decimalValue()).isEqualByComparingTo("0");

        JsonNode gauldal = members.get(3); // no stays in either window
        assertThat(gauldal.get("change").decimalValue()).isEqualByComparingTo("0");
        gauldal.get("contributions").forEach(v -> assertThat(v.decimalValue()).isEqualByComparingTo("0"));

        // stays in both windows, none with days in either: M = 0, nothing to attribute
        JsonNode oppdal = get("/api/v1/analysis/decomposition?scope=municipality:5021&month=2025-02&window=ytd");
        assertThat(oppdal.get("current").get("stays").asLong()).isEqualTo(2);
        assertThat(oppdal.get("previous").get("stays").asLong()).isEqualTo(4);
        assertThat(oppdal.get("change").decimalValue()).isEqualByComparingTo("0");
        oppdal.get("contributions").forEach(v -> assertThat(v.decimalValue()).isEqualByComparingTo("0"));
        assertThat(oppdal.get("members")).hasSize(1);
    }

    @Test
    void shouldCompareRolling12AndSayNothingWithoutAYearBefore() {
        // rolling 12 months to 2025-02 hold 2025-01..02 (and nothing of 2024-03..12); the year before 2024-01..02
        JsonNode rolling = get("/api/v1/analysis/decomposition?scope=region:trondheimsomradet&month=2025-02&window=rolling12");
        assertThat(rolling.get("current").get("from").asText()).isEqualTo("2024-03");
        assertThat(rolling.get("previous").get("from").asText()).isEqualTo("2023-03");
        assertThat(rolling.get("change").decimalValue()).isEqualByComparingTo("17");
        assertThat(rolling.get("complete").asBoolean()).isFalse();

        JsonNode noYearBefore = get("/api/v1/analysis/decomposition?scope=total&month=2024-02&window=ytd");
        assertThat(noYearBefore.get("current").get("ukpDays").asLong()).isEqualTo(20 + 9);
        assertThat(noYearBefore.get("previous").get("ukpDays").isNull()).isTrue();
        assertThat(noYearBefore.get("change").isNull()).isTrue();
        assertThat(noYearBefore.get("contributions").get("stays").isNull()).isTrue();
        assertThat(noYearBefore.get("members").get(0).get("change").isNull()).isTrue();
    }

    @Test
    void shouldGiveTheDecompositionAsCsvByHeaderAndByLinkToAnalystsOnly() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        String query = "/api/v1/analysis/decomposition?scope=region:trondheimsomradet&month=2025-02";
        ResponseEntity<String> byHeader = TestUsers.as(rest, "analyst").exchange(query, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        ResponseEntity<String> byLink = TestUsers.as(rest, "analyst").getForEntity(query + "&format=csv", String.class);

        assertThat(byHeader.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byLink.getBody()).isEqualTo(byHeader.getBody());
        assertThat(byLink.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = byLink.getBody().split("\n");
        assertThat(lines).hasSize(1 + 1 + 4);
        assertThat(lines[0]).startsWith("month,window,scope,name,member,").contains(",change,contribution_stays,");
        assertThat(lines[1]).startsWith("2025-02,ytd,region:trondheimsomradet,Trondheimsområdet,false,2025-01,2025-02,46,39,")
                .contains(",2024-01,2024-02,29,26,0.5,");
        assertThat(lines[2]).startsWith("2025-02,ytd,municipality:5028,Melhus,true,2025-01,2025-02,40,30,")
                .contains(",20,");
        assertThat(lines[4]).as("Skaun: no W or M the year before").contains(",2024-01,2024-02,0,0,,,6,6,0,0,");

        assertThat(TestUsers.as(rest, "viewer").getForEntity(query + "&format=csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldRejectUnknownWindowsScopesAndMonthsInNorwegian() {
        assertProblem("/api/v1/analysis/decomposition?window=month", "Ukjent vindu «month»: bruk ytd eller rolling12");
        assertProblem("/api/v1/analysis/decomposition?scope=region:atlantis", "Ukjent utvalg");
        assertProblem("/api/v1/analysis/decomposition?month=juni", "må skrives ÅÅÅÅ-MM");
    }

    @Test
    void shouldComputeTheScenarioExactlyAndJudgeItWithTheTotalsTarget() {
        // total, rolling 12 months to 2025-02: S = 39 + 2 = 41, 0-day 17 + 2 = 19, with days 22, UKP-days 46
        JsonNode unchanged = get("/api/v1/analysis/scenario?scope=total&month=2025-02");
        assertThat(unchanged.get("baseline").get("stays").decimalValue()).isEqualByComparingTo("41");
        assertThat(unchanged.get("baseline").get("zeroDayShare").asDouble()).isEqualTo(19.0 / 41, offset(EXACT));
        assertThat(unchanged.get("baseline").get("meanDays").asDouble()).isEqualTo(46.0 / 22, offset(EXACT));
        assertThat(unchanged.get("baseline").get("ukpDays").decimalValue()).isEqualByComparingTo("46");
        assertThat(unchanged.get("baseline").get("status").asText()).isEqualTo("green");
        assertThat(unchanged.get("scenario").get("ukpDays").decimalValue()).as("nothing changed: exactly the baseline").isEqualByComparingTo("46");
        assertThat(unchanged.get("target").decimalValue()).isEqualByComparingTo("1000");
        assertThat(unchanged.get("from").asText()).isEqualTo("2024-03");

        // 22 stays with days × 50 days = 1100: on the yellow limit (1000 × 1.10), still yellow
        assertThat(get("/api/v1/analysis/scenario?scope=total&month=2025-02&meanDays=50").get("scenario").get("status").asText())
                .isEqualTo("yellow");
        JsonNode red = get("/api/v1/analysis/scenario?scope=total&month=2025-02&meanDays=50.5").get("scenario");
        assertThat(red.get("ukpDays").decimalValue()).isEqualByComparingTo("1111");
        assertThat(red.get("status").asText()).isEqualTo("red");

        // 41 × (1 − 0.5) × (1 − 0.5) × 4 = 41
        JsonNode all = get("/api/v1/analysis/scenario?scope=total&month=2025-02&staysChange=-0.5&zeroDayShare=0.5&meanDays=4")
                .get("scenario");
        assertThat(all.get("stays").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(all.get("zeroDayShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(all.get("meanDays").decimalValue()).isEqualByComparingTo("4");
        assertThat(all.get("ukpDays").decimalValue()).isEqualByComparingTo("41");

        // 10 % more stays, the rest as now: 46 × 1.1 = 50.6 exactly
        assertThat(get("/api/v1/analysis/scenario?scope=total&month=2025-02&staysChange=0,1").get("scenario").get("ukpDays")
                .decimalValue()).isEqualByComparingTo("50.6");
    }

    @Test
    void shouldJudgeARegionsScenarioWithItsApportionedTarget() {
        // Trondheimsområdet: 50 000 of 200 000 inhabitants → target 250, yellow up to 275; 22 stays with days
        JsonNode yellow = get("/api/v1/analysis/scenario?scope=region:trondheimsomradet&month=2025-02&meanDays=12.5");
        assertThat(yellow.get("target").decimalValue()).isEqualByComparingTo("250");
        assertThat(yellow.get("scenario").get("ukpDays").decimalValue()).isEqualByComparingTo("275");
        assertThat(yellow.get("scenario").get("status").asText()).isEqualTo("yellow");
        assertThat(yellow.get("baseline").get("status").asText()).isEqualTo("green");
        JsonNode red = get("/api/v1/analysis/scenario?scope=region:trondheimsomradet&month=2025-02&meanDays=12.5&staysChange=0.1");
        assertThat(red.get("scenario").get("ukpDays").decimalValue()).isEqualByComparingTo("302.5");
        assertThat(red.get("scenario").get("status").asText()).isEqualTo("red");
        // Fjellregionen has no population: no target
        assertThat(get("/api/v1/analysis/scenario?scope=region:fjellregionen&month=2025-02").get("scenario").get("status").asText())
                .isEqualTo("no_target");
    }

    @Test
    void shouldRejectScenarioParametersOutOfRangeInNorwegian() {
        assertProblem("/api/v1/analysis/scenario?staysChange=-1", "«staysChange» må være større enn -1");
        assertProblem("/api/v1/analysis/scenario?zeroDayShare=1.2", "«zeroDayShare» må være mellom 0 og 1");
        assertProblem("/api/v1/analysis/scenario?zeroDayShare=-0.1", "«zeroDayShare» må være mellom 0 og 1");
        assertProblem("/api/v1/analysis/scenario?meanDays=-2", "«meanDays» kan ikke være negativ");
        assertProblem("/api/v1/analysis/scenario?meanDays=mange", "«meanDays» må være et tall, ikke «mange»");
        assertProblem("/api/v1/analysis/scenario?staysChange=-2&meanDays=-1", "«meanDays» kan ikke være negativ");
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/analysis/scenario?zeroDayShare=1&meanDays=0", String.class)
                .getStatusCode()).as("the limits themselves are allowed").isEqualTo(HttpStatus.OK);
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> answer = TestUsers.as(rest, "viewer").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private void assertProblem(String path, String inDetail) {
        ResponseEntity<JsonNode> answer = TestUsers.as(rest, "viewer").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText()).as(path).contains(inDetail);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
