package no.ukp.monitor.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import no.ukp.monitor.spc.SpcChart.Assurance;
import no.ukp.monitor.spc.SpcChart.Direction;
import no.ukp.monitor.spc.SpcChart.Observation;
import no.ukp.monitor.spc.SpcChart.Phase;
import no.ukp.monitor.spc.SpcChart.PointVariation;
import no.ukp.monitor.spc.SpcChart.Rule;
import no.ukp.monitor.spc.SpcChart.Signal;
import no.ukp.monitor.spc.SpcChart.Variation;
import org.junit.jupiter.api.Test;

/**
 * The rules of analysis.md on hand-built series: each rule alone, each tie-break, phases,
 * screening, the minimum number of points and the assurance at and beside the limits; and the
 * published test vectors of NHSRplotthedots (cited where used).
 */
class XmrEngineTest {

    static final YearMonth START = YearMonth.of(2023, 1);

    /** Noise around 11: no point outside the limits, no run of 7, no trend of 7, no 2 of 3 beyond 2 sigma. */
    static final double[] NOISE = {10, 12, 11, 13, 10, 12, 11, 9, 12, 10, 11, 13, 10, 12, 11, 10, 12, 11, 9, 11, 12, 10, 11, 12};

    // ---- statistics ---------------------------------------------------------------------------

    @Test
    void shouldComputeMeanMovingRangeLimitsAndTwoSigmaBandOnOneConstant() {
        SpcChart chart = chart(NOISE);

        Phase phase = chart.phases().get(0);
        double mean = 265.0 / 24;
        double movingRange = 40.0 / 23;
        assertThat(phase.from()).isEqualTo(START);
        assertThat(phase.to()).isEqualTo(START.plusMonths(23));
        assertThat(phase.n()).isEqualTo(24);
        assertThat(phase.mean()).isCloseTo(mean, within(1e-12));
        assertThat(phase.upl()).isCloseTo(mean + 2.66 * movingRange, within(1e-12));
        assertThat(phase.lpl()).isCloseTo(mean - 2.66 * movingRange, within(1e-12));
        assertThat(phase.upperTwoSigma()).isCloseTo(mean + 2.0 / 3 * 2.66 * movingRange, within(1e-12));
        assertThat(phase.lowerTwoSigma()).isCloseTo(mean - 2.0 / 3 * 2.66 * movingRange, within(1e-12));
        assertThat(phase.upperTwoSigma() - phase.mean()).as("2 sigma is two thirds of 3 sigma")
                .isCloseTo((phase.upl() - phase.mean()) * 2 / 3, within(1e-12));
    }

    @Test
    void shouldFindOnlyCommonCauseInNoise() {
        SpcChart chart = chart(NOISE);

        assertThat(chart.points()).allSatisfy(p -> {
            assertThat(p.signals()).isEmpty();
            assertThat(p.variation()).isEqualTo(PointVariation.COMMON);
        });
        assertThat(chart.variation()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(chart.assurance()).as("no target").isNull();
    }

    @Test
    void shouldLeaveMonthsWithoutValueOutOfTheMovingRangesAndIgnoreThoseBeforeTheFirstValue() {
        SpcChart chart = XmrEngine.chart(series(null, null, 10.0, null, 14.0, 12.0), Direction.AT_MOST, null, List.of(),
                false, 3);

        Phase phase = chart.phases().get(0);
        assertThat(phase.from()).as("months before the first value are ignored").isEqualTo(START.plusMonths(2));
        assertThat(phase.to()).isEqualTo(START.plusMonths(5));
        assertThat(phase.n()).isEqualTo(3);
        assertThat(phase.mean()).isCloseTo(12, within(1e-12));
        // moving ranges |14 − 10| = 4 (across the empty month) and |12 − 14| = 2
        assertThat(phase.upl()).isCloseTo(12 + 2.66 * 3, within(1e-12));
        assertThat(chart.points()).extracting(SpcChart.Point::month)
                .containsExactly(START.plusMonths(2), START.plusMonths(4), START.plusMonths(5));
    }

    @Test
    void shouldGiveAnEmptyChartForASeriesWithoutValues() {
        SpcChart chart = XmrEngine.chart(series(null, null), Direction.AT_MOST, 5.0, List.of(), false, 12);

        assertThat(chart.phases()).isEmpty();
        assertThat(chart.points()).isEmpty();
        assertThat(chart.variation()).isNull();
        assertThat(chart.assurance()).isNull();
    }

    // ---- outside the limits -------------------------------------------------------------------

    @Test
    void shouldFlagAPointStrictlyOutsideTheLimitsAndNotOneOnALimit() {
        List<List<Signal>> signals = XmrEngine.signals(new double[] {5, 6, 7, 4, 3, 5}, 5, 4, 6, 4.5, 5.5);

        assertThat(rules(signals.get(1))).as("on the upper limit is inside").doesNotContain(Rule.OUTSIDE_LIMITS);
        assertThat(signals.get(2)).contains(new Signal(Rule.OUTSIDE_LIMITS, true));
        assertThat(rules(signals.get(3))).as("on the lower limit is inside").doesNotContain(Rule.OUTSIDE_LIMITS);
        assertThat(signals.get(4)).contains(new Signal(Rule.OUTSIDE_LIMITS, false));
    }

    @Test
    void shouldFlagAPointOutsideTheLimitsAsConcernWhereHigherIsWorse() {
        double[] x = NOISE.clone();
        x[15] = 25;

        SpcChart chart = chart(x);

        assertThat(chart.phases().get(0).upl()).isLessThan(25);
        assertThat(chart.points().get(15).signals()).containsExactly(new Signal(Rule.OUTSIDE_LIMITS, true));
        assertThat(chart.points().get(15).variation()).isEqualTo(PointVariation.CONCERN);
        assertThat(chart.points()).filteredOn(p -> !p.signals().isEmpty()).hasSize(1);
    }

    // ---- shift --------------------------------------------------------------------------------

    @Test
    void shouldFlagSevenOrMoreOnOneSideOfTheMeanAndLetAPointOnTheMeanBreakTheRun() {
        assertThat(XmrEngine.shift(new int[] {1, 1, 1, 1, 1, 1, 1})).containsOnly(1);
        assertThat(XmrEngine.shift(new int[] {-1, -1, -1, -1, -1, -1, -1, -1})).containsOnly(-1);
        assertThat(XmrEngine.shift(new int[] {1, 1, 1, 1, 1, 1})).as("six are not a shift").containsOnly(0);
        assertThat(XmrEngine.shift(new int[] {1, 1, 1, 0, 1, 1, 1, 1})).as("a point on the mean breaks it").containsOnly(0);
        assertThat(XmrEngine.shift(new int[] {1, 1, 1, -1, 1, 1, 1, 1})).containsOnly(0);
    }

    @Test
    void shouldFlagTheShiftOfAnRSeriesAsNhsrPlotTheDotsDoes() {
        // tests/testthat/test-ptd_calculate_point_type.R, "ptd_seven_point_one_side_mean works as expected" and
        // "ptd_part_of_seven_trend works as expected" (nhs-r-community/NHSRplotthedots): c(rep(1, 8), -1) flags
        // the 7th and 8th point, and part of the run every one of the first eight; rep(1, 6) and c(rep(1, 6), -1) none
        assertThat(XmrEngine.shift(new int[] {1, 1, 1, 1, 1, 1, 1, 1, -1})).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(XmrEngine.shift(new int[] {-1, -1, -1, -1, -1, -1, -1, -1, 1})).containsExactly(-1, -1, -1, -1, -1, -1, -1, -1, 0);
        assertThat(XmrEngine.shift(new int[] {-1, 1, 1, 1, 1, 1, 1, 1, 1, -1})).containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(XmrEngine.shift(new int[] {1, 1, 1, 1, 1, 1, -1})).containsOnly(0);
    }

    @Test
    void shouldFlagAShiftBelowTheMeanAsImprovementWhereLowerIsBetter() {
        double[] x = concat(Arrays.copyOfRange(NOISE, 0, 17), 10, 9, 10, 10, 9, 10, 9);

        SpcChart chart = chart(x);

        assertThat(chart.phases().get(0).mean()).isGreaterThan(10);
        assertThat(IntStream.range(0, 24).filter(i -> chart.points().get(i).signals().contains(new Signal(Rule.SHIFT, false))))
                .containsExactly(17, 18, 19, 20, 21, 22, 23);
        assertThat(chart.variation()).isEqualTo(Variation.SPECIAL_CAUSE_IMPROVEMENT);
    }

    // ---- trend --------------------------------------------------------------------------------

    @Test
    void shouldFlagSevenStrictlyRisingOrFallingPointsAndLetATieBreakTheTrend() {
        assertThat(XmrEngine.trend(new double[] {1, 2, 3, 4, 5, 6, 7})).containsOnly(1);
        assertThat(XmrEngine.trend(new double[] {7, 6, 5, 4, 3, 2, 1})).containsOnly(-1);
        assertThat(XmrEngine.trend(new double[] {1, 2, 3, 4, 5, 6})).as("six are not a trend").containsOnly(0);
        assertThat(XmrEngine.trend(new double[] {1, 2, 3, 3, 4, 5, 6, 7})).as("a tie breaks it").containsOnly(0);
    }

    @Test
    void shouldFlagTheTrendsOfNhsrPlotTheDotsTestVectors() {
        // tests/testthat/test-ptd_calculate_point_type.R, "ptd_seven_point_trend works as expected"
        // (nhs-r-community/NHSRplotthedots): 1:6 and c(1:3, 3:6) give none, 1:7 and 7:1 a trend whose 7th point
        // is flagged (part of it: all seven), c(2, 1:7, 3) and c(2, 7:1, 3) the seven in the middle
        assertThat(XmrEngine.trend(new double[] {1, 2, 3, 4, 5, 6})).containsOnly(0);
        assertThat(XmrEngine.trend(new double[] {1, 2, 3, 3, 4, 5, 6})).containsOnly(0);
        assertThat(XmrEngine.trend(new double[] {2, 1, 2, 3, 4, 5, 6, 7, 3})).containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(XmrEngine.trend(new double[] {2, 7, 6, 5, 4, 3, 2, 1, 3})).containsExactly(0, -1, -1, -1, -1, -1, -1, -1, 0);
    }

    @Test
    void shouldGiveAPointThatEndsOneTrendAndStartsTheOppositeTheLaterTrendsDirection() {
        int[] flags = XmrEngine.trend(new double[] {1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1});

        assertThat(flags).containsExactly(1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1);
    }

    // ---- two of three -------------------------------------------------------------------------

    @Test
    void shouldFlagTheTwoPointsBeyondTwoSigmaOfThreeOnOneSide() {
        double[] x = NOISE.clone();
        x[12] = 15.5;
        x[14] = 15.5;

        SpcChart chart = chart(x);

        Phase phase = chart.phases().get(0);
        assertThat(phase.upperTwoSigma()).isLessThan(15.5);
        assertThat(phase.upl()).as("inside the limits").isGreaterThan(15.5);
        assertThat(chart.points().get(12).signals()).containsExactly(new Signal(Rule.TWO_OF_THREE, true));
        assertThat(chart.points().get(13).signals()).as("above the mean, not beyond 2 sigma").isEmpty();
        assertThat(chart.points().get(14).signals()).containsExactly(new Signal(Rule.TWO_OF_THREE, true));
        assertThat(chart.points()).filteredOn(p -> !p.signals().isEmpty()).hasSize(2);
    }

    @Test
    void shouldNotFlagTwoOfThreeWhenTheThirdPointLiesOnTheOtherSideOfTheMean() {
        double[] x = NOISE.clone();
        x[12] = 16.5;
        x[13] = 8;
        x[14] = 16.5;

        SpcChart chart = chart(x);

        assertThat(chart.phases().get(0).upperTwoSigma()).isLessThan(16.5);
        assertThat(chart.phases().get(0).mean()).isGreaterThan(8);
        assertThat(chart.points()).allSatisfy(p -> assertThat(p.signals()).isEmpty());
    }

    @Test
    void shouldCountPointsBeyondTheLimitsInTwoOfThree() {
        double[] x = NOISE.clone();
        x[12] = 25;
        x[13] = 17;

        SpcChart chart = chart(x);

        assertThat(chart.phases().get(0).upl()).isBetween(17.0, 25.0);
        assertThat(chart.points().get(12).signals())
                .containsExactly(new Signal(Rule.OUTSIDE_LIMITS, true), new Signal(Rule.TWO_OF_THREE, true));
        assertThat(chart.points().get(13).signals()).containsExactly(new Signal(Rule.TWO_OF_THREE, true));
    }

    @Test
    void shouldFlagTwoOfThreeAsNhsrPlotTheDotsTestVectors() {
        // tests/testthat/test-ptd_calculate_point_type.R, "ptd_part_of_two_in_three works as expected"
        // (nhs-r-community/NHSRplotthedots), points close to the limits (1) or not (0), all on one side:
        assertThat(twoOfThree(1, 0, 1)).containsExactly(1, 0, 1);
        assertThat(twoOfThree(0, 1, 1)).containsExactly(0, 1, 1);
        assertThat(twoOfThree(1, 1, 0)).containsExactly(1, 1, 0);
        assertThat(twoOfThree(0, 0, 1, 0, 1, 0, 0)).containsExactly(0, 0, 1, 0, 1, 0, 0);
        assertThat(twoOfThree(0, 0, 1, 1, 0, 0, 0)).containsExactly(0, 0, 1, 1, 0, 0, 0);
        assertThat(twoOfThree(1, 0, 0, 1)).containsOnly(0);
        assertThat(twoOfThree(1, 0, 0, 1, 1)).containsExactly(0, 0, 0, 1, 1);
    }

    @Test
    void shouldNotFlagTwoSuccessivePointsNearTheLimitsOnOppositeSides() {
        // tests/testthat/test-ptd_spc_standard.R, "it only reports special cause for 2 of 3 points close to limits
        // when they are on the same side of the mean" (nhs-r-community/NHSRplotthedots): c(1, -1) × 8 with the
        // 15th point 5.5 and the 16th −5.5 is common cause at both
        double[] x = new double[16];
        for (int i = 0; i < 16; i++) {
            x[i] = i % 2 == 0 ? 1 : -1;
        }
        x[14] = 5.5;
        x[15] = -5.5;

        for (boolean screen : new boolean[] {false, true}) {
            SpcChart chart = XmrEngine.chart(series(x), Direction.AT_LEAST, null, List.of(), screen, 12);
            assertThat(chart.points().get(14).variation()).isEqualTo(PointVariation.COMMON);
            assertThat(chart.points().get(15).variation()).isEqualTo(PointVariation.COMMON);
            assertThat(chart.variation()).isEqualTo(Variation.COMMON_CAUSE);
        }
    }

    // ---- a point flagged both ways ------------------------------------------------------------

    @Test
    void shouldTakeTheDirectionOfTheHighestRankedRule() {
        Signal outsideUp = new Signal(Rule.OUTSIDE_LIMITS, true);
        Signal trendDown = new Signal(Rule.TREND, false);
        Signal trendUp = new Signal(Rule.TREND, true);
        Signal twoOfThreeUp = new Signal(Rule.TWO_OF_THREE, true);
        Signal twoOfThreeDown = new Signal(Rule.TWO_OF_THREE, false);
        Signal shiftUp = new Signal(Rule.SHIFT, true);
        Signal shiftDown = new Signal(Rule.SHIFT, false);

        assertThat(XmrEngine.variation(List.of(outsideUp, trendDown), Direction.AT_MOST)).isEqualTo(PointVariation.CONCERN);
        assertThat(XmrEngine.variation(List.of(outsideUp, trendDown), Direction.AT_LEAST)).isEqualTo(PointVariation.IMPROVEMENT);
        assertThat(XmrEngine.variation(List.of(shiftUp, trendDown, twoOfThreeUp), Direction.AT_MOST))
                .as("trend beats two of three and shift").isEqualTo(PointVariation.IMPROVEMENT);
        assertThat(XmrEngine.variation(List.of(shiftDown, twoOfThreeUp), Direction.AT_MOST))
                .as("two of three beats shift").isEqualTo(PointVariation.CONCERN);
        assertThat(XmrEngine.variation(List.of(shiftDown, trendUp), Direction.AT_LEAST)).isEqualTo(PointVariation.IMPROVEMENT);
        assertThat(XmrEngine.variation(List.of(twoOfThreeDown), Direction.AT_MOST)).isEqualTo(PointVariation.IMPROVEMENT);
        assertThat(XmrEngine.variation(List.of(), Direction.AT_MOST)).isEqualTo(PointVariation.COMMON);
    }

    @Test
    void shouldJudgeAPointBelowTheLowerLimitInARisingTrendByTheLimit() {
        // 12 months around 21, then 1..7: below the lower limit (down), in a shift below the mean (down), in
        // triples beyond the lower 2-sigma band (down) and in a trend rising (up)
        double[] x = {20, 22, 21, 23, 20, 22, 21, 19, 22, 20, 21, 23, 1, 2, 3, 4, 5, 6, 7};

        SpcChart lowerIsBetter = chart(x);
        SpcChart higherIsBetter = XmrEngine.chart(series(x), Direction.AT_LEAST, null, List.of(), false, 12);

        assertThat(lowerIsBetter.points().get(18).signals()).containsExactly(new Signal(Rule.OUTSIDE_LIMITS, false),
                new Signal(Rule.SHIFT, false), new Signal(Rule.TREND, true), new Signal(Rule.TWO_OF_THREE, false));
        assertThat(lowerIsBetter.points().get(18).variation()).isEqualTo(PointVariation.IMPROVEMENT);
        assertThat(lowerIsBetter.variation()).isEqualTo(Variation.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(higherIsBetter.points().get(18).variation()).isEqualTo(PointVariation.CONCERN);
        assertThat(higherIsBetter.variation()).isEqualTo(Variation.SPECIAL_CAUSE_CONCERN);
    }

    // ---- phases -------------------------------------------------------------------------------

    @Test
    void shouldComputeEachPhaseFromItsOwnValuesWithoutAMovingRangeAcrossTheRebase() {
        // phase 0: NOISE[0..19] then 9, 10, 11, 12 (sum 262, moving ranges 40); phase 1: 13, 14, 15 then
        // NOISE[3..14] (sum 176, moving ranges 26): the range 12 → 13 across the rebase counts in neither
        double[] x = concat(concat(Arrays.copyOfRange(NOISE, 0, 20), 9, 10, 11, 12, 13, 14, 15),
                Arrays.copyOfRange(NOISE, 3, 15));
        YearMonth rebase = START.plusMonths(24);

        SpcChart chart = XmrEngine.chart(series(x), Direction.AT_MOST, null, List.of(rebase), false, 12);

        assertThat(chart.phases()).hasSize(2);
        Phase first = chart.phases().get(0);
        Phase second = chart.phases().get(1);
        assertThat(first.from()).isEqualTo(START);
        assertThat(first.to()).isEqualTo(rebase.minusMonths(1));
        assertThat(first.n()).isEqualTo(24);
        assertThat(first.mean()).isCloseTo(262.0 / 24, within(1e-12));
        assertThat(first.upl()).isCloseTo(262.0 / 24 + 2.66 * 40 / 23, within(1e-12));
        assertThat(second.from()).isEqualTo(rebase);
        assertThat(second.to()).isEqualTo(START.plusMonths(38));
        assertThat(second.n()).isEqualTo(15);
        assertThat(second.mean()).isCloseTo(176.0 / 15, within(1e-12));
        assertThat(second.lpl()).isCloseTo(176.0 / 15 - 2.66 * 26 / 14, within(1e-12));
        assertThat(chart.points().get(23).phase()).isZero();
        assertThat(chart.points().get(24).phase()).isEqualTo(1);
    }

    @Test
    void shouldNotLetATrendCrossIntoTheNextPhase() {
        // 9, 10, 11, 12 | 13, 14, 15: seven rising points, four before the rebase and three after
        double[] x = concat(concat(Arrays.copyOfRange(NOISE, 0, 20), 9, 10, 11, 12, 13, 14, 15),
                Arrays.copyOfRange(NOISE, 3, 15));

        SpcChart onePhase = XmrEngine.chart(series(x), Direction.AT_MOST, null, List.of(), false, 12);
        SpcChart twoPhases = XmrEngine.chart(series(x), Direction.AT_MOST, null, List.of(START.plusMonths(24)), false, 12);

        assertThat(IntStream.range(0, x.length).filter(i -> rules(onePhase.points().get(i).signals()).contains(Rule.TREND)))
                .containsExactly(20, 21, 22, 23, 24, 25, 26);
        assertThat(twoPhases.points()).allSatisfy(p -> assertThat(rules(p.signals())).doesNotContain(Rule.TREND));
    }

    @Test
    void shouldIgnoreRebasesBeforeTheFirstValueOrAfterTheLastMonthAndKeepAnEmptyPhase() {
        Collection<YearMonth> rebases = List.of(START.minusMonths(5), START, START.plusMonths(24), START.plusMonths(99));
        SpcChart chart = XmrEngine.chart(series(concat(NOISE, Double.NaN)), Direction.AT_MOST, 20.0, rebases, false, 12);

        assertThat(chart.phases()).extracting(Phase::from).containsExactly(START, START.plusMonths(24));
        assertThat(chart.phases().get(1).n()).as("the rebase month has no value").isZero();
        assertThat(chart.phases().get(1).mean()).isNull();
        assertThat(chart.variation()).as("the latest phase has too few points").isNull();
        assertThat(chart.assurance()).isNull();
    }

    @Test
    void shouldJudgeVariationAndAssuranceOnTheLatestPhaseOnly() {
        double[] x = concat(NOISE, Arrays.copyOfRange(NOISE, 0, 11));

        SpcChart tooFew = XmrEngine.chart(series(x), Direction.AT_MOST, 20.0, List.of(START.plusMonths(24)), false, 12);
        SpcChart enough = XmrEngine.chart(series(x), Direction.AT_MOST, 20.0, List.of(START.plusMonths(24)), false, 11);

        assertThat(tooFew.phases().get(0).mean()).isNotNull();
        assertThat(tooFew.phases().get(1).mean()).isNull();
        assertThat(tooFew.points().subList(24, 35)).allSatisfy(p -> assertThat(p.signals()).isEmpty());
        assertThat(tooFew.variation()).isNull();
        assertThat(tooFew.assurance()).isNull();
        assertThat(enough.phases().get(1).mean()).isCloseTo(Arrays.stream(NOISE, 0, 11).sum() / 11, within(1e-12));
        assertThat(enough.variation()).isEqualTo(Variation.COMMON_CAUSE);
        assertThat(enough.assurance()).isEqualTo(Assurance.CONSISTENT_PASS);
    }

    // ---- minimum points -----------------------------------------------------------------------

    @Test
    void shouldGiveNoLimitsOrSignalsWithFewerPointsThanTheMinimum() {
        double[] x = Arrays.copyOfRange(NOISE, 0, 11);
        x[10] = 100;

        SpcChart eleven = chart(x);
        SpcChart twelve = chart(concat(x, 11));

        assertThat(eleven.phases().get(0).n()).isEqualTo(11);
        assertThat(eleven.phases().get(0).mean()).isNull();
        assertThat(eleven.phases().get(0).upl()).isNull();
        assertThat(eleven.phases().get(0).upperTwoSigma()).isNull();
        assertThat(eleven.points()).allSatisfy(p -> {
            assertThat(p.signals()).isEmpty();
            assertThat(p.variation()).isEqualTo(PointVariation.COMMON);
        });
        assertThat(eleven.variation()).isNull();
        assertThat(twelve.phases().get(0).mean()).isNotNull();
        assertThat(twelve.points().get(10).signals()).contains(new Signal(Rule.OUTSIDE_LIMITS, true));
    }

    // ---- screening ----------------------------------------------------------------------------

    @Test
    void shouldLeaveOutMovingRangesAboveTheScreeningLimitOnceWhenAsked() {
        // moving ranges: eight of 1, then 6 and 30; MR̄ = 44 / 10 = 4.4, screening limit 3.267 × 4.4 = 14.4:
        // 30 is left out, MR̄ = 14 / 9 (and 6, above 3.267 × 14 / 9 = 5.08, stays: screened once)
        double[] x = {10, 11, 10, 11, 10, 11, 10, 11, 10, 16, 46};

        assertThat(XmrEngine.averageMovingRange(x, false)).isCloseTo(4.4, within(1e-12));
        assertThat(XmrEngine.averageMovingRange(x, true)).isCloseTo(14.0 / 9, within(1e-12));

        SpcChart screened = XmrEngine.chart(series(x), Direction.AT_MOST, null, List.of(), true, 11);
        SpcChart plain = XmrEngine.chart(series(x), Direction.AT_MOST, null, List.of(), false, 11);
        double mean = 156.0 / 11;
        assertThat(screened.phases().get(0).upl()).isCloseTo(mean + 2.66 * 14 / 9, within(1e-12));
        assertThat(plain.phases().get(0).upl()).isCloseTo(mean + 2.66 * 4.4, within(1e-12));
        assertThat(screened.phases().get(0).mean()).as("the mean keeps every value").isCloseTo(mean, within(1e-12));
    }

    // ---- assurance ----------------------------------------------------------------------------

    @Test
    void shouldGiveTheAssuranceAsNhsrPlotTheDotsTestVectors() {
        // tests/testthat/test-ptd_calculate_assurance_type.R (nhs-r-community/NHSRplotthedots), target 4 against
        // limits 1–3, 5–7 and 1–5
        assertThat(XmrEngine.assurance(Direction.AT_LEAST, 4.0, 1, 3)).isEqualTo(Assurance.CONSISTENT_FAIL);
        assertThat(XmrEngine.assurance(Direction.AT_LEAST, 4.0, 5, 7)).isEqualTo(Assurance.CONSISTENT_PASS);
        assertThat(XmrEngine.assurance(Direction.AT_LEAST, 4.0, 1, 5)).isEqualTo(Assurance.INCONSISTENT);
        assertThat(XmrEngine.assurance(Direction.AT_MOST, 4.0, 1, 3)).isEqualTo(Assurance.CONSISTENT_PASS);
        assertThat(XmrEngine.assurance(Direction.AT_MOST, 4.0, 5, 7)).isEqualTo(Assurance.CONSISTENT_FAIL);
        assertThat(XmrEngine.assurance(Direction.AT_MOST, 4.0, 1, 5)).isEqualTo(Assurance.INCONSISTENT);
        assertThat(XmrEngine.assurance(Direction.AT_MOST, null, 1, 5)).isNull();
    }

    @Test
    void shouldCallATargetOnALimitInconsistentAndOneJustBeyondItConsistent() {
        Phase phase = chart(NOISE).phases().get(0);
        double upl = phase.upl();
        double lpl = phase.lpl();

        assertThat(chart(NOISE, upl).assurance()).isEqualTo(Assurance.INCONSISTENT);
        assertThat(chart(NOISE, Math.nextUp(upl)).assurance()).isEqualTo(Assurance.CONSISTENT_PASS);
        assertThat(chart(NOISE, lpl).assurance()).isEqualTo(Assurance.INCONSISTENT);
        assertThat(chart(NOISE, Math.nextDown(lpl)).assurance()).isEqualTo(Assurance.CONSISTENT_FAIL);
        assertThat(chart(NOISE, 11.0).assurance()).isEqualTo(Assurance.INCONSISTENT);
        SpcChart higherIsBetter = XmrEngine.chart(series(NOISE), Direction.AT_LEAST, Math.nextDown(lpl), List.of(), false, 12);
        assertThat(higherIsBetter.assurance()).isEqualTo(Assurance.CONSISTENT_PASS);
        higherIsBetter = XmrEngine.chart(series(NOISE), Direction.AT_LEAST, lpl, List.of(), false, 12);
        assertThat(higherIsBetter.assurance()).isEqualTo(Assurance.INCONSISTENT);
        higherIsBetter = XmrEngine.chart(series(NOISE), Direction.AT_LEAST, Math.nextUp(upl), List.of(), false, 12);
        assertThat(higherIsBetter.assurance()).isEqualTo(Assurance.CONSISTENT_FAIL);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static SpcChart chart(double[] values) {
        return chart(values, null);
    }

    private static SpcChart chart(double[] values, Double target) {
        return XmrEngine.chart(series(values), Direction.AT_MOST, target, List.of(), false, 12);
    }

    /** Monthly from {@link #START}; NaN is a month without a value. */
    static List<Observation> series(double... values) {
        List<Observation> series = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            series.add(new Observation(START.plusMonths(i), Double.isNaN(values[i]) ? null : values[i]));
        }
        return series;
    }

    static List<Observation> series(Double... values) {
        List<Observation> series = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            series.add(new Observation(START.plusMonths(i), values[i]));
        }
        return series;
    }

    /** Close to the limits (1) or not (0), every point above a mean of 0, the 2-sigma band at ±2. */
    private static int[] twoOfThree(int... close) {
        double[] x = Arrays.stream(close).mapToDouble(c -> c == 1 ? 3 : 1).toArray();
        int[] side = new int[x.length];
        Arrays.fill(side, 1);
        return XmrEngine.twoOfThree(x, side, -2, 2);
    }

    private static List<Rule> rules(List<Signal> signals) {
        return signals.stream().map(Signal::rule).toList();
    }

    private static double[] concat(double[] x, double... more) {
        double[] result = Arrays.copyOf(x, x.length + more.length);
        System.arraycopy(more, 0, result, x.length, more.length);
        return result;
    }
}
