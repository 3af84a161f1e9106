package no.ukp.monitor.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysts' exports at national scale (issue 17) as user analyst, each answer read as a stream
 * and counted (lines, bytes) by the client, never held: {@code GET /api/v1/export/monthly-statistics}
 * of the last year of the data set and of the whole data set (every year, municipality and area),
 * while {@link HeapSampler} watches this JVM, which the service runs in; and
 * {@code GET /api/v1/export/indicators} of the latest month (every scope, indicator and window).
 * The heap is flat when the whole export keeps alive (peak after GC − baseline) at most 2 × what
 * the one-year export keeps + 32 MB, the criterion of the big import: the export streams, it does
 * not hold the rows.
 */
final class ExportBenchmark {

    static final String MONTHLY = "/api/v1/export/monthly-statistics";
    static final String INDICATORS = "/api/v1/export/indicators";
    static final String ANALYST = "analyst";

    /** One export: its data rows (lines after the header), bytes, time and the heap meanwhile. */
    record Run(String path, long rows, long bytes, double seconds, double rowsPerSecond, HeapSampler.Figures heap) {
    }

    /** The three exports and the verdict on the heap. */
    record Result(Run lastYear, Run whole, Run indicators, long expectedRows, boolean flat, String criterion) {
    }

    private ExportBenchmark() {
    }

    static Result measure(ServiceClient client, NationalDataSet.Result dataSet, long monthlyStatisticsRows, Progress progress)
            throws Exception {
        String year = dataSet.last().substring(0, 4);
        String lastYearPath = MONTHLY + "?format=csv&from=" + year + "-01";
        run(client, lastYearPath); // warm-up
        Run lastYear = run(client, lastYearPath);
        Run whole = run(client, MONTHLY + "?format=csv");
        if (whole.rows() != monthlyStatisticsRows) {
            throw new IllegalStateException(MONTHLY + " gave " + whole.rows() + " rows; monthly_statistics has " + monthlyStatisticsRows);
        }
        Run indicators = run(client, INDICATORS + "?format=csv");
        long limit = 2 * lastYear.heap().retainedGrowthBytes() + TargetBenchmark.FLAT_SLACK_BYTES;
        boolean flat = whole.heap().retainedGrowthBytes() <= limit;
        for (Run r : List.of(lastYear, whole, indicators)) {
            progress.step("%s: %,d rows, %,d bytes in %.2f s (%,.0f rows/s); heap baseline %s, peak in use %s, kept alive %s",
                    r.path(), r.rows(), r.bytes(), r.seconds(), r.rowsPerSecond(), Verdicts.mb(r.heap().baselineBytes()),
                    Verdicts.mb(r.heap().peakUsedSampledBytes()), Verdicts.mb(r.heap().retainedGrowthBytes()));
        }
        return new Result(lastYear, whole, indicators, monthlyStatisticsRows, flat,
                String.format(Locale.ROOT, "flat when the heap kept alive during the whole export (%,d rows; peak after GC − baseline) "
                        + "is at most 2 × that of the last year's (%,d rows) + 32 MB", whole.rows(), lastYear.rows()));
    }

    /** The figures of the table. */
    static List<Verdicts.Check> checks(Result r) {
        List<Verdicts.Check> checks = new ArrayList<>();
        for (Run run : List.of(r.lastYear(), r.whole(), r.indicators())) {
            checks.add(new Verdicts.Check(String.format(Locale.ROOT, "export %s, rows/s (%,d rows, %,d bytes)", run.path(), run.rows(),
                    run.bytes()), Verdicts.rate(run.rowsPerSecond()), String.format(Locale.ROOT, "%.2f s", run.seconds()), "", null));
        }
        checks.add(new Verdicts.Check(String.format(Locale.ROOT, "heap kept alive during the whole export, %,d rows (after GC − baseline)",
                r.whole().rows()), Verdicts.mb(r.whole().heap().retainedGrowthBytes()), "last year " + String.format(Locale.ROOT, "%,d",
                r.lastYear().rows()) + " rows: " + Verdicts.mb(r.lastYear().heap().retainedGrowthBytes()) + "; peak in use "
                + Verdicts.mb(r.whole().heap().peakUsedSampledBytes()), "flat", r.flat()));
        return checks;
    }

    private static Run run(ServiceClient client, String path) throws IOException, InterruptedException {
        HeapSampler heap = HeapSampler.start();
        long lines = 0;
        long bytes = 0;
        double seconds;
        HeapSampler.Figures figures;
        long t0 = System.nanoTime(); // the whole request: the query's start, every row, the last byte
        try (InputStream body = client.stream(path, ANALYST, "text/csv")) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            seconds = TargetBenchmark.seconds(t0);
        } finally {
            figures = heap.stop();
        }
        long rows = Math.max(0, lines - 1);
        return new Run(path, rows, bytes, seconds, rows / seconds, figures);
    }
}
