package no.ukp.monitor.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The forecast arithmetic on series whose answer is known: constant series (the forecast is
 * exact), complete years (the actual value), too short histories (a reason), and synthetic series
 * with a known seasonal pattern and noise, on which the backtest's 80 % intervals must hold about
 * 80 % of the actual values and the method must beat seasonal naive.
 */
class ForecastEngineTest {

    /** Synthetic series: many, so that coverage and MASE are averages over thousands of forecasts. */
    private static final int SERIES = 200;
    private static final int MONTHS = 120;
    /** The tolerance stated in docs/analysts.md: the backtest's coverage of the 80 % intervals within 0.75–0.85. */
    private static final double COVERAGE_LOW = 0.75;
    private static final double COVERAGE_HIGH = 0.85;

    @Test
    void shouldForecastAConstantCountExactly() {
        // 10 UKP-days every month for four years up to June 2025: 2025 = 6 known × 10 + 6 forecast × 10
        ForecastEngine.History history = new ForecastEngine.History(YearMonth.of(2025, 6), constant(42, 10), null);
        ForecastEngine.Result result = ForecastEngine.forecast(history, 2025, 150.0, false);
        assertThat(result.reason()).isNull();
        assertThat(result.forecast()).isCloseTo(120.0, within(1e-9));
        assertThat(result.lower80()).isCloseTo(120.0, within(1e-9));
        assertThat(result.upper80()).isCloseTo(120.0, within(1e-9));
        assertThat(result.probabilityTargetMet()).isEqualTo(1.0); // 120 ≤ 150 in every backtest sample
        assertThat(ForecastEngine.forecast(history, 2025, 100.0, false).probabilityTargetMet()).isEqualTo(0.0);
        assertThat(ForecastEngine.forecast(history, 2025, 100.0, true).probabilityTargetMet()).isEqualTo(1.0); // ≥ 100
    }

    @Test
    void shouldFormARatiosYearAsTheRatioOfItsSums() {
        // 2024 complete: January 1 of 8, the other months 3 of 4: (1 + 11·3) / (8 + 11·4) = 34 / 52, not the mean of the ratios
        double[] numerator = constant(36, 3);
        double[] denominator = constant(36, 4);
        numerator[24] = 1;
        denominator[24] = 8;
        ForecastEngine.Result year = ForecastEngine.forecast(
                new ForecastEngine.History(YearMonth.of(2024, 12), numerator, denominator), 2024, 0.65, true);
        assertThat(year.forecast()).isEqualTo(34 / 52.0);
        assertThat(year.probabilityTargetMet()).isEqualTo(1.0); // 0.6538 ≥ 0.65

        // 3 of 4 every month up to June 2025: the forecast sums give 0.75 exactly
        ForecastEngine.Result result = ForecastEngine.forecast(
                new ForecastEngine.History(YearMonth.of(2025, 6), constant(42, 3), constant(42, 4)), 2025, 0.8, true);
        assertThat(result.forecast()).isCloseTo(0.75, within(1e-12));
        assertThat(result.upper80()).isCloseTo(0.75, within(1e-12));
        assertThat(result.probabilityTargetMet()).isEqualTo(0.0);
        assertThat(result.method()).endsWith("teller og nevner hver for seg");
    }

    @Test
    void shouldGiveTheActualValueOfACompleteYear() {
        double[] values = constant(36, 5);
        values[24] = 17; // January 2024 of a history from January 2022 to December 2024
        ForecastEngine.History history = new ForecastEngine.History(YearMonth.of(2024, 12), values, null);
        ForecastEngine.Result result = ForecastEngine.forecast(history, 2024, 70.0, false);
        assertThat(result.forecast()).isEqualTo(17 + 11 * 5.0);
        assertThat(result.lower80()).isEqualTo(72.0);
        assertThat(result.upper80()).isEqualTo(72.0);
        assertThat(result.probabilityTargetMet()).isEqualTo(0.0);
        assertThat(result.method()).isEqualTo("faktisk verdi (hele året har data)");
    }

    @Test
    void shouldSayWhyWhenTheHistoryIsTooShort() {
        // June: 6 months to forecast need 24 + 11 + 6 = 41 months; 40 are too few
        ForecastEngine.Result result = ForecastEngine.forecast(
                new ForecastEngine.History(YearMonth.of(2025, 6), constant(40, 10), null), 2025, 150.0, false);
        assertThat(result.forecast()).isNull();
        assertThat(result.lower80()).isNull();
        assertThat(result.probabilityTargetMet()).isNull();
        assertThat(result.reason()).isEqualTo(
                "For kort historikk til prognose for 2025: trenger minst 41 sammenhengende måneder med data, har 40");
        assertThat(ForecastEngine.forecast(new ForecastEngine.History(YearMonth.of(2025, 6), constant(41, 10), null),
                2025, 150.0, false).forecast()).isEqualTo(120.0, within(1e-9));
        assertThat(ForecastEngine.forecast(new ForecastEngine.History(YearMonth.of(2025, 6), constant(60, 10), null),
                2028, null, false).reason()).startsWith("Prognosen rekker høyst 24 måneder fram");
        assertThat(ForecastEngine.forecast(new ForecastEngine.History(YearMonth.of(2025, 6), constant(60, 10), null),
                2020, null, false).reason()).startsWith("Dataene dekker ikke hele 2020");
    }

    @Test
    void shouldCoverAboutEightyPercentAndBeatSeasonalNaiveOnSeasonalSeries() {
        Random random = new Random(17);
        int n = 0;
        double inside = 0;
        double mase = 0;
        int seasonal = 0;
        for (int s = 0; s < SERIES; s++) {
            double[] y = new double[MONTHS];
            double level = 80 + 40 * random.nextDouble();
            double amplitude = 10 + 10 * random.nextDouble();
            double drift = -0.05 + 0.1 * random.nextDouble();
            for (int t = 0; t < MONTHS; t++) {
                y[t] = level + drift * t + amplitude * Math.sin(2 * Math.PI * t / 12) + 6 * random.nextGaussian();
            }
            ForecastEngine.History history = new ForecastEngine.History(YearMonth.of(2025, 12), y, null);
            ForecastEngine.Backtest backtest = ForecastEngine.backtest(history);
            n += backtest.n();
            inside += backtest.coverage80() * backtest.n();
            mase += backtest.mase();
            seasonal += ForecastEngine.forecast(history, 2026, null, false).method().startsWith("Holt-Winters") ? 1 : 0;
        }
        double coverage = inside / n;
        assertThat(seasonal).as("the season is chosen where the data have one").isEqualTo(SERIES);
        assertThat(coverage).as("coverage of the 80 %% intervals over %d forecasts", n).isBetween(COVERAGE_LOW, COVERAGE_HIGH);
        assertThat(mase / SERIES).as("mean MASE against seasonal naive").isLessThan(0.9);
    }

    @Test
    void shouldLeaveTheSeasonOutWhereTheDataHaveNone() {
        Random random = new Random(4);
        int seasonal = 0;
        double inside = 0;
        int n = 0;
        for (int s = 0; s < 50; s++) {
            double[] y = new double[MONTHS];
            for (int t = 0; t < MONTHS; t++) {
                y[t] = 50 + 5 * random.nextGaussian();
            }
            ForecastEngine.History history = new ForecastEngine.History(YearMonth.of(2025, 12), y, null);
            seasonal += ForecastEngine.forecast(history, 2026, null, false).method().startsWith("Holt-Winters") ? 1 : 0;
            ForecastEngine.Backtest backtest = ForecastEngine.backtest(history);
            n += backtest.n();
            inside += backtest.coverage80() * backtest.n();
        }
        assertThat(seasonal).as("white noise: the season rarely wins").isLessThan(10);
        assertThat(inside / n).isBetween(COVERAGE_LOW, COVERAGE_HIGH);
    }

    private static double[] constant(int months, double value) {
        double[] y = new double[months];
        Arrays.fill(y, value);
        return y;
    }
}
