package no.ukp.monitor.indicator;

import static no.ukp.monitor.indicator.IndicatorViews.PRECISION;
import static no.ukp.monitor.indicator.IndicatorViews.ratio;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.db.tables.records.IndicatorValueRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * short_term_los_change = (Σ los_days / Σ discharges in the window) / (the same in the same calendar
 * months of the baseline year) − 1, all short-term units of the scope pooled. Data: short_term_stays.csv,
 * baseline year 2023, report month M = 2025-02.
 */
@DatabaseTest
class ShortTermLosChangeTest {

    @Autowired
    DSLContext dsl;

    IndicatorViews views;
    IndicatorFixtures fixtures;

    @BeforeEach
    void loadFacts() {
        fixtures = new IndicatorFixtures(dsl).reset().load("monthly_statistics.csv", "short_term_stays.csv");
        views = new IndicatorViews(dsl);
    }

    @Test
    void shouldCompareTheMonthWithTheSameMonthOfTheBaselineYearPoolingAllUnits() {
        // Trondheim 2025-02: Øya 10 discharges / 72 days + the second unit 5 / 30 -> 102 days / 15 discharges;
        // 2023-02: Øya 10 / 120 + second unit 5 / 40 -> 160 / 15.
        // (102 / 15) / (160 / 15) - 1 = 102 / 160 - 1 = -0.3625
        IndicatorValueRecord v = value("municipality", "5001", "month");
        assertThat(v.getValue()).isEqualByComparingTo("-0.3625");
        assertThat(v.getNumerator()).isEqualByComparingTo("6.8");                 // 102 / 15
        assertThat(v.getDenominator()).isCloseTo(ratio(160, 15), PRECISION);      // 10.666…
    }

    @Test
    void shouldCompareYearToDateWithJanuaryToTheSameMonthOfTheBaselineYear() {
        // Trondheim 2025-01..02: 80 + 72 + 30 = 182 days / 10 + 10 + 5 = 25 discharges;
        // 2023-01..02: 100 + 120 + 40 = 260 days / 10 + 10 + 5 = 25 discharges. 182 / 260 - 1 = -0.3
        assertThat(value("municipality", "5001", "ytd").getValue()).isEqualByComparingTo("-0.3");
    }

    @Test
    void shouldCompareARolling12WindowSpanningTwoYearsWithTheWholeBaselineYear() {
        // Trondheim 2024-03..2025-02: 90 + 80 + 80 + 72 + 30 = 352 days / 10 + 10 + 10 + 10 + 5 = 45 discharges;
        // all of 2023: Øya 100 + 120 + 10 × 100 = 1220 days / 12 × 10 = 120, second unit 40 / 5
        // -> 1260 days / 125 discharges. (352 × 125) / (45 × 1260) - 1 = 44000 / 56700 - 1 = -127 / 567
        assertThat(value("municipality", "5001", "rolling12").getValue()).isCloseTo(ratio(-127, 567), PRECISION);
    }

    @Test
    void shouldPoolTheMunicipalitiesOfARegion() {
        // Fjellregionen = Oppdal only (Rennebu has no short-term ward rows):
        // month: 8 / 2 vs 2023-02 10 / 2 -> 4 / 5 - 1 = -0.2
        // ytd: (8 + 8) / (2 + 2) vs (10 + 10) / (2 + 2) -> -0.2
        // rolling12: 16 / 4 vs all of 2023 120 / 24 -> 4 / 5 - 1 = -0.2
        for (String window : new String[] {"month", "ytd", "rolling12"}) {
            assertThat(value("region", "fjellregionen", window).getValue()).as(window).isEqualByComparingTo("-0.2");
        }
        // a scope without short-term ward data has no value
        assertThat(value("municipality", "5022", "rolling12").getValue()).isNull();
    }

    @Test
    void shouldPoolEveryUnitOfTheTotal() {
        // month: (102 + 8) / (15 + 2) = 110 / 17 vs (160 + 10) / (15 + 2) = 170 / 17 -> 110 / 170 - 1 = -6 / 17
        assertThat(value("total", "total", "month").getValue()).isCloseTo(ratio(-6, 17), PRECISION);
        // ytd: (182 + 16) / (25 + 4) = 198 / 29 vs (260 + 20) / (25 + 4) = 280 / 29 -> 198 / 280 - 1 = -41 / 140
        assertThat(value("total", "total", "ytd").getValue()).isCloseTo(ratio(-41, 140), PRECISION);
        // rolling12: (352 + 16) / (45 + 4) = 368 / 49 vs (1260 + 120) / (125 + 24) = 1380 / 149
        // -> (368 × 149) / (49 × 1380) - 1 = 54832 / 67620 - 1 = -139 / 735
        assertThat(value("total", "total", "rolling12").getValue()).isCloseTo(ratio(-139, 735), PRECISION);
    }

    @Test
    void shouldTakeTheBaselineYearFromTheSetting() {
        dsl.execute("UPDATE indicator_setting SET value = '2024' WHERE key = 'baseline_year'");
        // baseline 2024 for Trondheim: only 2024-11 (90 / 10) and 2024-12 (80 / 10): 170 / 20
        // month 2025-02 vs 2024-02: no baseline data -> no value
        assertThat(value("municipality", "5001", "month").getValue()).isNull();
        // rolling12: (352 × 20) / (45 × 170) - 1 = 7040 / 7650 - 1 = -61 / 765
        assertThat(value("municipality", "5001", "rolling12").getValue()).isCloseTo(ratio(-61, 765), PRECISION);
        fixtures.reset();
    }

    @Test
    void shouldBeZeroWithinTheBaselineYearItself() {
        // 2023-06 against itself: (100 / 10) / (100 / 10) - 1 = 0
        assertThat(views.value("2023-06", "municipality", "5001", "short_term_los_change", "month").getValue())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    private IndicatorValueRecord value(String scopeType, String scopeId, String window) {
        return views.value("2025-02", scopeType, scopeId, "short_term_los_change", window);
    }
}
