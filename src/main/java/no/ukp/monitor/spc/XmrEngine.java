package no.ukp.monitor.spc;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.spc.SpcChart.Assurance;
import no.ukp.monitor.spc.SpcChart.Direction;
import no.ukp.monitor.spc.SpcChart.Observation;
import no.ukp.monitor.spc.SpcChart.Phase;
import no.ukp.monitor.spc.SpcChart.Point;
import no.ukp.monitor.spc.SpcChart.PointVariation;
import no.ukp.monitor.spc.SpcChart.Rule;
import no.ukp.monitor.spc.SpcChart.Signal;
import no.ukp.monitor.spc.SpcChart.Variation;

/**
 * Statistical process control of a monthly series as NHS England's "Making Data Count" does it
 * (an XmR chart), with the rules of analysis.md: the one place that knows them. Pure arithmetic
 * on the values it is given; no database, no indicator computed here.
 *
 * <p>Everything happens within a phase: its mean, its moving ranges (between consecutive months
 * with a value; a month without one is left out), its limits and its runs, trends and triples,
 * none of which cross into the next phase (as NHSRplotthedots groups by its rebase group).
 */
public final class XmrEngine {

    /** The XmR constant 3 / d2, d2 = 1.128 for moving ranges of two points. */
    public static final double LIMIT_FACTOR = 2.66;
    /** Two thirds of the limit's distance: the 2-sigma band on the same constant as the limits. */
    public static final double TWO_SIGMA_FACTOR = 2.0 / 3.0 * LIMIT_FACTOR;
    /** Moving ranges above this many times their mean are left out when screening (D4 for n = 2). */
    public static final double SCREEN_FACTOR = 3.267;
    /** Points in a shift or a trend. */
    public static final int RUN_LENGTH = 7;

    private XmrEngine() {
    }

    /**
     * The chart of an indicator's monthly series as {@code KpiRepository.series} gives it, held
     * against {@code target} (on the monthly scale) in the indicator's good direction.
     */
    public static SpcChart chart(IndicatorDefinition indicator, List<KpiRepository.Point> monthly, Double target,
                                 Collection<YearMonth> rebases, boolean screenOutliers, int minPoints) {
        List<Observation> observations = monthly.stream()
                .map(p -> new Observation(YearMonth.parse(p.month()), p.value() == null ? null : p.value().doubleValue()))
                .toList();
        return chart(observations, Direction.of(indicator.direction()), target, rebases, screenOutliers, minPoints);
    }

    /**
     * The chart of a series.
     *
     * @param series         the months, oldest first, a null value where a month has none; months
     *                       before the first value are ignored
     * @param direction      the indicator's good direction
     * @param target         the target on the scale of the values (a twelfth of a yearly one), or null
     * @param rebases        months that start a new phase; those not after the first value or after
     *                       the last month change nothing
     * @param screenOutliers leave moving ranges above {@value #SCREEN_FACTOR} × their mean out once
     * @param minPoints      the fewest values a phase needs for limits and signals
     */
    public static SpcChart chart(List<Observation> series, Direction direction, Double target,
                                 Collection<YearMonth> rebases, boolean screenOutliers, int minPoints) {
        int first = 0;
        while (first < series.size() && series.get(first).value() == null) {
            first++;
        }
        if (first == series.size()) {
            return new SpcChart(direction, target, List.of(), List.of(), null, null);
        }
        YearMonth start = series.get(first).month();
        YearMonth last = series.get(series.size() - 1).month();
        List<YearMonth> starts = new ArrayList<>();
        starts.add(start);
        new TreeSet<>(rebases).stream().filter(m -> m.isAfter(start) && !m.isAfter(last)).forEach(starts::add);

        List<Phase> phases = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        int i = first;
        for (int p = 0; p < starts.size(); p++) {
            YearMonth to = p + 1 < starts.size() ? starts.get(p + 1).minusMonths(1) : last;
            List<Observation> values = new ArrayList<>();
            for (; i < series.size() && !series.get(i).month().isAfter(to); i++) {
                if (series.get(i).value() != null) {
                    values.add(series.get(i));
                }
            }
            phases.add(phase(starts.get(p), to, values, p, direction, screenOutliers, minPoints, points));
        }

        Phase latest = phases.get(phases.size() - 1);
        Point latestPoint = points.get(points.size() - 1);
        boolean judged = latest.hasLimits() && latestPoint.phase() == phases.size() - 1;
        return new SpcChart(direction, target, List.copyOf(phases), List.copyOf(points),
                judged ? Variation.of(latestPoint.variation()) : null,
                latest.hasLimits() ? assurance(direction, target, latest.lpl(), latest.upl()) : null);
    }

    /**
     * Whether the series changed from {@code start} on ({@link SpcChange}): the months before it are
     * the baseline, charted as one phase; the months from it on are judged by the four rules against
     * the baseline's mean, limits and 2-sigma band extended forward.
     */
    public static SpcChange change(List<Observation> series, Direction direction, YearMonth start, int minPoints) {
        List<Observation> before = new ArrayList<>();
        List<Observation> after = new ArrayList<>();
        for (Observation o : series) {
            if (o.value() != null) {
                (o.month().isBefore(start) ? before : after).add(o);
            }
        }
        List<Point> points = new ArrayList<>();
        Phase baseline = before.isEmpty() ? new Phase(start, start.minusMonths(1), 0, null, null, null, null, null)
                : phase(before.get(0).month(), start.minusMonths(1), before, 0, direction, false, minPoints, points);
        double[] x = new double[after.size()];
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            x[k] = after.get(k).value();
            sum += x[k];
        }
        List<List<Signal>> signals = baseline.hasLimits()
                ? signals(x, baseline.mean(), baseline.lpl(), baseline.upl(), baseline.lowerTwoSigma(), baseline.upperTwoSigma())
                : null;
        SpcChange.Verdict verdict = x.length < SpcChange.MIN_AFTER || !baseline.hasLimits() ? SpcChange.Verdict.TOO_EARLY
                : SpcChange.Verdict.NO_CHANGE;
        for (int k = 0; k < x.length; k++) {
            List<Signal> own = signals == null ? List.of() : signals.get(k);
            PointVariation variation = variation(own, direction);
            points.add(new Point(after.get(k).month(), x[k], 1, own, variation));
            if (verdict != SpcChange.Verdict.TOO_EARLY && variation != PointVariation.COMMON) {
                verdict = variation == PointVariation.IMPROVEMENT ? SpcChange.Verdict.IMPROVEMENT : SpcChange.Verdict.CONCERN;
            }
        }
        return new SpcChange(start, baseline, x.length, x.length == 0 ? null : sum / x.length, List.copyOf(points), verdict);
    }

    /** One phase's statistics; adds its points, with their signals, to {@code points}. */
    private static Phase phase(YearMonth from, YearMonth to, List<Observation> values, int index, Direction direction,
                               boolean screenOutliers, int minPoints, List<Point> points) {
        int n = values.size();
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = values.get(k).value();
        }
        if (n < Math.max(minPoints, 2)) {
            for (Observation o : values) {
                points.add(new Point(o.month(), o.value(), index, List.of(), PointVariation.COMMON));
            }
            return new Phase(from, to, n, null, null, null, null, null);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double movingRange = averageMovingRange(x, screenOutliers);
        double lpl = mean - LIMIT_FACTOR * movingRange;
        double upl = mean + LIMIT_FACTOR * movingRange;
        double lowerTwoSigma = mean - TWO_SIGMA_FACTOR * movingRange;
        double upperTwoSigma = mean + TWO_SIGMA_FACTOR * movingRange;

        List<List<Signal>> signals = signals(x, mean, lpl, upl, lowerTwoSigma, upperTwoSigma);
        for (int k = 0; k < n; k++) {
            points.add(new Point(values.get(k).month(), x[k], index, signals.get(k), variation(signals.get(k), direction)));
        }
        return new Phase(from, to, n, mean, lpl, upl, lowerTwoSigma, upperTwoSigma);
    }

    /** MR̄ over consecutive values; screened, ranges above {@value #SCREEN_FACTOR} × MR̄ left out once. */
    static double averageMovingRange(double[] x, boolean screenOutliers) {
        double sum = 0;
        for (int k = 1; k < x.length; k++) {
            sum += Math.abs(x[k] - x[k - 1]);
        }
        double average = sum / (x.length - 1);
        if (!screenOutliers) {
            return average;
        }
        double limit = SCREEN_FACTOR * average;
        double kept = 0;
        int count = 0;
        for (int k = 1; k < x.length; k++) {
            double range = Math.abs(x[k] - x[k - 1]);
            if (range <= limit) {
                kept += range;
                count++;
            }
        }
        return count == 0 ? average : kept / count;
    }

    /**
     * Per point, the rules that flag it, in the order of {@link Rule}. A value within {@link #tolerance}
     * of the mean, a limit or the band counts as on it: a sum of doubles must not put the points of a
     * constant series (0.8, 0.8, …) on one side of their own mean (0.8000000000000002).
     */
    static List<List<Signal>> signals(double[] x, double mean, double lpl, double upl, double lowerTwoSigma,
                                      double upperTwoSigma) {
        int n = x.length;
        double tolerance = tolerance(mean);
        int[] side = new int[n];
        for (int k = 0; k < n; k++) {
            side[k] = x[k] > mean + tolerance ? 1 : x[k] < mean - tolerance ? -1 : 0;
        }
        int[] outside = new int[n];
        for (int k = 0; k < n; k++) {
            outside[k] = x[k] > upl + tolerance ? 1 : x[k] < lpl - tolerance ? -1 : 0;
        }
        int[] shift = shift(side);
        int[] trend = trend(x);
        int[] twoOfThree = twoOfThree(x, side, lowerTwoSigma - tolerance, upperTwoSigma + tolerance);
        List<List<Signal>> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            List<Signal> own = new ArrayList<>(4);
            add(own, Rule.OUTSIDE_LIMITS, outside[k]);
            add(own, Rule.SHIFT, shift[k]);
            add(own, Rule.TREND, trend[k]);
            add(own, Rule.TWO_OF_THREE, twoOfThree[k]);
            result.add(own.isEmpty() ? List.of() : List.copyOf(own));
        }
        return result;
    }

    /** How close to the mean or a limit a value counts as on it: a billionth of the mean (at least of 1). */
    static double tolerance(double mean) {
        return 1e-9 * Math.max(1, Math.abs(mean));
    }

    /** {@value #RUN_LENGTH} or more consecutive points on one side of the mean; a point on it breaks the run. */
    static int[] shift(int[] side) {
        int n = side.length;
        int[] flags = new int[n];
        int start = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || side[k] != side[start]) {
                if (side[start] != 0 && k - start >= RUN_LENGTH) {
                    for (int j = start; j < k; j++) {
                        flags[j] = side[start];
                    }
                }
                start = k;
            }
        }
        return flags;
    }

    /**
     * {@value #RUN_LENGTH} or more consecutive points each strictly higher (or each strictly lower)
     * than the one before; a tie breaks the trend. A point that ends one trend and starts the
     * opposite one takes the later trend's direction.
     */
    static int[] trend(double[] x) {
        int n = x.length;
        int[] flags = new int[n];
        int start = 0; // first point of the current run of equal steps
        int step = 0;
        for (int k = 1; k <= n; k++) {
            int next = k == n ? 0 : x[k] > x[k - 1] ? 1 : x[k] < x[k - 1] ? -1 : 0;
            if (next != step || next == 0) {
                if (step != 0 && k - start >= RUN_LENGTH) {
                    for (int j = start; j < k; j++) {
                        flags[j] = step; // later trends are written last: they win the shared point
                    }
                }
                start = k - 1;
                step = next;
            }
        }
        return flags;
    }

    /**
     * In 3 consecutive points all on the same side of the mean, at least 2 beyond the 2-sigma band
     * on that side (beyond the limits counts too): those points.
     */
    static int[] twoOfThree(double[] x, int[] side, double lowerTwoSigma, double upperTwoSigma) {
        int n = x.length;
        int[] flags = new int[n];
        for (int k = 0; k + 2 < n; k++) {
            int s = side[k];
            if (s == 0 || side[k + 1] != s || side[k + 2] != s) {
                continue;
            }
            int beyond = 0;
            for (int j = k; j < k + 3; j++) {
                if (s > 0 ? x[j] > upperTwoSigma : x[j] < lowerTwoSigma) {
                    beyond++;
                }
            }
            if (beyond >= 2) {
                for (int j = k; j < k + 3; j++) {
                    if (s > 0 ? x[j] > upperTwoSigma : x[j] < lowerTwoSigma) {
                        flags[j] = s;
                    }
                }
            }
        }
        return flags;
    }

    private static void add(List<Signal> signals, Rule rule, int direction) {
        if (direction != 0) {
            signals.add(new Signal(rule, direction > 0));
        }
    }

    /** The direction of the point's highest-ranked rule; common where none flags it. */
    static PointVariation variation(List<Signal> signals, Direction direction) {
        Signal highest = null;
        for (Signal signal : signals) {
            if (highest == null || signal.rule().rank > highest.rule().rank) {
                highest = signal;
            }
        }
        if (highest == null) {
            return PointVariation.COMMON;
        }
        return direction.improves(highest.up()) ? PointVariation.IMPROVEMENT : PointVariation.CONCERN;
    }

    /**
     * Where the target lies against the limits: beyond them on the good side, every month meets
     * it; on the bad side, none does; between (or on) them, either. Null without a target.
     */
    static Assurance assurance(Direction direction, Double target, double lpl, double upl) {
        if (target == null) {
            return null;
        }
        if (direction == Direction.AT_MOST) {
            return target > upl ? Assurance.CONSISTENT_PASS : target < lpl ? Assurance.CONSISTENT_FAIL : Assurance.INCONSISTENT;
        }
        return target < lpl ? Assurance.CONSISTENT_PASS : target > upl ? Assurance.CONSISTENT_FAIL : Assurance.INCONSISTENT;
    }
}
