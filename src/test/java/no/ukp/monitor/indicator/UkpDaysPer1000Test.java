package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code ukp_days_per_1000}, the seventh indicator: Σ ukp_days / population × 1 000, the scope's
 * population in the latest year ≤ the month's year, null when a municipality of the scope lacks it.
 * Hand-computed fixture (somatikk; Fjellregionen = 5021 Oppdal, 5022 Rennebu, 5025 Røros, 5026 Holtålen):
 * <pre>
 *   UKP-days   2024-12: 5021 6     2025-01: 5021 30     2025-02: 5021 12, 5022 8
 *   population 2024: 5021 7000, 5022 2500, 5025 5600, 5026 2000 (region 17 100, complete)
 *              2025: 5021 7100, 5022 2480, 5025 5650           (5026 missing: region incomplete)
 *   5021, 2025-02: month 12 / 7 100 × 1 000 = 1.6901…; ytd 42 / 7 100 × 1 000 = 5.9154…;
 *                  rolling12 48 / 7 100 × 1 000 = 6.7605…
 *   5021, 2024-12: month 6 / 7 000 × 1 000 = 0.8571… (2024's population, not 2025's)
 *   Fjellregionen, 2024-12: 6 / 17 100 × 1 000 = 0.3508…; 2025-02: null (2025 incomplete)
 * </pre>
 */
@DatabaseTest
class UkpDaysPer1000Test {

    private static final String ID = "ukp_days_per_1000";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void load() {
        TestDatabase.clean(dsl);
        ImportClient imports = new ImportClient(rest);
        imports.store("monthly-statistics", """
                month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2024-12,5021,somatikk,4,2,6,1,0
                2025-01,5021,somatikk,10,5,30,3,1
                2025-02,5021,somatikk,8,4,12,2,1
                2025-02,5022,somatikk,5,3,8,1,0
                """);
        imports.store("population", """
                year,municipality,population
                2024,5021,7000
                2024,5022,2500
                2024,5025,5600
                2024,5026,2000
                2025,5021,7100
                2025,5022,2480
                2025,5025,5650
                """);
    }

    @Test
    void shouldGiveUkpDaysPerThousandInhabitantsInEachWindow() {
        JsonNode indicator = indicator("2025-02", "municipality:5021");
        assertThat(indicator.get("unit").asText()).isEqualTo("per_1000");
        assertThat(indicator.get("direction").asText()).isEqualTo("at_most");
        assertThat(number(indicator.get("values").get("month"))).isEqualByComparingTo(rate(12, 7100));
        assertThat(number(indicator.get("values").get("ytd"))).isEqualByComparingTo(rate(42, 7100));
        assertThat(number(indicator.get("values").get("rolling12"))).isEqualByComparingTo(rate(48, 7100));
        assertThat(indicator.get("values").has("projectedYear")).as("not annualised, no projection").isFalse();
        assertThat(indicator.get("status").asText()).as("no target by default").isEqualTo("no_target");
        assertThat(indicator.get("target").isNull()).isTrue();

        assertThat(number(indicator("2024-12", "municipality:5021").get("values").get("month")))
                .as("the population of the month's year, not a later one").isEqualByComparingTo(rate(6, 7000));
    }

    @Test
    void shouldGiveNoRateWhereAMunicipalityOfTheScopeLacksPopulation() {
        assertThat(number(indicator("2024-12", "region:fjellregionen").get("values").get("month")))
                .isEqualByComparingTo(rate(6, 17100));
        JsonNode incomplete = indicator("2025-02", "region:fjellregionen").get("values");
        assertThat(incomplete.get("month").isNull()).as("Holtålen has no population for 2025").isTrue();
        assertThat(incomplete.get("rolling12").isNull()).isTrue();
        assertThat(indicator("2025-02", "total").get("values").get("rolling12").isNull())
                .as("most municipalities have no population at all").isTrue();
        assertThat(indicator("2025-02", "municipality:5025").get("values").get("month").isNull())
                .as("population but no data: null, never 0").isTrue();
    }

    @Test
    void shouldServeTheSeriesTheCatalogueAndTheReport() {
        JsonNode series = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis/series?indicator=" + ID
                + "&scope=municipality:5021&window=rolling12&from=2024-12&to=2025-02", JsonNode.class);
        assertThat(series.get("points")).hasSize(3);
        assertThat(number(series.get("points").get(2).get("value"))).isEqualByComparingTo(rate(48, 7100));

        JsonNode catalogue = TestUsers.as(rest, "viewer").getForObject("/api/v1/indicators", JsonNode.class);
        JsonNode entry = catalogue.get(catalogue.size() - 1);
        assertThat(entry.get("id").asText()).isEqualTo(ID);
        assertThat(entry.get("name").asText()).isEqualTo("UKP-døgn per 1 000 innbyggere");
        assertThat(entry.get("unit").asText()).isEqualTo("per_1000");

        String report = TestUsers.as(rest, "viewer").getForObject(
                "/api/v1/reports/monthly?month=2025-02&scope=municipality:5021&format=html", String.class);
        // 48 / 7 100 × 1 000 = 6.76… → "6,8"; the month's 1.69… → "1,7"
        assertThat(report).contains("UKP-døgn per 1 000 innbyggere").contains("6,8").contains("1,7")
                .contains("Rå rate, ikke standardisert for alder og kjønn");
    }

    private JsonNode indicator(String month, String scope) {
        JsonNode kpis = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?month=" + month + "&scope=" + scope, JsonNode.class);
        for (JsonNode indicator : kpis.get("indicators")) {
            if (indicator.get("id").asText().equals(ID)) {
                return indicator;
            }
        }
        throw new AssertionError(ID + " missing from " + kpis);
    }

    private static BigDecimal rate(int days, int population) {
        return BigDecimal.valueOf(days).multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(population), new MathContext(16));
    }

    private static BigDecimal number(JsonNode node) {
        return node.decimalValue().round(new MathContext(16));
    }
}
