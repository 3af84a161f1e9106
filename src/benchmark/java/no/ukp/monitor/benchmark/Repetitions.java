package no.ukp.monitor.benchmark;

import java.time.Duration;

/**
 * Runs an action a number of times after a warm-up and times each run. A figure whose runs are so
 * slow that they would take longer than the budget stops early, after at least three runs (or
 * all planned ones, if fewer), and says so; its warm-up stops once it has taken a quarter of the
 * budget. The run stays bounded on a slow machine or a slow query, and each figure shows how many
 * samples it rests on.
 */
public record Repetitions(int warmup, int planned, Duration budget) {

    /** One timed action; returns nothing worth keeping, throws when the answer is wrong. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Milliseconds of each run, with how many were planned and whether the budget cut them short. */
    public record Timings(Stats millis, int planned, boolean cutShort) {
    }

    public Timings time(Action action) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
            action.run();
            if (System.nanoTime() - started > budget.toNanos() / 4) {
                break; // a run this slow warms the caches by itself
            }
        }
        long budgetStart = System.nanoTime();
        double[] samples = new double[planned];
        int done = 0;
        while (done < planned) {
            long t0 = System.nanoTime();
            action.run();
            samples[done++] = (System.nanoTime() - t0) / 1e6;
            if (done >= Math.min(3, planned) && exhausted(budgetStart)) {
                break;
            }
        }
        return new Timings(Stats.of(java.util.Arrays.copyOf(samples, done)), planned, done < planned);
    }

    private boolean exhausted(long since) {
        return System.nanoTime() - since > budget.toNanos();
    }
}
