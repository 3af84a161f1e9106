package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.db.tables.records.IndicatorStatusRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Status on the committee's default targets, judged on rolling12 at 2024-01 (status_boundaries.csv,
 * status_short_term.csv: the only data are the months 2023-01 and 2024-01). A value on a limit is
 * inside it: exact decimals, no floating point.
 */
@DatabaseTest
class IndicatorStatusTest {

    static final String M = "2024-01";

    @Autowired
    DSLContext dsl;

    IndicatorViews views;

    void load(String... files) {
        new IndicatorFixtures(dsl).reset().load(files);
        views = new IndicatorViews(dsl);
    }

    @Test
    void shouldBeGreenExactlyAtTheTarget() {
        load("status_boundaries.csv", "status_short_term.csv");
        // Oppdal 5021: 50 stays, 45 zero-day, 10 days, 15 home, 8 readmissions
        assertStatus("5021", "zero_day_share", "0.9", "0.90", "0.85", "green");          // 45 / 50
        assertStatus("5021", "avg_ukp_days", "2", "2", "2.2", "green");                   // 10 / (50 - 45)
        assertStatus("5021", "direct_home_share", "0.3", "0.30", "0.25", "green");       // 15 / 50
        assertStatus("5021", "readmission_30d_share", "0.16", "0.16", "0.176", "green"); // 8 / 50
        // Rennebu 5022 short-term stays: 100 days in 2024-01 as in 2023-01 -> 0, the target of a municipality
        assertStatus("5022", "short_term_los_change", "0", "0", "0.05", "green");
        // Trondheim: 80 vs 100 days -> -0.20, Øya helsehus' target
        assertStatus("5001", "short_term_los_change", "-0.2", "-0.20", "-0.15", "green");
        assertThat(views.status(M, "region", "trondheim", "short_term_los_change").getStatus()).isEqualTo("green");
    }

    @Test
    void shouldBeYellowExactlyAtTheToleranceEdge() {
        load("status_boundaries.csv", "status_short_term.csv");
        // Rennebu 5022: 500 stays, 425 zero-day, 165 days, 125 home, 88 readmissions
        assertStatus("5022", "zero_day_share", "0.85", "0.90", "0.85", "yellow");           // 425 / 500 = 0.90 - 0.05
        assertStatus("5022", "avg_ukp_days", "2.2", "2", "2.2", "yellow");                   // 165 / 75 = 2 × 1.1
        assertStatus("5022", "direct_home_share", "0.25", "0.30", "0.25", "yellow");        // 125 / 500 = 0.30 - 0.05
        assertStatus("5022", "readmission_30d_share", "0.176", "0.16", "0.176", "yellow");  // 88 / 500 = 0.16 × 1.1
        // Oppdal 5021 short-term stays: 105 vs 100 days -> 0.05 = 0 + 0.05
        assertStatus("5021", "short_term_los_change", "0.05", "0", "0.05", "yellow");
        // total: (80 + 105 + 100 + 34 + 106) / 50 vs 500 / 50 -> 425 / 500 - 1 = -0.15 = -0.20 + 0.05
        IndicatorStatusRecord total = views.status(M, "total", "total", "short_term_los_change");
        assertThat(total.getValue()).isEqualByComparingTo("-0.15");
        assertThat(total.getYellowLimit()).isEqualByComparingTo("-0.15");
        assertThat(total.getStatus()).isEqualTo("yellow");
    }

    @Test
    void shouldBeRedJustBeyondTheToleranceEdge() {
        load("status_boundaries.csv", "status_short_term.csv");
        // Røros 5025: 1000 stays, 849 zero-day, 333 days, 249 home, 177 readmissions
        assertThat(status("5025", "zero_day_share")).isEqualTo("red");          // 0.849 < 0.85
        assertThat(status("5025", "avg_ukp_days")).isEqualTo("red");            // 333 / 151 = 2.205… > 2.2
        assertThat(status("5025", "direct_home_share")).isEqualTo("red");       // 0.249 < 0.25
        assertThat(status("5025", "readmission_30d_share")).isEqualTo("red");   // 0.177 > 0.176
        // Holtålen 5026 short-term stays: 106 vs 100 days -> 0.06 > 0.05
        assertThat(status("5026", "short_term_los_change")).isEqualTo("red");
        // Røros short-term stays: 34 vs 100 -> -0.66: any reduction is green
        assertThat(status("5025", "short_term_los_change")).isEqualTo("green");
        // Fjellregionen: (105 + 100 + 34 + 106) / 40 vs 400 / 40 -> 345 / 400 - 1 = -0.1375 <= 0
        IndicatorStatusRecord region = views.status(M, "region", "fjellregionen", "short_term_los_change");
        assertThat(region.getValue()).isEqualByComparingTo("-0.1375");
        assertThat(region.getStatus()).isEqualTo("green");
    }

    @Test
    void shouldJudgeTheTotalUkpDaysAgainst1000With10PercentTolerance() {
        load("status_ukp_days.csv");
        assertTotalUkpDays("2024-01", "1000", "green");   // 1000
        assertTotalUkpDays("2024-02", "1100", "yellow");  // 1000 + 100 = 1000 × 1.1
        assertTotalUkpDays("2024-03", "1101", "red");     // 1100 + 1
    }

    @Test
    void shouldSayNoDataWhereTheWindowHasNoValue() {
        load("status_boundaries.csv", "status_short_term.csv");
        // Holtålen 5026 reported 0 stays: no share or mean
        assertThat(status("5026", "zero_day_share")).isEqualTo("no_data");
        assertThat(status("5026", "avg_ukp_days")).isEqualTo("no_data");
        // Tydal 5033 reported nothing at all
        IndicatorStatusRecord tydal = views.status(M, "municipality", "5033", "zero_day_share");
        assertThat(tydal.getStatus()).isEqualTo("no_data");
        assertThat(tydal.getValue()).isNull();
        assertThat(tydal.getTarget()).isEqualByComparingTo("0.90");
        assertThat(tydal.getReported()).isZero();
        assertThat(tydal.getComplete()).isFalse();
        assertThat(status("5033", "short_term_los_change")).isEqualTo("no_data");
    }

    @Test
    void shouldSayNoTargetBeforeNoDataWhereNoTargetApplies() {
        load("status_boundaries.csv", "status_short_term.csv");
        // ukp_days of a municipality needs population to apportion the target: none loaded
        IndicatorStatusRecord oppdal = views.status(M, "municipality", "5021", "ukp_days");
        assertThat(oppdal.getValue()).isEqualByComparingTo("10");
        assertThat(oppdal.getTarget()).isNull();
        assertThat(oppdal.getYellowLimit()).isNull();
        assertThat(oppdal.getStatus()).isEqualTo("no_target");
        // Tydal has neither data nor a target for ukp_days
        assertThat(status("5033", "ukp_days")).isEqualTo("no_target");
    }

    @Test
    void shouldJudgeTheCatalogueIndicatorsOnly() {
        load("status_boundaries.csv");
        List<String> indicators = dsl.select(INDICATOR_STATUS.INDICATOR_ID).from(INDICATOR_STATUS)
                .where(INDICATOR_STATUS.MONTH.eq(IndicatorViews.month(M)), INDICATOR_STATUS.SCOPE_TYPE.eq("total"))
                .fetch(INDICATOR_STATUS.INDICATOR_ID);
        // not the companion series avg_ukp_days_all_stays
        assertThat(indicators).containsExactlyInAnyOrder("ukp_days", "zero_day_share", "avg_ukp_days",
                "direct_home_share", "readmission_30d_share", "short_term_los_change", "ukp_days_per_1000");
    }

    private void assertTotalUkpDays(String month, String value, String status) {
        IndicatorStatusRecord row = views.status(month, "total", "total", "ukp_days");
        assertThat(row.getStatusWindow()).isEqualTo("rolling12");
        assertThat(row.getValue()).isEqualByComparingTo(value);
        assertThat(row.getTarget()).isEqualByComparingTo("1000");
        assertThat(row.getYellowLimit()).isEqualByComparingTo("1100");
        assertThat(row.getStatus()).as(month).isEqualTo(status);
    }

    private void assertStatus(String municipality, String indicator, String value, String target, String yellowLimit,
                              String status) {
        IndicatorStatusRecord row = views.status(M, "municipality", municipality, indicator);
        assertThat(row.getValue()).as("value").isEqualByComparingTo(value);
        assertThat(row.getTarget()).as("target").isEqualByComparingTo(target);
        assertThat(row.getYellowLimit()).as("yellow limit").isEqualByComparingTo(yellowLimit);
        assertThat(row.getStatus()).as("%s %s", municipality, indicator).isEqualTo(status);
    }

    private String status(String municipality, String indicator) {
        return views.status(M, "municipality", municipality, indicator).getStatus();
    }
}
