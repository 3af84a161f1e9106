package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;

import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.db.tables.records.IndicatorCoverageRecord;
import no.ukp.monitor.db.tables.records.IndicatorStatusRecord;
import no.ukp.monitor.db.tables.records.IndicatorValueRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Coverage: expected = municipalities in the scope × months in the window, reported =
 * municipality-months with a somatikk row (monthly_statistics.csv: Trondheim 2024-11..2025-03,
 * Oppdal without 2024-12, Rennebu without 2025-03).
 */
@DatabaseTest
class IndicatorCoverageTest {

    @Autowired
    DSLContext dsl;

    IndicatorViews views;

    @BeforeEach
    void loadFacts() {
        new IndicatorFixtures(dsl).reset().load("monthly_statistics.csv", "short_term_stays.csv");
        views = new IndicatorViews(dsl);
    }

    @Test
    void shouldFlagAMissingMonthAsIncomplete() {
        // Fjellregionen has four municipalities (Oppdal, Rennebu, Røros, Holtålen); in 2024-12 only Rennebu reported
        assertCoverage(views.coverage("2024-12", "region", "fjellregionen", "month"), 4, 1, false);
        // Rennebu 2025-03: nothing
        assertCoverage(views.coverage("2025-03", "municipality", "5022", "month"), 1, 0, false);
        // Oppdal's rolling12 at 2025-02 misses 2024-12 (and everything before 2024-11): 3 of 12
        assertCoverage(views.coverage("2025-02", "municipality", "5021", "rolling12"), 12, 3, false);
    }

    @Test
    void shouldCountMunicipalityMonthsOfEachWindow() {
        // Fjellregionen at 2025-02: Oppdal and Rennebu of the four municipalities
        assertCoverage(views.coverage("2025-02", "region", "fjellregionen", "month"), 4, 2, false);
        // ytd: 4 × 2 months; Oppdal and Rennebu in January and February
        assertCoverage(views.coverage("2025-02", "region", "fjellregionen", "ytd"), 8, 4, false);
        assertCoverage(views.coverage("2025-02", "region", "fjellregionen", "projectedYear"), 8, 4, false);
        // rolling12: 4 × 12; Oppdal 2024-11, 2025-01, 2025-02 + Rennebu 2024-11, 2024-12, 2025-01, 2025-02 = 3 + 4
        assertCoverage(views.coverage("2025-02", "region", "fjellregionen", "rolling12"), 48, 7, false);
        // complete: Oppdal in 2025-02, and the region Trondheim (only Trondheim) from January to March 2025
        assertCoverage(views.coverage("2025-02", "municipality", "5021", "month"), 1, 1, true);
        assertCoverage(views.coverage("2025-03", "region", "trondheim", "ytd"), 3, 3, true);
        assertCoverage(views.coverage("2025-03", "region", "trondheim", "projectedYear"), 3, 3, true);
    }

    @Test
    void shouldExpectEveryMunicipalityOfTheTotal() {
        int municipalities = dsl.fetchCount(MUNICIPALITY);
        // 2025-02: Trondheim (its psykisk_helse_rus row does not count twice), Oppdal, Rennebu
        assertCoverage(views.coverage("2025-02", "total", "total", "month"), municipalities, 3, false);
        // ytd at 2025-03: January 3 + February 3 + March 2 (Trondheim, Oppdal) = 8
        assertCoverage(views.coverage("2025-03", "total", "total", "ytd"), municipalities * 3, 8, false);
        // a month with short-term ward data only has no somatikk coverage
        assertCoverage(views.coverage("2023-05", "total", "total", "month"), municipalities, 0, false);
    }

    @Test
    void shouldCarryTheCoverageOfTheWindowWithEveryValueAndStatus() {
        IndicatorValueRecord value = views.value("2025-02", "region", "fjellregionen", "zero_day_share", "rolling12");
        assertThat(value.getExpected()).isEqualTo(48);
        assertThat(value.getReported()).isEqualTo(7);
        assertThat(value.getComplete()).isFalse();
        IndicatorStatusRecord status = views.status("2025-02", "region", "fjellregionen", "zero_day_share");
        assertThat(status.getStatusWindow()).isEqualTo("rolling12");
        assertThat(status.getExpected()).isEqualTo(48);
        assertThat(status.getReported()).isEqualTo(7);
        assertThat(status.getComplete()).isFalse();
    }

    private static void assertCoverage(IndicatorCoverageRecord coverage, int expected, int reported, boolean complete) {
        assertThat(coverage.getExpected()).as("expected").isEqualTo(expected);
        assertThat(coverage.getReported()).as("reported").isEqualTo(reported);
        assertThat(coverage.getComplete()).as("complete").isEqualTo(complete);
    }
}
