package no.ukp.monitor.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.spc.SpcChart.Direction;
import no.ukp.monitor.spc.SpcChart.Observation;
import no.ukp.monitor.spc.SpcChange.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A change from a start month judged against the baseline's limits extended forward (analysis.md, measures), on
 * hand-built series: a baseline of twelve months alternating 10 and 12 (mean 11, mean moving range 2, limits
 * 11 ± 5.32, 2-sigma band 11 ± 3.547), then the months from the start.
 */
class SpcChangeTest {

    private static final YearMonth FIRST = YearMonth.of(2024, 1);
    private static final YearMonth START = FIRST.plusMonths(12);

    @Test
    void shouldJudgeTheMonthsAfterTheStartAgainstTheBaselinesLimitsExtendedForward() {
        SpcChange change = XmrEngine.change(series(12, 6, 6, 6, 6, 6, 6, 6), Direction.AT_MOST, START, 12);
        assertThat(change.before().n()).isEqualTo(12);
        assertThat(change.before().mean()).isCloseTo(11, within(1e-12));
        assertThat(change.before().upl()).isCloseTo(11 + 2.66 * 2, within(1e-12));
        assertThat(change.before().to()).isEqualTo(START.minusMonths(1));
        assertThat(change.afterN()).isEqualTo(7);
        assertThat(change.afterMean()).isCloseTo(6, within(1e-12));
        // 6 is below the 2-sigma band (7.45) on the low side and seven in a row below the mean: lower is better
        assertThat(change.points().subList(12, 19)).allSatisfy(p -> {
            assertThat(p.phase()).isEqualTo(1);
            assertThat(p.signals()).extracting(SpcChart.Signal::rule).contains(SpcChart.Rule.SHIFT, SpcChart.Rule.TWO_OF_THREE);
            assertThat(p.variation()).isEqualTo(SpcChart.PointVariation.IMPROVEMENT);
        });
        assertThat(change.verdict()).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(XmrEngine.change(series(12, 6, 6, 6, 6, 6, 6, 6), Direction.AT_LEAST, START, 12).verdict())
                .as("the same step where higher is better").isEqualTo(Verdict.CONCERN);
    }

    @Test
    void shouldSayConcernWhenTheLatestFlaggedMonthPointsThatWay() {
        // above the limit (16.32) in the last month only, after six ordinary ones
        SpcChange change = XmrEngine.change(series(12, 10, 12, 10, 12, 10, 12, 20), Direction.AT_MOST, START, 12);
        assertThat(change.points().get(18).signals()).extracting(SpcChart.Signal::rule).containsExactly(SpcChart.Rule.OUTSIDE_LIMITS);
        assertThat(change.verdict()).isEqualTo(Verdict.CONCERN);
        // an improvement first, a concern last: the latest flagged month decides
        assertThat(XmrEngine.change(series(12, 4, 10, 12, 10, 12, 10, 20), Direction.AT_MOST, START, 12).verdict())
                .isEqualTo(Verdict.CONCERN);
        assertThat(XmrEngine.change(series(12, 20, 10, 12, 10, 12, 10, 4), Direction.AT_MOST, START, 12).verdict())
                .isEqualTo(Verdict.IMPROVEMENT);
    }

    @Test
    void shouldSayNoChangeWhenNoMonthAfterTheStartIsFlagged() {
        SpcChange change = XmrEngine.change(series(12, 10, 12, 10, 12, 10, 12, 10), Direction.AT_MOST, START, 12);
        assertThat(change.points().subList(12, 19)).allSatisfy(p -> assertThat(p.signals()).isEmpty());
        assertThat(change.verdict()).isEqualTo(Verdict.NO_CHANGE);
    }

    @Test
    void shouldBeTooEarlyWithFewerThanSevenMonthsAfterOrABaselineWithoutLimits() {
        assertThat(XmrEngine.change(series(12, 20, 20, 20, 20, 20, 20), Direction.AT_MOST, START, 12).verdict())
                .as("six months after, however clear").isEqualTo(Verdict.TOO_EARLY);
        SpcChange shortBaseline = XmrEngine.change(series(11, 20, 20, 20, 20, 20, 20, 20), Direction.AT_MOST, START, 12);
        assertThat(shortBaseline.before().n()).isEqualTo(11);
        assertThat(shortBaseline.before().hasLimits()).isFalse();
        assertThat(shortBaseline.verdict()).isEqualTo(Verdict.TOO_EARLY);
        assertThat(shortBaseline.afterMean()).isCloseTo(20, within(1e-12));
        SpcChange nothingBefore = XmrEngine.change(List.of(new Observation(START, 5.0)), Direction.AT_MOST, START, 12);
        assertThat(nothingBefore.before().n()).isZero();
        assertThat(nothingBefore.verdict()).isEqualTo(Verdict.TOO_EARLY);
    }

    @Test
    void shouldLeaveMonthsWithoutAValueOut() {
        // a month without a value right after the start, then seven with one
        List<Observation> series = new ArrayList<>(series(12, 6));
        series.add(new Observation(START.plusMonths(1), null));
        for (int k = 2; k <= 7; k++) {
            series.add(new Observation(START.plusMonths(k), 6.0));
        }
        SpcChange change = XmrEngine.change(series, Direction.AT_MOST, START, 12);
        assertThat(change.afterN()).isEqualTo(7);
        assertThat(change.points()).hasSize(19);
    }

    @Test
    void shouldNotSeeAChangeInAConstantSeriesWhoseMeanASumOfDoublesMisses() {
        // twelve times 0.8 sums to 9.600000000000001: a mean of 0.8000000000000002, just above every point
        List<Observation> series = new ArrayList<>();
        for (int k = 0; k < 19; k++) {
            series.add(new Observation(FIRST.plusMonths(k), 0.8));
        }
        SpcChange change = XmrEngine.change(series, Direction.AT_LEAST, START, 12);
        assertThat(change.points()).allSatisfy(p -> assertThat(p.signals()).isEmpty());
        assertThat(change.verdict()).isEqualTo(Verdict.NO_CHANGE);
    }

    /** {@code baseline} months alternating 10 and 12 from {@link #FIRST}, then the given months from {@link #START}. */
    private static List<Observation> series(int baseline, double... after) {
        List<Observation> series = new ArrayList<>();
        for (int k = 0; k < baseline; k++) {
            series.add(new Observation(START.minusMonths(baseline - k), k % 2 == 0 ? 10.0 : 12.0));
        }
        for (int k = 0; k < after.length; k++) {
            series.add(new Observation(START.plusMonths(k), after[k]));
        }
        return series;
    }
}
