package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Import throughput through the service's own HTTP path against PostgreSQL's COPY of the same
 * rows into the same table of the same database, both on an empty monthly_statistics (emptied
 * between runs), and the heap of the JVM during each HTTP import. A warm-up file first (its
 * figures kept as the small-file reference of the heap), then the big file, alternately through
 * the service and by COPY.
 */
final class ImportBenchmark {

    /**
     * One timed import. Through HTTP, the service's own audit splits the request: {@code uploadSeconds} until the import
     * started (the body spooled to disk), {@code storeSeconds} from start to finish in the audit (read, validate, stage,
     * compare, store, commit), {@code afterStoreSeconds} from then until the answer arrived (what runs after the stored
     * import inside the request, e.g. the indicator gauges' refresh, and the answer itself), {@code backgroundSeconds}
     * how long the database stayed busy after the answer (work the service left running in the background).
     */
    record Run(String path, int rows, long fileBytes, double seconds, double rowsPerSecond, long rowsStored,
               HeapSampler.Figures heap, Double uploadSeconds, Double storeSeconds, Double afterStoreSeconds,
               Double backgroundSeconds) {

        Run withBackground(double seconds) {
            return new Run(path, rows, fileBytes, this.seconds, rowsPerSecond, rowsStored, heap, uploadSeconds, storeSeconds,
                    afterStoreSeconds, seconds);
        }
    }

    /** Everything measured; {@code cutShort} when the time budget stopped the timed runs before {@code planned}. */
    record Result(int rows, long fileBytes, List<Run> warmup, List<Run> http, List<Run> copy, int planned, boolean cutShort,
                  Stats httpRowsPerSecond, Stats copyRowsPerSecond, double importToCopyRatio,
                  Stats httpStoreRowsPerSecond, double storeToCopyRatio, Stats httpAfterStoreSeconds,
                  Stats httpHeapPeakUsedBytes, Stats httpHeapPeakAfterGcBytes, String copyStatement, String note) {
    }

    static final String COPY_COLUMNS = "month, municipality, area, ukp_stays, zero_day_stays, ukp_days, discharged_home, "
            + "readmissions_30d, revision, import_id, recorded_at";

    private final ServiceUnderTest service;
    private final DataSource owner;
    private final Progress progress;

    ImportBenchmark(ServiceUnderTest service, Progress progress) {
        this.service = service;
        this.owner = service.ownerDataSource();
        this.progress = progress;
    }

    /**
     * Runs the whole comparison with the files (written beforehand for the municipalities
     * {@code municipalities}, registered here and removed afterwards with their facts).
     */
    Result run(ImportFiles files, int repetitions, java.time.Duration budget) throws Exception {
        SyntheticReference.addImportMunicipalities(owner, files.municipalities());
        try {
            empty();
            List<Run> warmup = new ArrayList<>();
            warmup.add(http(files.warmup(), files.warmupRows()).withBackground(Quiet.waitFor(owner, progress, "emptying the table")));
            empty();
            warmup.add(copy(files.warmup(), files.warmupRows()));
            empty();
            progress.step("import warm-up: %,d rows, HTTP %.1f s (store %.1f s, after storing %.1f s), COPY %.1f s",
                    files.warmupRows(), warmup.get(0).seconds(), warmup.get(0).storeSeconds(), warmup.get(0).afterStoreSeconds(),
                    warmup.get(1).seconds());
            List<Run> http = new ArrayList<>();
            List<Run> copy = new ArrayList<>();
            long timed = System.nanoTime();
            for (int i = 1; i <= repetitions; i++) {
                if (i > 1 && System.nanoTime() - timed > budget.toNanos()) {
                    progress.step("import: time budget of %d s used up after %d of %d runs each way", budget.toSeconds(), i - 1,
                            repetitions);
                    break;
                }
                settle("import " + i + " via HTTP");
                Run h = http(files.big(), files.bigRows());
                h = h.withBackground(Quiet.waitFor(owner, progress, "emptying the table"));
                http.add(h);
                empty();
                settle("COPY " + i);
                Run c = copy(files.big(), files.bigRows());
                copy.add(c);
                empty();
                progress.step("import %d/%d: %,d rows, HTTP %.1f s (%,.0f rows/s; upload %.1f s, store %.1f s, after storing %.1f s, "
                                + "then busy in the background %.1f s; heap peak %d MB, after GC %d MB), COPY %.1f s (%,.0f rows/s)",
                        i, repetitions, files.bigRows(), h.seconds(), h.rowsPerSecond(), h.uploadSeconds(), h.storeSeconds(),
                        h.afterStoreSeconds(), h.backgroundSeconds(), mb(h.heap().peakUsedSampledBytes()),
                        mb(h.heap().peakAfterGcBytes()), c.seconds(), c.rowsPerSecond());
            }
            Stats httpRate = Stats.of(http.stream().mapToDouble(Run::rowsPerSecond).toArray());
            Stats copyRate = Stats.of(copy.stream().mapToDouble(Run::rowsPerSecond).toArray());
            Stats storeRate = Stats.of(http.stream().mapToDouble(r -> r.rows() / r.storeSeconds()).toArray());
            return new Result(files.bigRows(), Files.size(files.big()), warmup, http, copy, repetitions, http.size() < repetitions,
                    httpRate, copyRate, httpRate.median() / copyRate.median(), storeRate, storeRate.median() / copyRate.median(),
                    Stats.of(http.stream().mapToDouble(Run::afterStoreSeconds).toArray()),
                    Stats.of(http.stream().mapToDouble(r -> r.heap().peakUsedSampledBytes()).toArray()),
                    Stats.of(http.stream().mapToDouble(r -> r.heap().peakAfterGcBytes()).toArray()),
                    "COPY monthly_statistics (" + COPY_COLUMNS + ") FROM STDIN (FORMAT csv)",
                    "HTTP: POST " + files.big().getFileName() + " (text/csv, streamed from disk) as user ingest, wall time of the "
                            + "request until the summary arrives, split by the audit's started_at/finished_at into upload, store "
                            + "and after storing; COPY: the same file's rows with revision 1, an import id and "
                            + "recorded_at added, through the JDBC CopyManager, autocommit; monthly_statistics and its revision "
                            + "table emptied (TRUNCATE) before every run");
        } finally {
            settle("removing the import benchmark's municipalities");
            empty();
            SyntheticReference.removeImportMunicipalities(owner);
            removeCopyAudit();
        }
    }

    private Run http(Path file, int rows) throws Exception {
        HeapSampler heap = HeapSampler.start();
        JsonNode summary;
        double seconds;
        HeapSampler.Figures figures;
        Instant requested;
        Instant answered;
        try {
            requested = Instant.now();
            long t0 = System.nanoTime();
            summary = service.client().importCsv("monthly-statistics", file);
            seconds = (System.nanoTime() - t0) / 1e9;
            answered = Instant.now();
        } finally {
            figures = heap.stop();
        }
        long stored = summary.path("inserted").asLong(-1);
        if (summary.path("rows").asLong() != rows || stored != rows) {
            throw new IllegalStateException("the service should have stored " + rows + " new rows: " + summary);
        }
        double[] split = split(summary.path("importId").asLong(), requested, answered);
        return new Run("http", rows, Files.size(file), seconds, rows / seconds, stored, figures, split[0], split[1], split[2], null);
    }

    private Run copy(Path file, int rows) throws Exception {
        long importId;
        try (Connection c = owner.getConnection()) {
            importId = CopyStream.auditRow(c, "monthly-statistics", "copy-" + file.getFileName(), Files.size(file), rows);
        }
        String suffix = ",1," + importId + "," + OffsetDateTime.now(ZoneOffset.UTC);
        long stored;
        long t0 = System.nanoTime();
        try (Connection c = owner.getConnection();
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CopyStream copy = new CopyStream(c, "COPY monthly_statistics (" + COPY_COLUMNS + ") FROM STDIN (FORMAT csv)");
            in.readLine(); // header
            String line;
            while ((line = in.readLine()) != null) {
                // 2025-06,5001,... -> 2025-06-01,5001,...,1,<import id>,<recorded at>
                copy.buffer().append(line, 0, 7).append("-01").append(line, 7, line.length()).append(suffix).append('\n');
                copy.flushIfFull();
            }
            stored = copy.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (stored != rows) {
            throw new IllegalStateException("COPY stored " + stored + " rows, expected " + rows);
        }
        return new Run("copy", rows, Files.size(file), seconds, rows / seconds, stored, null, null, null, null, null);
    }

    /** Upload, store and after-store seconds of an HTTP import, from the audit's timestamps (the service's clock is this JVM's). */
    private double[] split(long importId, Instant requested, Instant answered) throws SQLException {
        try (Connection c = owner.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT started_at, finished_at FROM import WHERE id = ?")) {
            s.setLong(1, importId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no audit row for import " + importId);
                }
                Instant started = rs.getObject(1, OffsetDateTime.class).toInstant();
                Instant finished = rs.getObject(2, OffsetDateTime.class).toInstant();
                return new double[] {between(requested, started), between(started, finished), between(finished, answered)};
            }
        }
    }

    private static double between(Instant from, Instant to) {
        return Math.max(0, java.time.Duration.between(from, to).toNanos() / 1e9);
    }

    /** The audit rows the COPY side wrote for its rows' import_id: with the rows gone, they describe nothing. */
    private void removeCopyAudit() throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM import WHERE imported_by = 'benchmark' AND file_name LIKE '" + DatabaseGuard.FILE_PREFIX + "copy-%'");
        }
    }

    private void empty() throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            // with the sums the indicators read (V7), which the COPY side never writes: every run starts alike
            s.execute("TRUNCATE monthly_statistics, monthly_statistics_revision, scope_month_sums");
        }
    }

    /** Lets the service's background work after an import end, then writes dirty pages out, before a timed run. */
    private void settle(String before) throws SQLException, InterruptedException {
        Quiet.waitFor(owner, progress, before);
        checkpoint();
    }

    /** Writes dirty pages out before a timed run, so that no run pays for the one before (needs superuser; skipped otherwise). */
    private void checkpoint() {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            // not allowed for this role: the runs still alternate, so both sides see the same
        }
    }

    static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
