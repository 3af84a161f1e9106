package no.ukp.monitor.benchmark;

import java.util.Arrays;

/**
 * Summary of repeated measurements (milliseconds, or rows per second): count, minimum, median
 * (p50), p95, maximum and mean. Percentiles by the nearest-rank method: p95 of 20 samples is the
 * 19th smallest, of 200 the 190th.
 */
public record Stats(int n, double min, double p50, double p95, double max, double mean) {

    public static Stats of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElseThrow());
    }

    /** Nearest rank: the smallest value with at least {@code p} % of the samples at or below it. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The median. */
    public double median() {
        return p50;
    }
}
