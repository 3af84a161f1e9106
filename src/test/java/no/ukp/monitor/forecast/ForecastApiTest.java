package no.ukp.monitor.forecast;

import static no.ukp.monitor.db.Tables.INDICATOR_FORECAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import no.ukp.monitor.db.tables.records.IndicatorForecastRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/v1/analysis/forecast} and the stored forecasts on a hand-computed fixture:
 * Trondheim (5001) from 2022-01 to 2025-06, every month 8 stays, 4 of them with 0 days, 10
 * UKP-days; in 2024 the days are 10 + (month mod 3) (Σ 132) and January has no 0-day stay (the
 * 0-day share of 2024 is 44 / 96). Oppdal (5021) only from 2024-07: 2 stays, 1 with 0 days, 3 days.
 */
@DatabaseTest
class ForecastApiTest {

    private static final String PATH = "/api/v1/analysis/forecast";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    ForecastStore store;

    @BeforeEach
    void load() {
        TestDatabase.clean(dsl);
        StringBuilder csv = new StringBuilder("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        for (YearMonth m = YearMonth.of(2022, 1); !m.isAfter(YearMonth.of(2025, 6)); m = m.plusMonths(1)) {
            boolean in2024 = m.getYear() == 2024;
            int days = in2024 ? 10 + m.getMonthValue() % 3 : 10;
            int zero = m.equals(YearMonth.of(2024, 1)) ? 0 : 4;
            csv.append(m).append(",5001,8,").append(zero).append(',').append(days).append(",2,1\n");
            if (!m.isBefore(YearMonth.of(2024, 7))) {
                csv.append(m).append(",5021,2,1,3,1,0\n");
            }
        }
        new ImportClient(rest).store("monthly-statistics", csv.toString());
    }

    @Test
    void shouldGiveTheActualValueOfACompleteYear() {
        JsonNode days = get("indicator=ukp_days&scope=total&year=2024");
        assertThat(days.get("year").asInt()).isEqualTo(2024);
        assertThat(days.get("forecast").asDouble()).as("132 + 6 × 3").isEqualTo(150.0);
        assertThat(days.get("lower80").asDouble()).isEqualTo(150.0);
        assertThat(days.get("upper80").asDouble()).isEqualTo(150.0);
        assertThat(days.get("target").asDouble()).isEqualTo(1000.0);
        assertThat(days.get("probabilityTargetMet").asDouble()).as("150 ≤ 1 000").isEqualTo(1.0);
        assertThat(days.get("method").asText()).isEqualTo("faktisk verdi (hele året har data)");
        assertThat(days.get("backtest").get("n").asInt()).as("42 months: a backtest").isPositive();
        assertThat(days.get("reason").isNull()).isTrue();

        JsonNode share = get("indicator=zero_day_share&scope=municipality:5001&year=2024");
        assertThat(share.get("forecast").asDouble()).as("the ratio of the year's sums").isCloseTo(44.0 / 96, within(1e-12));
        assertThat(share.get("target").asDouble()).isEqualTo(0.9);
        assertThat(share.get("probabilityTargetMet").asDouble()).as("0.458 is not ≥ 0.90").isEqualTo(0.0);

        JsonNode apportioned = get("indicator=ukp_days&scope=municipality:5001&year=2024");
        assertThat(apportioned.get("forecast").asDouble()).isEqualTo(132.0);
        assertThat(apportioned.get("target").isNull()).as("no population: no apportioned target").isTrue();
        assertThat(apportioned.get("probabilityTargetMet").isNull()).isTrue();
    }

    @Test
    void shouldForecastTheYearOfTheLatestMonthWithAnInterval() {
        JsonNode days = get("indicator=ukp_days&scope=municipality:5001");
        assertThat(days.get("year").asInt()).as("the year of the latest month").isEqualTo(2025);
        assertThat(days.get("through").asText()).isEqualTo("2025-06");
        assertThat(days.get("reason").isNull()).as(days.toString()).isTrue();
        double forecast = days.get("forecast").asDouble();
        assertThat(forecast).as("60 known + 6 months near 10 each").isBetween(110.0, 130.0);
        assertThat(days.get("lower80").asDouble()).isLessThanOrEqualTo(forecast);
        assertThat(days.get("upper80").asDouble()).isGreaterThanOrEqualTo(forecast);
        assertThat(days.get("method").asText()).isNotBlank();
        JsonNode backtest = days.get("backtest");
        assertThat(backtest.get("n").asInt()).isPositive();
        assertThat(backtest.get("coverage80").asDouble()).isBetween(0.0, 1.0);

        JsonNode mean = get("indicator=avg_ukp_days&scope=municipality:5001");
        assertThat(mean.get("method").asText()).endsWith("teller og nevner hver for seg");
        assertThat(mean.get("forecast").asDouble()).as("10 days over 4 stays with days, nearly every month").isCloseTo(2.5, within(0.1));
        assertThat(mean.get("probabilityTargetMet").asDouble()).as("≤ 2 days: never in the backtest").isEqualTo(0.0);
    }

    @Test
    void shouldSayWhyThereIsNoForecast() {
        JsonNode shortHistory = get("indicator=ukp_days&scope=municipality:5021");
        assertThat(shortHistory.get("forecast").isNull()).isTrue();
        assertThat(shortHistory.get("lower80").isNull()).isTrue();
        assertThat(shortHistory.get("upper80").isNull()).isTrue();
        assertThat(shortHistory.get("probabilityTargetMet").isNull()).isTrue();
        assertThat(shortHistory.get("reason").asText())
                .isEqualTo("For kort historikk til prognose for 2025: trenger minst 41 sammenhengende måneder med data, har 12");
        assertThat(get("indicator=ukp_days&scope=municipality:5021&year=2024").get("reason").asText())
                .isEqualTo("Dataene dekker ikke hele 2024 (sammenhengende data fra 2024-07)");
        assertThat(get("indicator=ukp_days&scope=total&year=2028").get("reason").asText())
                .startsWith("Prognosen rekker høyst 24 måneder fram");
        assertThat(get("indicator=short_term_los_change&scope=total").get("reason").asText()).isEqualTo(Forecasts.NOT_FORECAST);
        assertThat(get("indicator=ukp_days&scope=municipality:5021").get("through").asText()).isEqualTo("2025-06");
        assertThat(get("indicator=ukp_days&scope=municipality:5022").get("through").isNull()).as("no data at all").isTrue();
    }

    @Test
    void shouldRejectBadParametersInNorwegian() {
        assertRejected("scope=total", "«indicator»", "mangler");
        assertRejected("indicator=beds", "«beds»", "«indicator»");
        assertRejected("indicator=ukp_days&scope=region:atlantis", "«region:atlantis»");
        assertRejected("indicator=ukp_days&year=2025x", "«2025x»", "«year»", "ÅÅÅÅ");
        assertRejected("indicator=ukp_days&year=1999", "«1999»", "«year»");
    }

    @Test
    void shouldStoreTheForecastsInTheBackgroundAfterAnImport() {
        // no refresh asked for: the import's own
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dsl.fetchValue(
                "SELECT through FROM indicator_forecast WHERE indicator_id = 'ukp_days' AND scope_type = 'total'"))
                .hasToString("2025-06-01"));
    }

    @Test
    void shouldStoreWhatTheApiAnswersForEveryIndicatorAndScope() {
        store.refresh();
        List<String> scopes = List.of("total", "region:fjellregionen", "municipality:5001", "municipality:5021", "municipality:5022");
        int compared = 0;
        for (String indicator : dsl.fetchValues("SELECT id FROM indicator").stream().map(Object::toString).toList()) {
            for (String scope : scopes) {
                JsonNode api = get("indicator=" + indicator + "&scope=" + scope);
                String[] key = scope.split(":");
                IndicatorForecastRecord row = dsl.selectFrom(INDICATOR_FORECAST).where(INDICATOR_FORECAST.INDICATOR_ID.eq(indicator),
                        INDICATOR_FORECAST.SCOPE_TYPE.eq(key[0]), INDICATOR_FORECAST.SCOPE_ID.eq(key.length == 1 ? "total" : key[1])).fetchOne();
                String at = indicator + " " + scope;
                assertThat(row).as(at).isNotNull();
                assertThat(row.getYear()).as(at).isEqualTo(api.get("year").asInt());
                assertSame(row.getForecast(), api.get("forecast"), at + " forecast");
                assertSame(row.getLower80(), api.get("lower80"), at + " lower80");
                assertSame(row.getUpper80(), api.get("upper80"), at + " upper80");
                assertSame(row.getProbabilityTargetMet(), api.get("probabilityTargetMet"), at + " probability");
                assertSame(row.getTarget(), api.get("target"), at + " target");
                assertThat(row.getMethod()).as(at).isEqualTo(api.get("method").isNull() ? null : api.get("method").asText());
                assertThat(row.getReason()).as(at).isEqualTo(api.get("reason").isNull() ? null : api.get("reason").asText());
                assertSame(row.getMase(), api.path("backtest").path("mase"), at + " mase");
                assertSame(row.getCoverage80(), api.path("backtest").path("coverage80"), at + " coverage80");
                compared++;
            }
        }
        assertThat(compared).isEqualTo(dsl.fetchCount(INDICATOR_FORECAST, INDICATOR_FORECAST.SCOPE_ID.in("total", "fjellregionen",
                "5001", "5021", "5022")));
        assertThat(dsl.fetchCount(INDICATOR_FORECAST, INDICATOR_FORECAST.FORECAST.isNotNull())).as("some forecasts").isPositive();
    }

    private static void assertSame(Double stored, JsonNode api, String what) {
        if (api == null || api.isMissingNode() || api.isNull()) {
            assertThat(stored).as(what).isNull();
        } else {
            assertThat(stored).as(what).isEqualTo(api.asDouble());
        }
    }

    private void assertRejected(String query, String... inDetail) {
        ResponseEntity<JsonNode> response = TestUsers.as(rest, "viewer").getForEntity(PATH + "?" + query, JsonNode.class);
        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).as(query).contains(inDetail);
    }

    private JsonNode get(String query) {
        ResponseEntity<JsonNode> response = TestUsers.as(rest, "viewer").getForEntity(PATH + "?" + query, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s: %s", query, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
