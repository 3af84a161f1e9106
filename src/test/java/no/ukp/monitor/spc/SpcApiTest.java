package no.ukp.monitor.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/v1/kpis/spc} on a hand-computed fixture (spc-api-monthly.csv, imported through
 * the import endpoint): one municipality's UKP-days, 2024-01 to 2025-01, 50 56 51 55 × 3 and 90.
 * Mean 726 / 13 = 55.85 (the 56s above it, the rest below, never more than 3 in a row on one
 * side); moving ranges 6 5 4 5 6 5 4 5 6 5 4 and 35, MR̄ 90 / 12 = 7.5; limits mean ± 19.95
 * (35.90 to 75.80): January 2025 is beyond the upper limit, a concern where fewer days are
 * better. Target 1 000 a year, 83.33 a month: above the upper limit, consistent pass.
 */
@DatabaseTest
class SpcApiTest {

    static final double MEAN = 726.0 / 13;
    static final double MOVING_RANGE = 7.5;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void load() {
        TestDatabase.clean(dsl);
        new ImportClient(rest).store("monthly-statistics", ImportClient.resource(SpcApiTest.class, "spc-api-monthly.csv"));
    }

    @Test
    void shouldServeMeanLimitsSignalsVariationAndAssuranceOfTheMonthlyValues() {
        JsonNode spc = get("/api/v1/kpis/spc?indicator=ukp_days&scope=total");

        assertThat(spc.get("indicator").asText()).isEqualTo("ukp_days");
        assertThat(spc.get("scope").toString()).isEqualTo("{\"type\":\"total\",\"id\":\"total\",\"name\":\"Helsefellesskapet\"}");
        assertThat(spc.get("direction").asText()).isEqualTo("at_most");
        assertThat(spc.get("target").asDouble()).as("the yearly target / 12").isCloseTo(1000.0 / 12, within(1e-9));
        assertThat(spc.get("phases")).hasSize(1);
        JsonNode phase = spc.get("phases").get(0);
        assertThat(phase.get("from").asText()).as("from the first month with a value").isEqualTo("2024-01");
        assertThat(phase.get("to").asText()).isEqualTo("2025-01");
        assertThat(phase.get("n").asInt()).isEqualTo(13);
        assertThat(phase.get("mean").asDouble()).isCloseTo(MEAN, within(1e-9));
        assertThat(phase.get("lpl").asDouble()).isCloseTo(MEAN - 2.66 * MOVING_RANGE, within(1e-9));
        assertThat(phase.get("upl").asDouble()).isCloseTo(MEAN + 2.66 * MOVING_RANGE, within(1e-9));
        assertThat(phase.get("lowerTwoSigma").asDouble()).isCloseTo(MEAN - 2.0 / 3 * 2.66 * MOVING_RANGE, within(1e-9));
        assertThat(phase.get("upperTwoSigma").asDouble()).isCloseTo(MEAN + 2.0 / 3 * 2.66 * MOVING_RANGE, within(1e-9));

        JsonNode points = spc.get("points");
        assertThat(points).hasSize(13);
        assertThat(points.get(0).toString())
                .isEqualTo("{\"month\":\"2024-01\",\"value\":50.0,\"phase\":0,\"signals\":[],\"variation\":\"common\"}");
        JsonNode last = points.get(12);
        assertThat(last.get("month").asText()).isEqualTo("2025-01");
        assertThat(last.get("value").asDouble()).isEqualTo(90);
        assertThat(last.get("signals").toString()).isEqualTo("[\"outside_limits\"]");
        assertThat(last.get("variation").asText()).isEqualTo("concern");
        for (int i = 0; i < 12; i++) {
            assertThat(points.get(i).get("signals")).as(points.get(i).toString()).isEmpty();
        }
        assertThat(spc.get("variation").asText()).isEqualTo("special_cause_concern");
        assertThat(spc.get("assurance").asText()).isEqualTo("consistent_pass");
    }

    @Test
    void shouldDefaultToTheLatestMonthAndTwoYearsBackAndHonourFromAndTo() {
        JsonNode all = get("/api/v1/kpis/spc?indicator=ukp_days");
        JsonNode year = get("/api/v1/kpis/spc?indicator=ukp_days&from=2024-01&to=2024-12");
        JsonNode recent = get("/api/v1/kpis/spc?indicator=ukp_days&to=2024-12");

        assertThat(all.get("points")).hasSize(13);
        assertThat(year.get("points")).hasSize(12);
        assertThat(year.get("phases").get(0).get("mean").asDouble()).isCloseTo(636.0 / 12, within(1e-9));
        assertThat(year.get("variation").asText()).isEqualTo("common_cause");
        assertThat(recent.get("phases").get(0).get("to").asText()).isEqualTo("2024-12");
    }

    @Test
    void shouldStartAPhaseAtEachRebaseMonthAndGiveNoLimitsToOneWithTooFewPoints() {
        JsonNode spc = get("/api/v1/kpis/spc?indicator=ukp_days&phases=2024-07");

        assertThat(spc.get("phases")).hasSize(2);
        assertThat(spc.get("phases").get(0).get("from").asText()).isEqualTo("2024-01");
        assertThat(spc.get("phases").get(0).get("to").asText()).isEqualTo("2024-06");
        assertThat(spc.get("phases").get(0).get("n").asInt()).isEqualTo(6);
        assertThat(spc.get("phases").get(0).get("mean").isNull()).isTrue();
        assertThat(spc.get("phases").get(1).get("from").asText()).isEqualTo("2024-07");
        assertThat(spc.get("phases").get(1).get("n").asInt()).isEqualTo(7);
        assertThat(spc.get("phases").get(1).get("upl").isNull()).isTrue();
        assertThat(spc.get("points").get(6).get("phase").asInt()).isEqualTo(1);
        assertThat(spc.get("points").get(12).get("signals")).isEmpty();
        assertThat(spc.get("variation").isNull()).isTrue();
        assertThat(spc.get("assurance").isNull()).isTrue();
    }

    @Test
    void shouldJudgeTheAssuranceAgainstAGivenTargetAndScreenOutliersWhenAsked() {
        // limits 35.90 to 75.80
        assertThat(get("/api/v1/kpis/spc?indicator=ukp_days&target=60").get("assurance").asText()).isEqualTo("inconsistent");
        assertThat(get("/api/v1/kpis/spc?indicator=ukp_days&target=80").get("assurance").asText()).isEqualTo("consistent_pass");
        assertThat(get("/api/v1/kpis/spc?indicator=ukp_days&target=30").get("assurance").asText()).isEqualTo("consistent_fail");
        assertThat(get("/api/v1/kpis/spc?indicator=ukp_days&target=30").get("target").asDouble()).isEqualTo(30);

        // screened: 35 > 3.267 × 7.5 = 24.5 is left out, MR̄ = 55 / 11 = 5
        JsonNode screened = get("/api/v1/kpis/spc?indicator=ukp_days&screenOutliers=true");
        assertThat(screened.get("phases").get(0).get("upl").asDouble()).isCloseTo(MEAN + 2.66 * 5, within(1e-9));
    }

    @Test
    void shouldGiveTheChartAsCsvToTheExportRoleOnly() {
        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.valueOf("text/csv")));
        ResponseEntity<String> forbidden = TestUsers.as(rest, "viewer").exchange("/api/v1/kpis/spc?indicator=ukp_days",
                HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> export = TestUsers.as(rest, "analyst").exchange("/api/v1/kpis/spc?indicator=ukp_days",
                HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("spc-ukp_days-total.csv");
        String[] lines = export.getBody().split("\n");
        assertThat(lines[0]).isEqualTo("month,scope,indicator,value,phase,mean,lpl,upl,lower_two_sigma,upper_two_sigma,"
                + "signals,variation,target");
        assertThat(lines).hasSize(14);
        String[] last = lines[13].split(",", -1);
        assertThat(Arrays.copyOfRange(last, 0, 5)).containsExactly("2025-01", "total", "ukp_days", "90", "0");
        // in CSV the mean, the limits and the target have two decimals more than the value (ukp_days: none)
        assertThat(last[5]).isEqualTo("55.85");  // 726 / 13 = 55.846…
        assertThat(last[7]).isEqualTo("75.8");   // 55.846… + 2.66 × 7.5 = 75.796…, trailing zeros left out
        assertThat(Arrays.copyOfRange(last, 10, 12)).containsExactly("outside_limits", "concern");
        assertThat(last[12]).isEqualTo("83.33"); // 1000 / 12
    }

    @Test
    void shouldRejectBadParametersNamingThemInNorwegian() {
        assertRejected("indicator=beds", "«beds»", "«indicator»");
        assertRejected("scope=total", "«indicator»", "mangler");
        assertRejected("indicator=ukp_days&scope=region:atlantis", "«region:atlantis»");
        assertRejected("indicator=ukp_days&from=2025-13", "«2025-13»", "«from»");
        assertRejected("indicator=ukp_days&to=juni", "«juni»", "«to»");
        assertRejected("indicator=ukp_days&from=2025-01&to=2024-01", "«from»", "«to»");
        assertRejected("indicator=ukp_days&phases=2024-07,2024-99", "«2024-99»", "«phases»");
        assertRejected("indicator=ukp_days&to=2024-12&phases=2025-01", "«2025-01»", "«phases»");
        assertRejected("indicator=ukp_days&screenOutliers=ja", "«ja»", "«screenOutliers»");
        assertRejected("indicator=ukp_days&target=83,33", "«83,33»", "«target»");
        assertRejected("indicator=ukp_days&target=NaN", "«NaN»", "«target»");
    }

    private void assertRejected(String query, String... inDetail) {
        ResponseEntity<JsonNode> response = TestUsers.as(rest, "viewer").getForEntity("/api/v1/kpis/spc?" + query, JsonNode.class);
        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).as(query).contains(inDetail);
    }

    private JsonNode get(String url) {
        ResponseEntity<JsonNode> response = TestUsers.as(rest, "viewer").getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s: %s", url, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
