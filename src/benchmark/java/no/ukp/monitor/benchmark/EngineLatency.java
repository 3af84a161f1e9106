package no.ukp.monitor.benchmark;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.spc.SpcChart;
import no.ukp.monitor.spc.XmrEngine;

/**
 * The XmR engine alone, in this JVM: a 15-year monthly series (180 months, three phases, moving
 * ranges screened) charted {@value #RUNS} times after {@value #WARMUP} warm-up runs, each timed.
 * Issue 14 asks for "well under a millisecond"; a figure here, not a timed test.
 */
final class EngineLatency {

    static final int WARMUP = 5_000;
    static final int RUNS = 2_000;

    private EngineLatency() {
    }

    static Stats measure() {
        List<SpcChart.Observation> series = new ArrayList<>();
        YearMonth start = YearMonth.of(2011, 1);
        for (int i = 0; i < 180; i++) {
            // a seasonal wave with a step and some noise, deterministic
            series.add(new SpcChart.Observation(start.plusMonths(i), 100 + 10 * Math.sin(i / 2.0) + (i >= 90 ? 15 : 0) + (i * 37 % 11)));
        }
        List<YearMonth> rebases = List.of(start.plusMonths(60), start.plusMonths(120));
        for (int i = 0; i < WARMUP; i++) {
            XmrEngine.chart(series, SpcChart.Direction.AT_MOST, 100.0, rebases, true, 12);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            XmrEngine.chart(series, SpcChart.Direction.AT_MOST, 100.0, rebases, true, 12);
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Stats.of(millis);
    }
}
