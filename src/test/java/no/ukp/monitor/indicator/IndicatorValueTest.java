package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR_MONTH;
import static no.ukp.monitor.db.Tables.INDICATOR_VALUE;
import static no.ukp.monitor.indicator.IndicatorViews.PRECISION;
import static no.ukp.monitor.indicator.IndicatorViews.month;
import static no.ukp.monitor.indicator.IndicatorViews.ratio;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.db.tables.records.IndicatorValueRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The arithmetic of indicator_value (domain.md), checked against sums counted by hand from
 * monthly_statistics.csv. Report month M = 2025-02: month = 2025-02, ytd = 2025-01..2025-02,
 * rolling12 = 2024-03..2025-02 (data rows in 2024-11, 2024-12, 2025-01, 2025-02).
 */
@DatabaseTest
class IndicatorValueTest {

    @Autowired
    DSLContext dsl;

    IndicatorViews views;

    @BeforeEach
    void loadFacts() {
        new IndicatorFixtures(dsl).reset().load("monthly_statistics.csv", "short_term_stays.csv");
        views = new IndicatorViews(dsl);
    }

    @Test
    void shouldComputeEveryIndicatorInEveryWindowForAMunicipality() {
        // Trondheim 5001 (stays, zero-day stays, UKP-days, home, readmissions):
        // 2024-11 10,4,15,3,1 · 2024-12 20,5,30,6,2 · 2025-01 8,2,12,4,1 · 2025-02 12,6,9,5,3
        String s = "municipality", id = "5001";
        // month 2025-02
        expect(s, id, "ukp_days", "month", BigDecimal.valueOf(9));
        expect(s, id, "zero_day_share", "month", ratio(6, 12));           // 0.5
        expect(s, id, "avg_ukp_days", "month", ratio(9, 12 - 6));         // 1.5
        expect(s, id, "avg_ukp_days_all_stays", "month", ratio(9, 12));   // 0.75
        expect(s, id, "direct_home_share", "month", ratio(5, 12));
        expect(s, id, "readmission_30d_share", "month", ratio(3, 12));    // 0.25
        // ytd 2025-01..02: stays 8 + 12 = 20, zero 2 + 6 = 8, days 12 + 9 = 21, home 4 + 5 = 9, readm 1 + 3 = 4
        expect(s, id, "ukp_days", "ytd", BigDecimal.valueOf(21));
        expect(s, id, "ukp_days", "projectedYear", ratio(21 * 12, 2));    // 126
        expect(s, id, "zero_day_share", "ytd", ratio(8, 20));             // 0.4
        expect(s, id, "avg_ukp_days", "ytd", ratio(21, 20 - 8));          // 1.75
        expect(s, id, "avg_ukp_days_all_stays", "ytd", ratio(21, 20));    // 1.05
        expect(s, id, "direct_home_share", "ytd", ratio(9, 20));          // 0.45
        expect(s, id, "readmission_30d_share", "ytd", ratio(4, 20));      // 0.2
        // rolling12: stays 10 + 20 + 8 + 12 = 50, zero 4 + 5 + 2 + 6 = 17, days 15 + 30 + 12 + 9 = 66,
        // home 3 + 6 + 4 + 5 = 18, readm 1 + 2 + 1 + 3 = 7
        expect(s, id, "ukp_days", "rolling12", BigDecimal.valueOf(66));
        expect(s, id, "zero_day_share", "rolling12", ratio(17, 50));      // 0.34
        expect(s, id, "avg_ukp_days", "rolling12", ratio(66, 50 - 17));   // 2
        expect(s, id, "avg_ukp_days_all_stays", "rolling12", ratio(66, 50));
        expect(s, id, "direct_home_share", "rolling12", ratio(18, 50));   // 0.36
        expect(s, id, "readmission_30d_share", "rolling12", ratio(7, 50)); // 0.14
    }

    @Test
    void shouldComputeEveryIndicatorInEveryWindowForARegion() {
        // Fjellregionen: Oppdal 5021 2024-11 4,1,6,1,0 · 2025-01 5,3,4,2,1 · 2025-02 6,2,8,3,(unknown)
        //                Rennebu 5022 2024-11 3,0,5,1,1 · 2024-12 2,1,3,0,0 · 2025-01 0,0,0,0,0 · 2025-02 4,1,7,2,1
        String s = "region", id = "fjellregionen";
        // month: stays 6 + 4 = 10, zero 2 + 1 = 3, days 8 + 7 = 15, home 3 + 2 = 5; readmissions known only
        // for Rennebu: 1 of 4 stays
        expect(s, id, "ukp_days", "month", BigDecimal.valueOf(15));
        expect(s, id, "zero_day_share", "month", ratio(3, 10));
        expect(s, id, "avg_ukp_days", "month", ratio(15, 10 - 3));
        expect(s, id, "avg_ukp_days_all_stays", "month", ratio(15, 10));
        expect(s, id, "direct_home_share", "month", ratio(5, 10));
        expect(s, id, "readmission_30d_share", "month", ratio(1, 4));
        // ytd: stays 5 + 6 + 0 + 4 = 15, zero 3 + 2 + 0 + 1 = 6, days 4 + 8 + 0 + 7 = 19, home 2 + 3 + 0 + 2 = 7;
        // readmissions known in 5021-01, 5022-01, 5022-02: 1 + 0 + 1 = 2 of 5 + 0 + 4 = 9 stays
        expect(s, id, "ukp_days", "ytd", BigDecimal.valueOf(19));
        expect(s, id, "ukp_days", "projectedYear", ratio(19 * 12, 2));    // 114
        expect(s, id, "zero_day_share", "ytd", ratio(6, 15));
        expect(s, id, "avg_ukp_days", "ytd", ratio(19, 15 - 6));
        expect(s, id, "avg_ukp_days_all_stays", "ytd", ratio(19, 15));
        expect(s, id, "direct_home_share", "ytd", ratio(7, 15));
        expect(s, id, "readmission_30d_share", "ytd", ratio(2, 9));
        // rolling12: stays 4 + 5 + 6 + 3 + 2 + 0 + 4 = 24, zero 1 + 3 + 2 + 0 + 1 + 0 + 1 = 8,
        // days 6 + 4 + 8 + 5 + 3 + 0 + 7 = 33, home 1 + 2 + 3 + 1 + 0 + 0 + 2 = 9;
        // readmissions known in all rows but 5021-02: 0 + 1 + 1 + 0 + 0 + 1 = 3 of 4 + 5 + 3 + 2 + 0 + 4 = 18 stays
        expect(s, id, "ukp_days", "rolling12", BigDecimal.valueOf(33));
        expect(s, id, "zero_day_share", "rolling12", ratio(8, 24));
        expect(s, id, "avg_ukp_days", "rolling12", ratio(33, 24 - 8));    // 2.0625
        expect(s, id, "avg_ukp_days_all_stays", "rolling12", ratio(33, 24));
        expect(s, id, "direct_home_share", "rolling12", ratio(9, 24));    // 0.375
        expect(s, id, "readmission_30d_share", "rolling12", ratio(3, 18));
    }

    @Test
    void shouldComputeEveryIndicatorInEveryWindowForTheTotal() {
        // Trondheim + Fjellregionen (the sums of the two tests above); the psykisk_helse_rus row of
        // Trondheim 2025-02 (100 stays, 500 days) must not count.
        String s = "total", id = "total";
        // month: stays 12 + 10 = 22, zero 6 + 3 = 9, days 9 + 15 = 24, home 5 + 5 = 10, readm 3 + 1 = 4 of 12 + 4 = 16
        expect(s, id, "ukp_days", "month", BigDecimal.valueOf(24));
        expect(s, id, "zero_day_share", "month", ratio(9, 22));
        expect(s, id, "avg_ukp_days", "month", ratio(24, 22 - 9));
        expect(s, id, "avg_ukp_days_all_stays", "month", ratio(24, 22));
        expect(s, id, "direct_home_share", "month", ratio(10, 22));
        expect(s, id, "readmission_30d_share", "month", ratio(4, 16));
        // ytd: stays 20 + 15 = 35, zero 8 + 6 = 14, days 21 + 19 = 40, home 9 + 7 = 16, readm 4 + 2 = 6 of 20 + 9 = 29
        expect(s, id, "ukp_days", "ytd", BigDecimal.valueOf(40));
        expect(s, id, "ukp_days", "projectedYear", ratio(40 * 12, 2));    // 240
        expect(s, id, "zero_day_share", "ytd", ratio(14, 35));
        expect(s, id, "avg_ukp_days", "ytd", ratio(40, 35 - 14));
        expect(s, id, "avg_ukp_days_all_stays", "ytd", ratio(40, 35));
        expect(s, id, "direct_home_share", "ytd", ratio(16, 35));
        expect(s, id, "readmission_30d_share", "ytd", ratio(6, 29));
        // rolling12: stays 50 + 24 = 74, zero 17 + 8 = 25, days 66 + 33 = 99, home 18 + 9 = 27, readm 7 + 3 = 10 of 50 + 18 = 68
        expect(s, id, "ukp_days", "rolling12", BigDecimal.valueOf(99));
        expect(s, id, "zero_day_share", "rolling12", ratio(25, 74));
        expect(s, id, "avg_ukp_days", "rolling12", ratio(99, 74 - 25));
        expect(s, id, "avg_ukp_days_all_stays", "rolling12", ratio(99, 74));
        expect(s, id, "direct_home_share", "rolling12", ratio(27, 74));
        expect(s, id, "readmission_30d_share", "rolling12", ratio(10, 68));
    }

    @Test
    void shouldShowTheNumeratorAndDenominatorOfEachValue() {
        IndicatorValueRecord avg = views.value("2025-02", "total", "total", "avg_ukp_days", "rolling12");
        assertThat(avg.getNumerator()).isEqualByComparingTo("99");                  // Σ ukp_days
        assertThat(avg.getDenominator()).isEqualByComparingTo("49");                // Σ stays − Σ zero-day stays = 74 − 25
        IndicatorValueRecord days = views.value("2025-02", "total", "total", "ukp_days", "ytd");
        assertThat(days.getNumerator()).isEqualByComparingTo("40");
        assertThat(days.getDenominator()).as("a count has no denominator").isNull();
        IndicatorValueRecord projected = views.value("2025-02", "total", "total", "ukp_days", "projectedYear");
        assertThat(projected.getNumerator()).isEqualByComparingTo("480");           // 40 × 12
        assertThat(projected.getDenominator()).isEqualByComparingTo("2");           // February
        assertThat(projected.getValue()).isEqualByComparingTo("240");
    }

    @Test
    void shouldLeaveOutRowsWithUnknownReadmissionsFromBothSums() {
        // Oppdal 2025-02 alone: 6 stays, readmissions not yet known -> no value, not 0
        IndicatorValueRecord oppdal = views.value("2025-02", "municipality", "5021", "readmission_30d_share", "month");
        assertThat(oppdal.getValue()).isNull();
        assertThat(oppdal.getNumerator()).isNull();
        assertThat(oppdal.getDenominator()).isNull();
        // Fjellregionen 2025-02: only Rennebu's 1 readmission of 4 stays; Oppdal's 6 stays are not in the
        // denominator (that would give 1 / 10)
        IndicatorValueRecord region = views.value("2025-02", "region", "fjellregionen", "readmission_30d_share", "month");
        assertThat(region.getNumerator()).isEqualByComparingTo("1");
        assertThat(region.getDenominator()).isEqualByComparingTo("4");
        assertThat(region.getValue()).isEqualByComparingTo("0.25");
        // Trondheim ytd at 2025-03: March (10 stays) is unknown: (1 + 3) / (8 + 12) = 0.2, not 4 / 30
        assertThat(views.value("2025-03", "municipality", "5001", "readmission_30d_share", "ytd").getValue())
                .isEqualByComparingTo("0.2");
        // the other indicators keep the row: ukp_days ytd at 2025-03 = 12 + 9 + 10 = 31
        assertThat(views.value("2025-03", "municipality", "5001", "ukp_days", "ytd").getValue())
                .isEqualByComparingTo("31");
    }

    @Test
    void shouldGiveNullNotZeroForAMonthWithoutData() {
        // Rennebu has no row for 2025-03
        for (String indicator : List.of("ukp_days", "zero_day_share", "avg_ukp_days", "avg_ukp_days_all_stays",
                "direct_home_share", "readmission_30d_share", "short_term_los_change", "ukp_days_per_1000")) {
            IndicatorValueRecord v = views.value("2025-03", "municipality", "5022", indicator, "month");
            assertThat(v.getValue()).as(indicator).isNull();
        }
        // ... but its ytd at 2025-03 still has January and February: 0 + 7 = 7 UKP-days
        assertThat(views.value("2025-03", "municipality", "5022", "ukp_days", "ytd").getValue())
                .isEqualByComparingTo("7");
        // Tydal (5033) never reported: every value of every window is NULL, and it has all the rows
        List<IndicatorValueRecord> tydal = dsl.selectFrom(INDICATOR_VALUE)
                .where(INDICATOR_VALUE.SCOPE_TYPE.eq("municipality"), INDICATOR_VALUE.SCOPE_ID.eq("5033"),
                        INDICATOR_VALUE.MONTH.eq(month("2025-02")))
                .fetch();
        assertThat(tydal).hasSize(8 * 3 + 1);   // 7 indicators and a companion series × 3 windows + projectedYear of ukp_days
        assertThat(tydal).allSatisfy(v -> assertThat(v.getValue()).isNull());
    }

    @Test
    void shouldGiveNullWhereTheDenominatorIsZero() {
        // Rennebu 2025-01: a row with 0 stays -> shares and means undefined, UKP-days 0
        assertThat(views.value("2025-01", "municipality", "5022", "zero_day_share", "month").getValue()).isNull();
        assertThat(views.value("2025-01", "municipality", "5022", "avg_ukp_days", "month").getValue()).isNull();
        assertThat(views.value("2025-01", "municipality", "5022", "direct_home_share", "month").getValue()).isNull();
        assertThat(views.value("2025-01", "municipality", "5022", "ukp_days", "month").getValue()).isEqualByComparingTo("0");
        // Trondheim 2025-03 has data: ukp_days 10, a stay with days: 10 / (10 - 5) = 2
        assertThat(views.value("2025-03", "municipality", "5001", "avg_ukp_days", "month").getValue())
                .isEqualByComparingTo("2");
    }

    @Test
    void shouldHaveEveryCalendarMonthFromTheFirstToTheLastMonthWithData() {
        // short_term_stays.csv starts 2023-01, monthly_statistics.csv ends 2025-03: 27 months
        List<LocalDate> months = dsl.selectFrom(INDICATOR_MONTH).orderBy(INDICATOR_MONTH.MONTH).fetch(INDICATOR_MONTH.MONTH);
        assertThat(months).hasSize(12 + 12 + 3);
        assertThat(months.get(0)).isEqualTo(month("2023-01"));
        assertThat(months.get(months.size() - 1)).isEqualTo(month("2025-03"));
    }

    @Test
    void shouldCountCalendarMonthsNotRowsInTheWindows() {
        new IndicatorFixtures(dsl).reset().load("calendar_gap.csv");
        // rows in 2024-01, 2024-03 and 2025-01 only, 10 UKP-days each
        List<LocalDate> months = dsl.selectFrom(INDICATOR_MONTH).fetch(INDICATOR_MONTH.MONTH);
        assertThat(months).hasSize(13).contains(month("2024-02"), month("2024-07"));
        // a month with no data anywhere is still there, with NULL
        assertThat(views.value("2024-02", "total", "total", "ukp_days", "month").getValue()).isNull();
        assertThat(views.value("2024-02", "total", "total", "ukp_days", "ytd").getValue()).isEqualByComparingTo("10");
        // rolling12 at 2024-12 = 2024-01..2024-12: 10 + 10
        assertThat(views.value("2024-12", "total", "total", "ukp_days", "rolling12").getValue()).isEqualByComparingTo("20");
        // rolling12 at 2025-01 = 2024-02..2025-01: 2024-01 is 12 months back and out: 10 + 10
        assertThat(views.value("2025-01", "total", "total", "ukp_days", "rolling12").getValue()).isEqualByComparingTo("20");
        // ytd at 2025-01 = January 2025 only
        assertThat(views.value("2025-01", "total", "total", "ukp_days", "ytd").getValue()).isEqualByComparingTo("10");
        // projectedYear at 2024-03 = (10 + 10) × 12 / 3 = 80
        assertThat(views.value("2024-03", "total", "total", "ukp_days", "projectedYear").getValue()).isEqualByComparingTo("80");
    }

    @Test
    void shouldHaveNoMonthsWithoutData() {
        new IndicatorFixtures(dsl).reset();
        assertThat(dsl.fetchCount(INDICATOR_MONTH)).isZero();
        assertThat(dsl.fetchCount(INDICATOR_VALUE)).isZero();
    }

    private void expect(String scopeType, String scopeId, String indicator, String window, BigDecimal expected) {
        BigDecimal actual = views.value("2025-02", scopeType, scopeId, indicator, window).getValue();
        assertThat(actual).as("%s:%s %s %s", scopeType, scopeId, indicator, window)
                .isNotNull()
                .isCloseTo(expected, PRECISION);
    }
}
