package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import no.ukp.monitor.spc.SpcChart;
import no.ukp.monitor.spc.SpcChart.Direction;
import no.ukp.monitor.spc.SpcChart.PointVariation;
import no.ukp.monitor.spc.SpcChart.Rule;
import no.ukp.monitor.spc.SpcChart.Signal;
import org.junit.jupiter.api.Test;

/** The report words the engine's signals in Norwegian: per rule and direction, the months it flags. */
class IndicatorSectionsSpcTest {

    @Test
    void shouldListEachRuleWithItsMonthsAndDirectionInTheOrderTheyStart() {
        SpcChart chart = new SpcChart(Direction.AT_MOST, null, List.of(), List.of(
                point(0),
                point(1, new Signal(Rule.TREND, true)),
                point(2, new Signal(Rule.SHIFT, false), new Signal(Rule.TREND, true)),
                point(3, new Signal(Rule.TREND, true)),
                point(4, new Signal(Rule.OUTSIDE_LIMITS, false), new Signal(Rule.TREND, false)),
                point(5, new Signal(Rule.TREND, false))), null, null);

        assertThat(IndicatorSections.signals(chart)).containsExactly(
                "7 punkter på rad som stiger eller synker: februar–april 2025 (bekymring)",
                "7 punkter på rad på samme side av gjennomsnittet: mars 2025 (forbedring)",
                "punkt utenfor prosessgrensene: mai 2025 (forbedring)",
                "7 punkter på rad som stiger eller synker: mai 2025 og juni 2025 (forbedring)");
    }

    @Test
    void shouldCallARiseAnImprovementWhereHigherIsBetter() {
        SpcChart chart = new SpcChart(Direction.AT_LEAST, null, List.of(), List.of(
                point(0, new Signal(Rule.TWO_OF_THREE, true)), point(1), point(2, new Signal(Rule.TWO_OF_THREE, true))),
                null, null);

        assertThat(IndicatorSections.signals(chart)).containsExactly(
                "2 av 3 punkter på rad utenfor 2 sigma på samme side av gjennomsnittet: januar 2025 (forbedring)",
                "2 av 3 punkter på rad utenfor 2 sigma på samme side av gjennomsnittet: mars 2025 (forbedring)");
    }

    private static SpcChart.Point point(int month, Signal... signals) {
        return new SpcChart.Point(YearMonth.of(2025, 1).plusMonths(month), 1, 0, List.of(signals), PointVariation.COMMON);
    }
}
