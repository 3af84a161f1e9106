package no.ukp.monitor.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a target against the goals of issue 7: import at least half as fast as COPY,
 * /api/v1/kpis, /api/v1/indicators and /api/v1/kpis/spc p95 under 50 ms, every Grafana query p95 under 100 ms (the budget of every Grafana panel), the PDF report under 2 s
 * (median), a flat heap during the big import. Figures without a goal are shown for context.
 */
final class Verdicts {

    static final double IMPORT_TO_COPY_AT_LEAST = 0.5;
    static final double KPIS_P95_BELOW_MS = 50;
    /** The catalogue is an API read like the kpis: the same budget. */
    static final double INDICATORS_P95_BELOW_MS = 50;
    /** SPC is an API read like the kpis (issue 14): the same budget, on the whole monthly history. */
    static final double SPC_P95_BELOW_MS = 50;
    static final double PANEL_P95_BELOW_MS = 100;
    /** As-of reads (issue 18): the budget of rankings and panels. */
    static final double AS_OF_P95_BELOW_MS = 100;
    static final double REPORT_BELOW_MS = 2000;
    /** The national ranking (issue 20) is read by the report and Grafana too: a panel's budget. */
    static final double NATIONAL_P95_BELOW_MS = 100;

    /**
     * One line of the table: the figure, its central value (median or p50) and its p95 or spread,
     * the goal and whether it is met (null: no goal, or not applicable).
     */
    record Check(String figure, String value, String spread, String goal, Boolean met) {
    }

    private Verdicts() {
    }

    static List<Check> checks(TargetBenchmark.Result r) {
        List<Check> checks = new ArrayList<>();
        ImportBenchmark.Result imp = r.importThroughput();
        String n = imp.http().size() + (imp.cutShort() ? " of " + imp.planned() + ", time budget" : "");
        checks.add(new Check(String.format(Locale.ROOT, "import via HTTP, rows/s (%,d rows, whole request, n=%s)", imp.rows(), n),
                rate(imp.httpRowsPerSecond().median()), spread(imp.httpRowsPerSecond()), "", null));
        checks.add(new Check("  of it: store phase (audit start→finish), rows/s", rate(imp.httpStoreRowsPerSecond().median()),
                spread(imp.httpStoreRowsPerSecond()) + ", " + String.format(Locale.ROOT, "%.2f", imp.storeToCopyRatio()) + "×COPY",
                "", null));
        checks.add(new Check("  of it: after storing, inside the request (gauge refresh …)",
                String.format(Locale.ROOT, "%.1f s", imp.httpAfterStoreSeconds().median()),
                String.format(Locale.ROOT, "min–max %.1f–%.1f s", imp.httpAfterStoreSeconds().min(), imp.httpAfterStoreSeconds().max()),
                "", null));
        double background = imp.http().stream().mapToDouble(ImportBenchmark.Run::backgroundSeconds).max().orElse(0);
        checks.add(new Check("  then: database busy after the answer (background work)", String.format(Locale.ROOT, "%.1f s", background),
                "max over the runs; not in the rows/s", "", null));
        checks.add(new Check(String.format(Locale.ROOT, "COPY of the same rows, rows/s (n=%d)", imp.copy().size()),
                rate(imp.copyRowsPerSecond().median()), spread(imp.copyRowsPerSecond()), "", null));
        checks.add(new Check("import / COPY (ratio of the medians)", String.format(Locale.ROOT, "%.3f", imp.importToCopyRatio()), "",
                String.format(Locale.ROOT, "≥ %.2f", IMPORT_TO_COPY_AT_LEAST), imp.importToCopyRatio() >= IMPORT_TO_COPY_AT_LEAST));
        TargetBenchmark.Heap heap = r.heap();
        checks.add(new Check(String.format(Locale.ROOT, "heap kept alive during the %,d-row import (after GC − baseline)", imp.rows()),
                mb(heap.bigRetainedGrowthBytes()), "warm-up " + String.format(Locale.ROOT, "%,d", imp.warmup().get(0).rows())
                + " rows: " + mb(heap.warmupRetainedGrowthBytes()), "flat", heap.flat()));
        checks.add(new Check(String.format(Locale.ROOT, "heap peak in use during the %,d-row import (sampled)", imp.rows()),
                mb((long) imp.httpHeapPeakUsedBytes().median()), "min–max " + mb((long) imp.httpHeapPeakUsedBytes().min()) + "–"
                + mb((long) imp.httpHeapPeakUsedBytes().max()) + ", " + heap.xmx(), "", null));
        HeapSampler.Figures warm = heap.warmupImport();
        checks.add(new Check(String.format(Locale.ROOT, "heap peak in use during the %,d-row warm-up import", imp.warmup().get(0).rows()),
                mb(warm.peakUsedSampledBytes()), "baseline " + mb(warm.baselineBytes()), "", null));
        for (KpiLatency.Figure k : r.kpis()) {
            checks.add(new Check("/api/v1/kpis scope=" + k.scope() + " (" + n(k.millis(), k.planned(), k.cutShort()) + ")", ms(k.millis().p50()),
                    "p95 " + ms(k.millis().p95()) + ", max " + ms(k.millis().max()),
                    String.format(Locale.ROOT, "p95 < %.0f ms", KPIS_P95_BELOW_MS), k.millis().p95() < KPIS_P95_BELOW_MS));
        }
        for (KpiLatency.Figure k : r.kpisAsOf()) {
            checks.add(new Check("/api/v1/kpis asOf scope=" + k.scope() + " (" + n(k.millis(), k.planned(), k.cutShort()) + ")",
                    ms(k.millis().p50()), "p95 " + ms(k.millis().p95()) + ", max " + ms(k.millis().max()),
                    String.format(Locale.ROOT, "p95 < %.0f ms", AS_OF_P95_BELOW_MS), k.millis().p95() < AS_OF_P95_BELOW_MS));
        }
        KpiLatency.CatalogueFigure c = r.indicators();
        checks.add(new Check(c.path() + " (" + n(c.millis(), c.planned(), c.cutShort()) + ")", ms(c.millis().p50()),
                "p95 " + ms(c.millis().p95()) + ", max " + ms(c.millis().max()),
                String.format(Locale.ROOT, "p95 < %.0f ms", INDICATORS_P95_BELOW_MS), c.millis().p95() < INDICATORS_P95_BELOW_MS));
        for (KpiLatency.SpcFigure s : r.spc()) {
            checks.add(new Check(KpiLatency.SPC + " " + s.indicator() + " scope=" + s.scope() + ", " + s.points() + " months ("
                    + n(s.millis(), s.planned(), s.cutShort()) + ")", ms(s.millis().p50()),
                    "p95 " + ms(s.millis().p95()) + ", max " + ms(s.millis().max()),
                    String.format(Locale.ROOT, "p95 < %.0f ms", SPC_P95_BELOW_MS), s.millis().p95() < SPC_P95_BELOW_MS));
        }
        checks.add(new Check("XmR engine alone, 180 months in 3 phases, screened (n=" + r.xmrEngine().n() + ")",
                String.format(Locale.ROOT, "%.3f ms", r.xmrEngine().p50()),
                String.format(Locale.ROOT, "p95 %.3f ms, max %.3f ms", r.xmrEngine().p95(), r.xmrEngine().max()), "p95 < 1 ms",
                r.xmrEngine().p95() < 1));
        SpcStoreFigure store = r.spcStore();
        checks.add(new Check("SPC charts stored for the dashboards, in the background after an import (" + store.charts()
                + " charts)", String.format(Locale.ROOT, "%.2f s", store.meanSeconds()),
                String.format(Locale.ROOT, "mean over %d refreshes; max of the last minutes %.2f s", store.refreshes(),
                        store.maxSeconds()), "", null));
        checks.addAll(ForecastLatency.checks(r.forecast()));
        for (PanelQueryLatency.Figure p : r.panels()) {
            if (!p.applicable()) {
                checks.add(new Check("Grafana " + p.label(), "n/a", p.note(), "", null));
                continue;
            }
            checks.add(new Check("Grafana " + p.label() + " (" + n(p.millis(), p.planned(), p.cutShort()) + ")", ms(p.millis().p50()),
                    "p95 " + ms(p.millis().p95()) + ", " + p.rows() + " rows",
                    String.format(Locale.ROOT, "p95 < %.0f ms", PANEL_P95_BELOW_MS), p.millis().p95() < PANEL_P95_BELOW_MS));
        }
        checks.addAll(AnalysisLatency.checks(r.analysis()));
        ReportLatency.Figure report = r.report();
        checks.add(new Check("PDF report, monthly, total (" + n(report.millis(), report.planned(), report.cutShort()) + ")",
                ms(report.millis().median()),
                "min–max " + ms(report.millis().min()) + "–" + ms(report.millis().max()),
                String.format(Locale.ROOT, "< %.0f s", REPORT_BELOW_MS / 1000), report.millis().median() < REPORT_BELOW_MS));
        checks.addAll(ExportBenchmark.checks(r.export()));
        checks.add(NationalRankingLatency.check(r.national()));
        return checks;
    }

    /** How many samples a figure rests on, and of how many planned when the time budget cut them short. */
    private static String n(Stats millis, int planned, boolean cutShort) {
        return "n=" + millis.n() + (cutShort ? " of " + planned + ", time budget" : "");
    }

    private static String spread(Stats rates) {
        return "min–max " + rate(rates.min()) + "–" + rate(rates.max());
    }

    static String rate(double rowsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", rowsPerSecond);
    }

    static String ms(double millis) {
        return millis >= 10_000 ? String.format(Locale.ROOT, "%,.1f s", millis / 1000) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
