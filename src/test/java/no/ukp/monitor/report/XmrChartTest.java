package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import no.ukp.monitor.report.XmrChart.Assurance;
import no.ukp.monitor.report.XmrChart.Direction;
import no.ukp.monitor.report.XmrChart.Rule;
import no.ukp.monitor.report.XmrChart.Side;
import no.ukp.monitor.report.XmrChart.Variation;
import org.junit.jupiter.api.Test;

/**
 * The SPC statistics and rules on fixture series of 24 months: a series of common-cause noise,
 * and one variant of it per special-cause rule that triggers that rule and no other.
 */
class XmrChartTest {

    /** Noise around 11: no point outside the limits, no run of 7, no trend of 6, no 2 of 3 beyond 2 sigma. */
    static final double[] NOISE = {10, 12, 11, 13, 10, 12, 11, 9, 12, 10, 11, 13, 10, 12, 11, 10, 12, 11, 9, 11, 12, 10, 11, 12};

    @Test
    void shouldComputeMeanMovingRangeLimitsAndSigmaAsXmrDoes() {
        XmrChart chart = chart(NOISE, Direction.AT_MOST, null);

        assertThat(chart.enoughPoints()).isTrue();
        assertThat(chart.mean()).isCloseTo(265.0 / 24, within(1e-9));
        assertThat(chart.averageMovingRange()).isCloseTo(40.0 / 23, within(1e-9));
        assertThat(chart.upperLimit()).isCloseTo(265.0 / 24 + 2.66 * 40.0 / 23, within(1e-9));
        assertThat(chart.lowerLimit()).isCloseTo(265.0 / 24 - 2.66 * 40.0 / 23, within(1e-9));
        assertThat(chart.sigma()).isCloseTo(40.0 / 23 / 1.128, within(1e-9));
    }

    @Test
    void shouldFindNoSpecialCauseInCommonCauseNoise() {
        XmrChart chart = chart(NOISE, Direction.AT_MOST, null);

        assertThat(chart.signals()).isEmpty();
        assertThat(chart.variation()).isEqualTo(Variation.COMMON);
        assertThat(chart.assurance()).isEqualTo(Assurance.NOT_ASSESSED);
    }

    @Test
    void shouldFlagAPointOutsideTheProcessLimits() {
        double[] x = NOISE.clone();
        x[15] = 25;

        XmrChart chart = chart(x, Direction.AT_MOST, null);

        assertThat(chart.signals()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(Rule.OUTSIDE_LIMITS);
            assertThat(s.side()).isEqualTo(Side.HIGH);
            assertThat(s.indexes()).containsExactly(15);
            assertThat(s.improvement(Direction.AT_MOST)).as("higher is worse here").isFalse();
        });
        assertThat(chart.variationAt(15)).isEqualTo(Variation.CONCERN);
        assertThat(chart.variationAt(14)).isEqualTo(Variation.COMMON);
    }

    @Test
    void shouldFlagARunOfSevenAboveTheMeanAsImprovementWhereHigherIsBetter() {
        double[] x = concat(slice(NOISE, 0, 17), 12, 13, 12, 13, 12, 14, 12);

        XmrChart chart = chart(x, Direction.AT_LEAST, null);

        assertThat(chart.signals()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(Rule.RUN);
            assertThat(s.side()).isEqualTo(Side.HIGH);
            assertThat(s.indexes()).containsExactlyElementsOf(range(16, 24)); // NOISE[16] = 12 starts the run
        });
        assertThat(chart.variation()).as("the latest month is in the run").isEqualTo(Variation.IMPROVEMENT);
    }

    @Test
    void shouldFlagARunOfSevenBelowTheMeanAsConcernWhereHigherIsBetter() {
        double[] x = concat(slice(NOISE, 0, 17), 10, 9, 10, 10, 9, 10, 9);

        XmrChart chart = chart(x, Direction.AT_LEAST, null);

        assertThat(chart.signals()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(Rule.RUN);
            assertThat(s.side()).isEqualTo(Side.LOW);
            assertThat(s.indexes()).containsExactlyElementsOf(range(17, 24));
        });
        assertThat(chart.variation()).isEqualTo(Variation.CONCERN);
    }

    @Test
    void shouldFlagSixPointsRisingAndSixFalling() {
        double[] rising = concat(slice(NOISE, 0, 10), 9, 10, 11, 12, 13, 14);
        rising = concat(rising, slice(NOISE, 16, 24));
        double[] falling = concat(slice(NOISE, 0, 10), 14, 13, 12, 11, 10, 9);
        falling = concat(falling, slice(NOISE, 16, 24));

        XmrChart up = chart(rising, Direction.AT_MOST, null);
        XmrChart down = chart(falling, Direction.AT_MOST, null);

        assertThat(up.signals()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(Rule.TREND);
            assertThat(s.side()).isEqualTo(Side.HIGH);
            assertThat(s.indexes()).containsExactlyElementsOf(range(10, 16));
            assertThat(s.improvement(Direction.AT_MOST)).isFalse();
        });
        assertThat(down.signals()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(Rule.TREND);
            assertThat(s.side()).isEqualTo(Side.LOW);
            assertThat(s.improvement(Direction.AT_MOST)).isTrue();
        });
        assertThat(down.variationAt(12)).isEqualTo(Variation.IMPROVEMENT);
        assertThat(down.variation()).as("the latest month is common cause again").isEqualTo(Variation.COMMON);
    }

    @Test
    void shouldFlagTwoOfThreePointsBeyondTwoSigmaOnOneSide() {
        double[] x = NOISE.clone();
        x[12] = 15.5;
        x[14] = 15.5;

        XmrChart chart = chart(x, Direction.AT_MOST, null);

        assertThat(chart.upperLimit()).as("inside the process limits").isGreaterThan(15.5);
        assertThat(chart.signals()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(Rule.TWO_OF_THREE);
            assertThat(s.side()).isEqualTo(Side.HIGH);
            assertThat(s.indexes()).containsExactly(12, 14);
        });
    }

    @Test
    void shouldNotFlagOnePointBeyondTwoSigmaAlone() {
        double[] x = NOISE.clone();
        x[12] = 15.5;

        assertThat(chart(x, Direction.AT_MOST, null).signals()).isEmpty();
    }

    @Test
    void shouldEndARunAtAPointOnTheMeanAndATrendAtATie() {
        assertThat(XmrChart.runs(new double[] {11, 11, 11, 11, 11, 11, 11}, 10)).hasSize(1);
        assertThat(XmrChart.runs(new double[] {11, 11, 11, 10, 11, 11, 11, 11}, 10)).isEmpty();
        assertThat(XmrChart.runs(new double[] {11, 11, 11, 11, 11, 11}, 10)).as("six are not a run").isEmpty();
        assertThat(XmrChart.trends(new double[] {1, 2, 3, 4, 5, 6})).hasSize(1);
        assertThat(XmrChart.trends(new double[] {1, 2, 3, 3, 4, 5, 6})).isEmpty();
        assertThat(XmrChart.trends(new double[] {1, 2, 3, 4, 5})).as("five are not a trend").isEmpty();
        assertThat(XmrChart.twoOfThree(new double[] {0, 3, 0, 0, 3, 0, 3}, 2, -2))
                .as("3 apart: not within three in a row, then 3 and 3 within three")
                .singleElement().satisfies(s -> assertThat(s.indexes()).containsExactly(4, 6));
        assertThat(XmrChart.outsideLimits(new double[] {5, 6, 7, 4}, 6, 4)).as("on a limit is inside")
                .singleElement().satisfies(s -> assertThat(s.indexes()).containsExactly(2));
    }

    @Test
    void shouldGiveTheAssuranceFromWhereTheTargetLiesAgainstTheLimits() {
        // NOISE: limits about 6,4 and 15,7
        assertThat(chart(NOISE, Direction.AT_MOST, 20.0).assurance()).isEqualTo(Assurance.MEETS);
        assertThat(chart(NOISE, Direction.AT_MOST, 5.0).assurance()).isEqualTo(Assurance.MISSES);
        assertThat(chart(NOISE, Direction.AT_MOST, 11.0).assurance()).isEqualTo(Assurance.EITHER);
        assertThat(chart(NOISE, Direction.AT_LEAST, 5.0).assurance()).isEqualTo(Assurance.MEETS);
        assertThat(chart(NOISE, Direction.AT_LEAST, 20.0).assurance()).isEqualTo(Assurance.MISSES);
        assertThat(chart(NOISE, Direction.AT_LEAST, 11.0).assurance()).isEqualTo(Assurance.EITHER);
        assertThat(XmrChart.assurance(Direction.AT_MOST, 15.0, 15.0, 7.0)).as("a limit on the target meets it")
                .isEqualTo(Assurance.MEETS);
        assertThat(XmrChart.assurance(Direction.AT_LEAST, 7.0, 15.0, 7.0)).isEqualTo(Assurance.MEETS);
    }

    @Test
    void shouldGiveNoLimitsOrVerdictsForFewerThanTwelveMonths() {
        XmrChart chart = chart(slice(NOISE, 0, 11), Direction.AT_MOST, 20.0);

        assertThat(chart.enoughPoints()).isFalse();
        assertThat(chart.signals()).isEmpty();
        assertThat(chart.variation()).isEqualTo(Variation.TOO_FEW);
        assertThat(chart.assurance()).isEqualTo(Assurance.NOT_ASSESSED);
        assertThat(chart(slice(NOISE, 0, 12), Direction.AT_MOST, 20.0).enoughPoints()).isTrue();
    }

    private static XmrChart chart(double[] values, Direction direction, Double target) {
        List<XmrChart.Observation> points = new ArrayList<>();
        YearMonth month = YearMonth.of(2023, 7);
        for (double v : values) {
            points.add(new XmrChart.Observation(month, v));
            month = month.plusMonths(1);
        }
        return XmrChart.of(points, direction, target);
    }

    private static double[] slice(double[] x, int from, int to) {
        return java.util.Arrays.copyOfRange(x, from, to);
    }

    private static double[] concat(double[] x, double... more) {
        double[] result = java.util.Arrays.copyOf(x, x.length + more.length);
        System.arraycopy(more, 0, result, x.length, more.length);
        return result;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
