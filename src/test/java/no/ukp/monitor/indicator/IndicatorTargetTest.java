package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.db.tables.records.IndicatorStatusRecord;
import no.ukp.monitor.db.tables.records.IndicatorTargetAtRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which target applies to a month and scope: the committee's defaults, versions, apportioning. */
@DatabaseTest
class IndicatorTargetTest {

    @Autowired
    DSLContext dsl;

    IndicatorViews views;
    IndicatorFixtures fixtures;

    IndicatorFixtures fixtures() {
        views = new IndicatorViews(dsl);
        fixtures = new IndicatorFixtures(dsl).reset();
        return fixtures;
    }

    @AfterEach
    void removeTestTargets() {
        fixtures.reset();
    }

    @Test
    void shouldApplyTheCommitteeTargetsEverywhere() {
        fixtures().load("monthly_statistics.csv");
        assertTarget("total", "total", "ukp_days", "1000", "0.10", "relative");
        assertTarget("total", "total", "zero_day_share", "0.90", "0.05", "absolute");
        assertTarget("region", "fjellregionen", "zero_day_share", "0.90", "0.05", "absolute");
        assertTarget("municipality", "5021", "zero_day_share", "0.90", "0.05", "absolute");
        assertTarget("municipality", "5021", "avg_ukp_days", "2", "0.10", "relative");
        assertTarget("total", "total", "direct_home_share", "0.30", "0.05", "absolute");
        assertTarget("region", "trondheim", "readmission_30d_share", "0.16", "0.10", "relative");
        // Øya helsehus: -20 % for the total, Trondheim and its region; any reduction elsewhere
        assertTarget("total", "total", "short_term_los_change", "-0.20", "0.05", "absolute");
        assertTarget("region", "trondheim", "short_term_los_change", "-0.20", "0.05", "absolute");
        assertTarget("municipality", "5001", "short_term_los_change", "-0.20", "0.05", "absolute");
        assertTarget("region", "fjellregionen", "short_term_los_change", "0", "0.05", "absolute");
        assertTarget("municipality", "5021", "short_term_los_change", "0", "0.05", "absolute");
        IndicatorTargetAtRecord total = views.target("2025-02", "total", "total", "ukp_days").orElseThrow();
        assertThat(total.getStatusWindow()).isEqualTo("rolling12");
        assertThat(total.getApportioned()).isFalse();
        // the helsefellesskap's 1000 UKP-days are shared out by population; there is none loaded here
        IndicatorTargetAtRecord trondheim = views.target("2025-02", "municipality", "5001", "ukp_days").orElseThrow();
        assertThat(trondheim.getApportioned()).isTrue();
        assertThat(trondheim.getTarget()).isNull();
        assertThat(views.status("2025-02", "municipality", "5001", "ukp_days").getStatus()).isEqualTo("no_target");
    }

    @Test
    void shouldApportionTheTotalUkpDaysTargetByPopulationShare() {
        fixtures().load("population.csv", "apportioning.csv");
        // 2024: total population 150000 + 30000 + 20000 = 200000
        assertApportioned("2024-06", "municipality", "5001", "750", 2024, 150000);    // 1000 × 150000 / 200000
        assertApportioned("2024-06", "region", "trondheim", "750", 2024, 150000);
        assertApportioned("2024-06", "region", "fjellregionen", "250", 2024, 50000);  // 1000 × (30000 + 20000) / 200000
        assertApportioned("2024-06", "municipality", "5021", "150", 2024, 30000);
        assertApportioned("2024-06", "municipality", "5022", "100", 2024, 20000);
        // 2025: 160000 + 25000 + 15000 = 200000
        assertApportioned("2025-06", "municipality", "5001", "800", 2025, 160000);
        assertApportioned("2025-06", "region", "fjellregionen", "200", 2025, 40000);  // 1000 × 40000 / 200000
        assertApportioned("2025-06", "municipality", "5022", "75", 2025, 15000);
        // 2026 has no population yet: the latest year before it, 2025
        assertApportioned("2026-01", "municipality", "5001", "800", 2025, 160000);
        // the total itself keeps 1000
        assertThat(views.target("2024-06", "total", "total", "ukp_days").orElseThrow().getTarget()).isEqualByComparingTo("1000");
    }

    @Test
    void shouldHaveNoApportionedTargetWithoutPopulation() {
        fixtures().load("population.csv", "apportioning.csv");
        // 2023-12: no population of 2023 or earlier
        assertThat(views.target("2023-12", "municipality", "5001", "ukp_days").orElseThrow().getTarget()).isNull();
        assertThat(views.status("2023-12", "municipality", "5001", "ukp_days").getStatus()).isEqualTo("no_target");
        // Tydal (5033) has no population at all
        assertThat(views.target("2025-06", "municipality", "5033", "ukp_days").orElseThrow().getTarget()).isNull();
        assertThat(views.status("2025-06", "municipality", "5033", "ukp_days").getStatus()).isEqualTo("no_target");
    }

    @Test
    void shouldJudgeUkpDaysAgainstTheApportionedTarget() {
        fixtures().load("population.csv", "apportioning.csv");
        // 2024-06: rolling12 300 + 525 = 825 = 750 × 1.1 -> yellow, exactly on the limit
        IndicatorStatusRecord june2024 = views.status("2024-06", "municipality", "5001", "ukp_days");
        assertThat(june2024.getValue()).isEqualByComparingTo("825");
        assertThat(june2024.getYellowLimit()).isEqualByComparingTo("825");
        assertThat(june2024.getStatus()).isEqualTo("yellow");
        // 2025-06: 800 = the target -> green
        assertThat(views.status("2025-06", "municipality", "5001", "ukp_days").getStatus()).isEqualTo("green");
        // 2026-01: 800 + 81 = 881 > 800 × 1.1 = 880 -> red
        assertThat(views.status("2026-01", "municipality", "5001", "ukp_days").getStatus()).isEqualTo("red");
    }

    @Test
    void shouldApportionTheTotalTargetVersionValidAtTheMonth() {
        fixtures().load("population.csv", "apportioning.csv")
                .addTarget("ukp_days", "total", null, "2025-01", "900", "0.10", "relative", false);
        assertApportioned("2024-06", "municipality", "5001", "750", 2024, 150000);   // 1000 × 0.75
        assertApportioned("2025-06", "municipality", "5001", "720", 2025, 160000);   // 900 × 0.8
        assertThat(views.target("2025-06", "total", "total", "ukp_days").orElseThrow().getTarget()).isEqualByComparingTo("900");
    }

    @Test
    void shouldApplyATargetVersionFromItsValidFromMonthOn() {
        fixtures().load("monthly_statistics.csv")
                .addTarget("zero_day_share", "total", null, "2025-02", "0.30", "0.05", "absolute", false);
        // older months keep the old target
        IndicatorTargetAtRecord january = views.target("2025-01", "total", "total", "zero_day_share").orElseThrow();
        assertThat(january.getTarget()).isEqualByComparingTo("0.90");
        assertThat(january.getValidFrom()).isEqualTo(IndicatorViews.month("2000-01"));
        IndicatorTargetAtRecord february = views.target("2025-02", "total", "total", "zero_day_share").orElseThrow();
        assertThat(february.getTarget()).isEqualByComparingTo("0.30");
        assertThat(february.getValidFrom()).isEqualTo(IndicatorViews.month("2025-02"));
        assertThat(views.target("2025-03", "total", "total", "zero_day_share").orElseThrow().getTarget())
                .isEqualByComparingTo("0.30");
        // and are judged by it: rolling12 at 2025-01 = 16 / 52 ≈ 0.31 < 0.85 -> red;
        // at 2025-02 = 25 / 74 ≈ 0.34 >= 0.30 -> green
        assertThat(views.status("2025-01", "total", "total", "zero_day_share").getStatus()).isEqualTo("red");
        assertThat(views.status("2025-02", "total", "total", "zero_day_share").getStatus()).isEqualTo("green");
    }

    @Test
    void shouldPreferATargetForTheScopeItselfToTheDefaultOfItsType() {
        fixtures().load("monthly_statistics.csv")
                .addTarget("avg_ukp_days", "municipality", "5021", "2025-01", "3", "0.10", "relative", false)
                .addTarget("avg_ukp_days", "municipality", null, "2025-03", "2.5", "0.10", "relative", false);
        // Oppdal: the default before its own target starts, its own target after, even when a newer default comes
        assertThat(targetOf("2024-12", "5021")).isEqualByComparingTo("2");
        assertThat(targetOf("2025-01", "5021")).isEqualByComparingTo("3");
        assertThat(targetOf("2025-03", "5021")).isEqualByComparingTo("3");
        // Rennebu follows the defaults
        assertThat(targetOf("2025-01", "5022")).isEqualByComparingTo("2");
        assertThat(targetOf("2025-03", "5022")).isEqualByComparingTo("2.5");
    }

    private BigDecimal targetOf(String month, String municipality) {
        return views.target(month, "municipality", municipality, "avg_ukp_days").orElseThrow().getTarget();
    }

    private void assertTarget(String scopeType, String scopeId, String indicator, String target, String tolerance,
                              String kind) {
        Optional<IndicatorTargetAtRecord> row = views.target("2025-02", scopeType, scopeId, indicator);
        assertThat(row).as("%s:%s %s", scopeType, scopeId, indicator).isPresent();
        assertThat(row.get().getTarget()).as("target").isEqualByComparingTo(target);
        assertThat(row.get().getTolerance()).as("tolerance").isEqualByComparingTo(tolerance);
        assertThat(row.get().getToleranceKind()).isEqualTo(kind);
    }

    private void assertApportioned(String month, String scopeType, String scopeId, String target, int populationYear,
                                   long scopePopulation) {
        IndicatorTargetAtRecord row = views.target(month, scopeType, scopeId, "ukp_days").orElseThrow();
        assertThat(row.getApportioned()).isTrue();
        assertThat(row.getTarget()).as("%s %s:%s", month, scopeType, scopeId).isEqualByComparingTo(target);
        assertThat(row.getPopulationYear()).isEqualTo(populationYear);
        assertThat(row.getScopePopulation()).isEqualTo(scopePopulation);
        assertThat(row.getTotalPopulation()).isEqualTo(200000L);
    }
}
