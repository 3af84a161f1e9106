package no.ukp.monitor.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The one place with the forecast arithmetic (analysis.md, "Forecast"; docs/analysts.md): pure
 * Java on an indicator's monthly sums in a scope. Each series (a sum indicator's monthly values,
 * or a ratio's numerator and denominator) is forecast by additive exponential smoothing with a
 * damped trend, with a 12-month season only where the rolling-origin backtest shows that the
 * season forecasts better; a calendar year's value is its known months plus the forecast of the
 * rest (a ratio: the forecast sums divided). Intervals and the probability of meeting the target
 * come from the errors the same method made in the backtest, never from a distribution assumed.
 */
public final class ForecastEngine {

    /** Months that start the model (its level, trend and season come from the first two years). */
    public static final int START_UP = 24;
    /** Backtest errors needed for an interval: per horizon in the backtest, per year in the forecast. */
    public static final int MIN_ERRORS = 12;
    /** The furthest month ahead a forecast reaches. */
    public static final int MAX_HORIZON = 24;
    /** The horizons of the backtest (analysis.md: 1–12 months). */
    public static final int BACKTEST_HORIZONS = 12;
    /** The months of history used at most: the latest ten years. */
    public static final int MAX_HISTORY = 120;

    /** Smoothing of the level, the trend and the season, and the damping of the trend: fixed, conservative values. */
    static final double ALPHA = 0.2;
    static final double BETA = 0.05;
    static final double GAMMA = 0.15;
    static final double PHI = 0.9;

    private static final int SEASON = 12;
    private static final double LOWER = 0.1;
    private static final double UPPER = 0.9;

    private ForecastEngine() {
    }

    /**
     * An unbroken run of months ending with {@code last}: a sum indicator's monthly values
     * ({@code denominator} null; the year's value is their sum), or a ratio's monthly numerator and
     * denominator sums (the year's value is Σ numerator / Σ denominator).
     */
    public record History(YearMonth last, double[] numerator, double[] denominator) {

        public int months() {
            return numerator.length;
        }

        YearMonth first() {
            return last.minusMonths(numerator.length - 1L);
        }

        boolean ratio() {
            return denominator != null;
        }

        /** The month's value: the sum, or the ratio (NaN where the denominator is 0). */
        double value(int i) {
            return ratio() ? (denominator[i] > 0 ? numerator[i] / denominator[i] : Double.NaN) : numerator[i];
        }
    }

    /** The rolling-origin backtest over horizons 1–12: forecasts compared, MASE against seasonal naive, share inside the 80 % interval. */
    public record Backtest(int n, Double mase, double coverage80) {
    }

    /** A year's forecast; every figure null with a Norwegian {@code reason} where the history is too short. */
    public record Result(Double forecast, Double lower80, Double upper80, Double probabilityTargetMet, String method,
                         Backtest backtest, String reason) {

        static Result none(String reason, String method, Backtest backtest) {
            return new Result(null, null, null, null, method, backtest, reason);
        }
    }

    /** The two candidate models: with and without the 12-month season. */
    enum Model {
        SEASONAL("Holt-Winters, additiv sesong og dempet trend"),
        NON_SEASONAL("eksponentiell glatting med dempet trend, uten sesong");

        final String words;

        Model(String words) {
            this.words = words;
        }
    }

    /**
     * The value of calendar year {@code year}, its 80 % interval and the probability that it meets
     * {@code target} ({@code atLeast}: ≥ target, else ≤ target; null target: no probability).
     */
    public static Result forecast(History history, int year, Double target, boolean atLeast) {
        int n = history.months();
        int jan = monthsBetween(history.first(), YearMonth.of(year, 1));
        int dec = jan + SEASON - 1;
        if (n == 0) {
            return Result.none("Ingen sammenhengende månedsdata å lage prognose av", null, null);
        }
        if (jan < 0) {
            return Result.none("Dataene dekker ikke hele " + year + " (sammenhengende data fra "
                    + history.first() + ")", null, null);
        }
        int horizon = dec - n + 1; // the last forecast month, months after the last month with data
        if (horizon > MAX_HORIZON) {
            return Result.none("Prognosen rekker høyst " + MAX_HORIZON + " måneder fram (data til og med " + history.last() + ")",
                    null, null);
        }
        if (horizon <= 0) { // the whole year is known
            double value = yearValue(history, jan, dec, 0, 0);
            Backtest backtest = n > START_UP ? chosen(history).backtest : null;
            return new Result(value, value, value, target == null ? null : meets(value, target, atLeast) ? 1.0 : 0.0,
                    "faktisk verdi (hele året har data)", backtest, null);
        }
        int needed = START_UP + MIN_ERRORS - 1 + horizon;
        if (n < needed) {
            return Result.none("For kort historikk til prognose for " + year + ": trenger minst " + needed
                    + " sammenhengende måneder med data, har " + n, null, null);
        }
        Fit fit = chosen(history);
        int first = Math.max(1, jan - n + 1); // the first horizon of the year still to come
        double restNumerator = Fit.sum(fit.numerator, n, first, horizon);
        double restDenominator = history.ratio() ? Fit.sum(fit.denominator, n, first, horizon) : 0;
        double value = yearValue(history, jan, dec, restNumerator, restDenominator);
        List<Double> samples = new ArrayList<>();
        for (int origin = START_UP; origin + horizon - 1 <= n - 1; origin++) {
            double numeratorError = error(history.numerator(), fit.numerator, origin, first, horizon);
            double denominatorError = history.ratio() ? error(history.denominator(), fit.denominator, origin, first, horizon) : 0;
            double sample = yearValue(history, jan, dec, restNumerator + numeratorError, restDenominator + denominatorError);
            if (!Double.isNaN(sample)) {
                samples.add(sample);
            }
        }
        String method = fit.model.words + (history.ratio() ? ", teller og nevner hver for seg" : "");
        if (Double.isNaN(value) || samples.size() < MIN_ERRORS) {
            return Result.none("For få måneder med nevner over 0 til prognose for " + year, method, fit.backtest);
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Double probability = target == null ? null
                : samples.stream().filter(s -> meets(s, target, atLeast)).count() / (double) samples.size();
        return new Result(value, quantile(sorted, sorted.length, LOWER), quantile(sorted, sorted.length, UPPER), probability, method,
                fit.backtest, null);
    }

    /** The backtest of the model the forecast uses; null where the history is shorter than {@value #START_UP} + 1 months. */
    public static Backtest backtest(History history) {
        return history.months() > START_UP ? chosen(history).backtest : null;
    }

    private static boolean meets(double value, double target, boolean atLeast) {
        return atLeast ? value >= target : value <= target;
    }

    /**
     * The year's value from its known months (indexes jan..dec within the history) and the sums
     * forecast for the rest (a remaining total below 0 counts as 0: sums are never negative);
     * NaN for a ratio without denominator.
     */
    private static double yearValue(History history, int jan, int dec, double restNumerator, double restDenominator) {
        double numerator = Math.max(0, restNumerator);
        double denominator = Math.max(0, restDenominator);
        for (int i = jan; i <= Math.min(dec, history.months() - 1); i++) {
            numerator += history.numerator()[i];
            denominator += history.ratio() ? history.denominator()[i] : 0;
        }
        if (!history.ratio()) {
            return numerator;
        }
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    /** Actual minus forecast, summed over the horizons first..last, of the forecast made at {@code origin}. */
    private static double error(double[] actual, double[][] forecasts, int origin, int first, int last) {
        double sum = 0;
        for (int h = first; h <= last; h++) {
            sum += actual[origin - 1 + h] - forecasts[origin - START_UP][h - 1];
        }
        return sum;
    }

    // ---- the model and its backtest -------------------------------------------------------------

    /** A model's forecasts of each series from every origin, and its backtest. */
    private record Fit(Model model, double[][] numerator, double[][] denominator, Backtest backtest, double mae) {

        /** The sum of the forecasts of horizons first..last made at {@code origin}. */
        static double sum(double[][] forecasts, int origin, int first, int last) {
            double sum = 0;
            for (int h = first; h <= last; h++) {
                sum += forecasts[origin - START_UP][h - 1];
            }
            return sum;
        }
    }

    /** The model with the smaller mean absolute error in the backtest; the season only where it wins. */
    private static Fit chosen(History history) {
        Fit seasonal = fit(history, Model.SEASONAL);
        Fit flat = fit(history, Model.NON_SEASONAL);
        return flat.mae < seasonal.mae ? flat : seasonal;
    }

    private static Fit fit(History history, Model model) {
        double[][] numerator = forecasts(history.numerator(), model == Model.SEASONAL);
        double[][] denominator = history.ratio() ? forecasts(history.denominator(), model == Model.SEASONAL) : null;
        int n = history.months();
        // per horizon, the errors of the origins so far, sorted: the interval of a later origin comes from them
        List<List<Double>> known = new ArrayList<>();
        for (int h = 0; h < BACKTEST_HORIZONS; h++) {
            known.add(new ArrayList<>());
        }
        double[][] errors = new double[n][BACKTEST_HORIZONS];
        double absolute = 0;
        double absoluteNaive = 0;
        int compared = 0;
        int inside = 0;
        double absoluteAll = 0;
        int all = 0;
        for (int origin = START_UP; origin < n; origin++) {
            for (int h = 1; h <= BACKTEST_HORIZONS; h++) {
                int from = origin - h; // the origin whose error at horizon h is known from this origin on
                if (from >= START_UP && !Double.isNaN(errors[from][h - 1])) {
                    insert(known.get(h - 1), errors[from][h - 1]);
                }
                int month = origin - 1 + h;
                double e = Double.NaN;
                if (month < n) {
                    double predicted = denominator == null ? numerator[origin - START_UP][h - 1]
                            : ratio(numerator[origin - START_UP][h - 1], denominator[origin - START_UP][h - 1]);
                    e = history.value(month) - predicted;
                    double naive = history.value(month) - history.value(month - SEASON);
                    if (!Double.isNaN(e) && !Double.isNaN(naive)) {
                        absoluteAll += Math.abs(e);
                        all++;
                        List<Double> pool = known.get(h - 1);
                        if (pool.size() >= MIN_ERRORS) {
                            double[] sorted = pool.stream().mapToDouble(Double::doubleValue).toArray();
                            double lower = quantile(sorted, sorted.length, LOWER);
                            double upper = quantile(sorted, sorted.length, UPPER);
                            absolute += Math.abs(e);
                            absoluteNaive += Math.abs(naive);
                            compared++;
                            inside += e >= lower && e <= upper ? 1 : 0;
                        }
                    }
                }
                errors[origin][h - 1] = e;
            }
        }
        // MASE: undefined (null) where seasonal naive made no error at all
        Backtest backtest = compared == 0 ? null
                : new Backtest(compared, absoluteNaive == 0 ? null : absolute / absoluteNaive, inside / (double) compared);
        return new Fit(model, numerator, denominator, backtest, all == 0 ? Double.POSITIVE_INFINITY : absoluteAll / all);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? Math.max(0, numerator) / denominator : Double.NaN;
    }

    /** Keeps the list sorted. */
    private static void insert(List<Double> sorted, double value) {
        int at = Collections.binarySearch(sorted, value);
        sorted.add(at < 0 ? -at - 1 : at, value);
    }

    /**
     * Additive exponential smoothing with a damped trend (and, {@code seasonal}, a 12-month additive
     * season), run once over the series: row {@code origin − START_UP} holds the forecasts of
     * horizons 1..{@value #MAX_HORIZON} made with the months before {@code origin}, for every origin
     * from {@value #START_UP} to the end. Started from the first two years: level their first year's
     * mean, trend the change of the yearly means / 12, season each month's mean deviation from that line.
     */
    static double[][] forecasts(double[] y, boolean seasonal) {
        int n = y.length;
        double[][] forecasts = new double[Math.max(0, n - START_UP + 1)][MAX_HORIZON];
        if (n < START_UP) {
            return forecasts;
        }
        double firstYear = mean(y, 0, SEASON);
        double secondYear = mean(y, SEASON, 2 * SEASON);
        double trend = (secondYear - firstYear) / SEASON;
        double[] season = new double[SEASON];
        if (seasonal) {
            for (int m = 0; m < SEASON; m++) {
                season[m] = ((y[m] - line(firstYear, trend, m)) + (y[m + SEASON] - line(firstYear, trend, m + SEASON))) / 2;
            }
            double mean = Arrays.stream(season).average().orElse(0);
            for (int m = 0; m < SEASON; m++) {
                season[m] -= mean;
            }
        }
        double level = line(firstYear, trend, -1);
        for (int t = 0; t <= n; t++) {
            if (t >= START_UP) {
                double damped = 0;
                double power = 1;
                for (int h = 1; h <= MAX_HORIZON; h++) {
                    power *= PHI;
                    damped += power;
                    forecasts[t - START_UP][h - 1] = level + damped * trend + season[(t - 1 + h) % SEASON];
                }
            }
            if (t == n) {
                break;
            }
            int m = t % SEASON;
            double previous = level;
            level = ALPHA * (y[t] - season[m]) + (1 - ALPHA) * (level + PHI * trend);
            trend = BETA * (level - previous) + (1 - BETA) * PHI * trend;
            if (seasonal) {
                season[m] = GAMMA * (y[t] - level) + (1 - GAMMA) * season[m];
            }
        }
        return forecasts;
    }

    /** The first year's straight line at month m (its mean sits at month 5.5). */
    private static double line(double firstYearMean, double trend, int m) {
        return firstYearMean + (m - 5.5) * trend;
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / (to - from);
    }

    /** The p-quantile of the first {@code size} sorted values, linear between order statistics (R's type 7). */
    static double quantile(double[] sorted, int size, double p) {
        double position = (size - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(size - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Months from {@code from} to {@code to} (negative when to is before from). */
    static int monthsBetween(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue();
    }
}
