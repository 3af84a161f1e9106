package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The gauges show the same figures and statuses as the API, refreshed (in the background) after an import. */
@DatabaseTest
class IndicatorMetricsTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @Test
    void shouldExposeTheLatestMonthsValuesAndStatusesAfterAnImport() {
        TestDatabase.clean(dsl);
        String csv = """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2025-03,5001,40,36,20,10,9
                2025-03,5021,10,6,12,2,1
                """;
        new ImportClient(rest).store("monthly-statistics", csv);

        // the gauges are refreshed in the background after the import
        await().atMost(Duration.ofSeconds(30)).untilAsserted(this::assertGaugesShowTheApisFigures);
    }

    private void assertGaugesShowTheApisFigures() {
        String metrics = TestUsers.as(rest, "viewer").getForObject("/actuator/prometheus", String.class);
        for (String scope : new String[] {"total", "region:fjellregionen", "municipality:5021"}) {
            JsonNode kpis = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?scope=" + scope, JsonNode.class);
            for (JsonNode indicator : kpis.get("indicators")) {
                String id = indicator.get("id").asText();
                double expectedStatus = Status.of(indicator.get("status").asText()).gauge();
                assertThat(gauge(metrics, "ukp_indicator_status", id, scope, null)).as(id + " " + scope).isEqualTo(expectedStatus);
                JsonNode month = indicator.get("values").get("month");
                double value = gauge(metrics, "ukp_indicator_value", id, scope, "month");
                if (month.isNull()) {
                    assertThat(value).as(id + " " + scope).isNaN();
                } else {
                    assertThat(value).as(id + " " + scope).isEqualTo(month.asDouble());
                }
            }
        }
        // zero-day share of the total: (36 + 6) / (40 + 10) = 0.84
        assertThat(gauge(metrics, "ukp_indicator_value", "zero_day_share", "total", "month")).isEqualTo(0.84);
    }

    private static double gauge(String metrics, String name, String indicator, String scope, String window) {
        Matcher m = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("indicator=\"" + indicator + "\"") && labels.contains("scope=\"" + scope + "\"")
                    && (window == null || labels.contains("window=\"" + window + "\""))) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no " + name + " for " + indicator + " " + scope + " " + window);
    }
}
