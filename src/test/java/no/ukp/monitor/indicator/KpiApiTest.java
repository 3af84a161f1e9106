package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.DatabaseTest;
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
 * The API of the contract, on a hand-computed fixture (kpi-api-monthly.csv, imported through
 * the import endpoint). Total, February 2025, somatikk only:
 * month: stays 50, 0-day 45, days 10, home 20, readmissions 5 (all known);
 * ytd = rolling12: stays 100+20+50 = 170, 0-day 80+18+45 = 143, days 50+4+10 = 64,
 * home 30+8+20 = 58, readmissions 10+5 = 15 over stays 100+50 = 150 (5028's January unknown).
 */
@DatabaseTest
class KpiApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void load() throws IOException {
        TestDatabase.clean(dsl);
        new ImportClient(rest).store("monthly-statistics", ImportClient.resource(KpiApiTest.class, "kpi-api-monthly.csv"));
    }

    @Test
    void shouldKeepOneGenericPlanPerStatementWithoutJit() {
        // the views cost ~50 ms to plan and JIT ~0.5 s to compile: the service's connections do neither per call
        assertThat(dsl.fetchValue("SHOW plan_cache_mode")).isEqualTo("force_generic_plan");
        assertThat(dsl.fetchValue("SHOW jit")).isEqualTo("off");
    }

    @Test
    void shouldServeAllSixIndicatorsWithValuesTargetsStatusesAndCoverage() {
        JsonNode kpis = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis", JsonNode.class);

        assertThat(kpis.get("month").asText()).as("defaults to the latest month").isEqualTo("2025-02");
        assertThat(kpis.get("scope").toString()).isEqualTo("{\"type\":\"total\",\"id\":\"total\",\"name\":\"Helsefellesskapet\"}");
        assertThat(kpis.get("coverage").get("expected").asInt()).isEqualTo(20 * 12);
        assertThat(kpis.get("coverage").get("reported").asInt()).isEqualTo(3);
        assertThat(kpis.get("coverage").get("complete").asBoolean()).isFalse();
        assertThat(kpis.get("synthetic").asBoolean()).isFalse();
        JsonNode indicators = kpis.get("indicators");
        assertThat(indicators).extracting(i -> i.get("id").asText()).containsExactly("ukp_days", "zero_day_share",
                "avg_ukp_days", "direct_home_share", "readmission_30d_share", "short_term_los_change", "ukp_days_per_1000");

        JsonNode days = indicators.get(0);
        assertThat(number(days.get("values").get("month"))).isEqualByComparingTo("10");
        assertThat(number(days.get("values").get("ytd"))).isEqualByComparingTo("64");
        assertThat(number(days.get("values").get("rolling12"))).isEqualByComparingTo("64");
        assertThat(number(days.get("values").get("projectedYear"))).isEqualByComparingTo("384"); // 64 × 12 / 2
        assertThat(number(days.get("target"))).isEqualByComparingTo("1000");
        assertThat(days.get("direction").asText()).isEqualTo("at_most");
        assertThat(days.get("status").asText()).isEqualTo("green");
        assertThat(days.get("statusWindow").asText()).isEqualTo("rolling12");

        JsonNode zeroDay = indicators.get(1);
        assertThat(number(zeroDay.get("values").get("month"))).isEqualByComparingTo("0.9");          // 45 / 50
        assertThat(number(zeroDay.get("values").get("rolling12")).doubleValue()).isEqualTo(143.0 / 170, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(zeroDay.get("status").asText()).isEqualTo("red");                                  // 0.841 < 0.85
        assertThat(zeroDay.get("values").has("projectedYear")).isFalse();

        JsonNode avg = indicators.get(2);
        assertThat(number(avg.get("values").get("month"))).isEqualByComparingTo("2");                 // 10 / (50 − 45)
        assertThat(number(avg.get("values").get("rolling12")).doubleValue()).isEqualTo(64.0 / 27, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(number(avg.get("valuesAllStays").get("month"))).isEqualByComparingTo("0.2");       // 10 / 50
        assertThat(avg.get("status").asText()).isEqualTo("red");                                      // 2.37 > 2.2

        assertThat(number(indicators.get(3).get("values").get("month"))).isEqualByComparingTo("0.4"); // 20 / 50
        assertThat(indicators.get(3).get("status").asText()).isEqualTo("green");                      // 58/170 = 0.341
        assertThat(number(indicators.get(4).get("values").get("rolling12"))).isEqualByComparingTo("0.1"); // 15 / 150
        assertThat(indicators.get(4).get("status").asText()).isEqualTo("green");
        assertThat(indicators.get(5).get("values").get("month").isNull()).isTrue();
        assertThat(indicators.get(5).get("status").asText()).isEqualTo("no_data");
    }

    @Test
    void shouldAnswerForARegionAndAMunicipalityWithTheirOwnCoverageAndTargets() {
        JsonNode region = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?month=2025-01&scope=region:trondheimsomradet",
                JsonNode.class);
        assertThat(region.get("scope").get("name").asText()).isEqualTo("Trondheimsområdet");
        assertThat(region.get("coverage").get("expected").asInt()).isEqualTo(4 * 12);
        assertThat(region.get("coverage").get("reported").asInt()).isEqualTo(1);
        assertThat(number(region.get("indicators").get(1).get("values").get("month"))).isEqualByComparingTo("0.9"); // 18 / 20
        assertThat(region.get("indicators").get(4).get("values").get("month").isNull())
                .as("readmissions unknown: null, not 0").isTrue();
        assertThat(region.get("indicators").get(0).get("status").asText())
                .as("ukp_days target needs population").isEqualTo("no_target");

        JsonNode municipality = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?month=2025-02&scope=municipality:5028",
                JsonNode.class);
        assertThat(municipality.get("indicators").get(1).get("values").get("month").isNull()).isTrue();
        assertThat(number(municipality.get("indicators").get(1).get("values").get("ytd"))).isEqualByComparingTo("0.9");
    }

    @Test
    void shouldGiveTheMonthlySeriesAsJsonAndAsCsvForAnalystsOnly() {
        JsonNode series = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/kpis/series?indicator=ukp_days&window=month", JsonNode.class);
        assertThat(series.get("points")).hasSize(2);
        assertThat(series.get("points").get(0).get("month").asText()).isEqualTo("2025-01");
        assertThat(number(series.get("points").get(0).get("value"))).isEqualByComparingTo("54");     // 50 + 4

        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(java.util.List.of(MediaType.valueOf("text/csv")));
        ResponseEntity<String> forbidden = TestUsers.as(rest, "viewer").exchange(
                "/api/v1/kpis/series?indicator=ukp_days", HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> export = TestUsers.as(rest, "analyst").exchange(
                "/api/v1/kpis/series?indicator=ukp_days&window=rolling12", HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getBody()).startsWith("month,scope,indicator,window,value,target,status,windowTarget,statusWindow\n")
                .contains("2025-02,total,ukp_days,rolling12,64,1000,green,1000,rolling12");
        ResponseEntity<String> kpisCsv = TestUsers.as(rest, "analyst").exchange(
                "/api/v1/kpis?month=2025-02", HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(kpisCsv.getBody()).contains("2025-02,total,zero_day_share,month,0.900,0.9,red,rolling12,0.9"); // one decimal of the percent
    }

    @Test
    void shouldRejectUnknownScopesIndicatorsAndMonths() {
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/kpis?scope=region:atlantis", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/kpis?month=juni", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/kpis/series?indicator=beds", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldDescribeTheIndicatorsInTheOpenApiDocument() {
        String apiDocs = TestUsers.as(rest, "viewer").getForObject("/v3/api-docs", String.class);
        assertThat(apiDocs).contains("/api/v1/kpis").contains("/api/v1/kpis/series").contains("/api/v1/imports/{dataset}")
                .contains("/api/v1/indicators");
        JsonNode catalogue = TestUsers.as(rest, "viewer").getForObject("/api/v1/indicators", JsonNode.class);
        assertThat(catalogue).isNotEmpty();
        catalogue.forEach(indicator -> assertThat(apiDocs).as("the OpenAPI text reads the catalogue")
                .contains(indicator.get("id").asText() + " (" + indicator.get("name").asText() + "): "
                        + indicator.get("description").asText()));
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static BigDecimal number(JsonNode node) {
        return node.decimalValue();
    }
}
