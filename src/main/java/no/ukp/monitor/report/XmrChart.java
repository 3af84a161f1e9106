package no.ukp.monitor.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Statistical process control of a monthly series in the style of NHS England's "Making Data
 * Count": an XmR chart (individuals and moving ranges) with the mean, the process limits
 * mean ± 2.66 × mean moving range (3 sigma, sigma = mean moving range / 1.128), the special-cause
 * rules and the assurance verdict against the target. Statistics about a series the views
 * computed; no indicator is computed here.
 *
 * <p>Months without a value are left out; a moving range spans the gap. With fewer than
 * {@link #MIN_POINTS} values there are no limits and no verdicts.
 *
 * @param points      the monthly values, oldest first
 * @param direction   whether lower or higher values are better
 * @param target      the target on the scale of the points; null when none applies
 * @param signals     every special-cause pattern found, in order of its first point
 */
record XmrChart(List<Observation> points, Direction direction, Double target, boolean enoughPoints, double mean,
                double averageMovingRange, List<Signal> signals, Variation variation, Assurance assurance) {

    /** Fewer months than this give no limits: too little to tell common from special cause. */
    static final int MIN_POINTS = 12;
    /** The XmR constant: 3 / d2 with d2 = 1.128 for moving ranges of two. */
    static final double LIMIT_FACTOR = 2.66;
    static final double D2 = 1.128;
    static final int RUN_LENGTH = 7;
    static final int TREND_LENGTH = 6;

    /** One month's value. */
    record Observation(YearMonth month, double value) {
    }

    /** Lower is better (at_most) or higher is better (at_least), as the indicator says. */
    enum Direction {
        AT_MOST, AT_LEAST;

        static Direction of(String direction) {
            return "at_least".equals(direction) ? AT_LEAST : AT_MOST;
        }

        boolean better(Side side) {
            return this == AT_LEAST ? side == Side.HIGH : side == Side.LOW;
        }
    }

    /** Above (or rising) and below (or falling). */
    enum Side {
        HIGH, LOW
    }

    /** The special-cause rules of "Making Data Count". */
    enum Rule {
        OUTSIDE_LIMITS("punkt utenfor prosessgrensene"),
        RUN("7 punkter på rad på samme side av gjennomsnittet"),
        TREND("6 punkter på rad som stiger eller synker"),
        TWO_OF_THREE("2 av 3 punkter på rad nær prosessgrensen (over 2 sigma)");

        final String text;

        Rule(String text) {
            this.text = text;
        }
    }

    /** One special-cause pattern: the rule, which way it points and the indexes of the points it flags. */
    record Signal(Rule rule, Side side, List<Integer> indexes) {

        boolean improvement(Direction direction) {
            return direction.better(side);
        }
    }

    /** The variation of the latest month, as the "Making Data Count" variation icon. */
    enum Variation {
        COMMON("Vanlig variasjon"),
        IMPROVEMENT("Spesiell variasjon – forbedring"),
        CONCERN("Spesiell variasjon – bekymring"),
        TOO_FEW("For få måneder til SPC");

        final String text;

        Variation(String text) {
            this.text = text;
        }
    }

    /** Whether the process, as it runs, will reliably meet the target. */
    enum Assurance {
        MEETS("Vil nå målet"),
        MISSES("Vil ikke nå målet uten endring"),
        EITHER("Kan både nå og ikke nå målet"),
        NOT_ASSESSED("Ikke vurdert");

        final String text;

        Assurance(String text) {
            this.text = text;
        }
    }

    static XmrChart of(List<Observation> points, Direction direction, Double target) {
        List<Observation> series = List.copyOf(points);
        if (series.size() < MIN_POINTS) {
            double mean = series.stream().mapToDouble(Observation::value).average().orElse(Double.NaN);
            return new XmrChart(series, direction, target, false, mean, Double.NaN, List.of(), Variation.TOO_FEW,
                    Assurance.NOT_ASSESSED);
        }
        double[] x = series.stream().mapToDouble(Observation::value).toArray();
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double movingRange = 0;
        for (int i = 1; i < x.length; i++) {
            movingRange += Math.abs(x[i] - x[i - 1]);
        }
        movingRange /= x.length - 1;
        double upper = mean + LIMIT_FACTOR * movingRange;
        double lower = mean - LIMIT_FACTOR * movingRange;
        double sigma = movingRange / D2;

        List<Signal> signals = new ArrayList<>();
        signals.addAll(outsideLimits(x, upper, lower));
        signals.addAll(runs(x, mean));
        signals.addAll(trends(x));
        signals.addAll(twoOfThree(x, mean + 2 * sigma, mean - 2 * sigma));
        signals.sort(java.util.Comparator.comparing((Signal s) -> s.indexes().get(0)).thenComparing(Signal::rule));

        return new XmrChart(series, direction, target, true, mean, movingRange, List.copyOf(signals),
                variation(signals, x.length - 1, direction), assurance(direction, target, upper, lower));
    }

    double upperLimit() {
        return mean + LIMIT_FACTOR * averageMovingRange;
    }

    double lowerLimit() {
        return mean - LIMIT_FACTOR * averageMovingRange;
    }

    double sigma() {
        return averageMovingRange / D2;
    }

    /** The point's colour class: concern beats improvement where signals of both flag it. */
    Variation variationAt(int index) {
        Variation result = Variation.COMMON;
        for (Signal signal : signals) {
            if (signal.indexes().contains(index)) {
                if (!signal.improvement(direction)) {
                    return Variation.CONCERN;
                }
                result = Variation.IMPROVEMENT;
            }
        }
        return result;
    }

    // ---- the rules --------------------------------------------------------------------------

    /** Points beyond a process limit (on it is inside); neighbours on one side make one signal. */
    static List<Signal> outsideLimits(double[] x, double upper, double lower) {
        List<Signal> signals = new ArrayList<>();
        Side current = null;
        List<Integer> group = new ArrayList<>();
        for (int i = 0; i <= x.length; i++) {
            Side side = i == x.length ? null : x[i] > upper ? Side.HIGH : x[i] < lower ? Side.LOW : null;
            if (side != current && !group.isEmpty()) {
                signals.add(new Signal(Rule.OUTSIDE_LIMITS, current, List.copyOf(group)));
                group.clear();
            }
            if (side != null) {
                group.add(i);
            }
            current = side;
        }
        return signals;
    }

    /** Seven or more points in a row on one side of the mean; a point on the mean ends a run. */
    static List<Signal> runs(double[] x, double mean) {
        List<Signal> signals = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= x.length; i++) {
            if (i == x.length || sideOfMean(x[i], mean) != sideOfMean(x[start], mean)) {
                Side side = sideOfMean(x[start], mean);
                if (side != null && i - start >= RUN_LENGTH) {
                    signals.add(new Signal(Rule.RUN, side, range(start, i)));
                }
                start = i;
            }
        }
        return signals;
    }

    /** Six or more points in a row each higher (or each lower) than the one before; a tie ends a trend. */
    static List<Signal> trends(double[] x) {
        List<Signal> signals = new ArrayList<>();
        int start = 0;
        Side current = null;
        for (int i = 1; i <= x.length; i++) {
            Side step = i == x.length ? null : x[i] > x[i - 1] ? Side.HIGH : x[i] < x[i - 1] ? Side.LOW : null;
            if (step == null || step != current) {
                if (current != null && i - start >= TREND_LENGTH) {
                    signals.add(new Signal(Rule.TREND, current, range(start, i)));
                }
                start = i - 1;
                current = step;
            }
        }
        return signals;
    }

    /**
     * Two of three points in a row beyond two sigma on the same side of the mean; the points
     * beyond are flagged, overlapping triples make one signal.
     */
    static List<Signal> twoOfThree(double[] x, double upperTwoSigma, double lowerTwoSigma) {
        List<Signal> signals = new ArrayList<>();
        for (Side side : Side.values()) {
            Set<Integer> flagged = new LinkedHashSet<>();
            int lastTriggered = -2;
            for (int i = 0; i + 2 < x.length; i++) {
                List<Integer> beyond = new ArrayList<>();
                for (int j = i; j < i + 3; j++) {
                    if (side == Side.HIGH ? x[j] > upperTwoSigma : x[j] < lowerTwoSigma) {
                        beyond.add(j);
                    }
                }
                if (beyond.size() >= 2) {
                    if (lastTriggered != i - 1 && !flagged.isEmpty()) {
                        signals.add(new Signal(Rule.TWO_OF_THREE, side, List.copyOf(flagged)));
                        flagged.clear();
                    }
                    flagged.addAll(beyond);
                    lastTriggered = i;
                }
            }
            if (!flagged.isEmpty()) {
                signals.add(new Signal(Rule.TWO_OF_THREE, side, flagged.stream().sorted().toList()));
            }
        }
        return signals;
    }

    private static Side sideOfMean(double value, double mean) {
        return value > mean ? Side.HIGH : value < mean ? Side.LOW : null;
    }

    private static List<Integer> range(int fromInclusive, int toExclusive) {
        return java.util.stream.IntStream.range(fromInclusive, toExclusive).boxed().toList();
    }

    // ---- the verdicts -----------------------------------------------------------------------

    /** As the variation icon: the latest point's, concern beating improvement. */
    private static Variation variation(List<Signal> signals, int last, Direction direction) {
        Variation result = Variation.COMMON;
        for (Signal signal : signals) {
            if (signal.indexes().contains(last)) {
                if (!signal.improvement(direction)) {
                    return Variation.CONCERN;
                }
                result = Variation.IMPROVEMENT;
            }
        }
        return result;
    }

    /**
     * The target beyond the limits on the good side: every value the process gives meets it; on
     * the bad side: none does; between the limits: either. A value on the target meets it, as
     * in the status rules.
     */
    static Assurance assurance(Direction direction, Double target, double upper, double lower) {
        if (target == null) {
            return Assurance.NOT_ASSESSED;
        }
        if (direction == Direction.AT_MOST) {
            return upper <= target ? Assurance.MEETS : lower > target ? Assurance.MISSES : Assurance.EITHER;
        }
        return lower >= target ? Assurance.MEETS : upper < target ? Assurance.MISSES : Assurance.EITHER;
    }
}
