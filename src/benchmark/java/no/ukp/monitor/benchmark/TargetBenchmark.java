package no.ukp.monitor.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Everything measured on one database: the service started in this JVM on it, the import
 * comparison on an empty monthly_statistics, the national data set, then the latencies of
 * /api/v1/kpis, /api/v1/indicators and /api/v1/kpis/spc, of every Grafana query and of the PDF report on it.
 */
final class TargetBenchmark {

    /** The database under the service. */
    record Database(String postgresVersion, String versionString, String timescaledbVersion, Map<String, String> settings) {
    }

    /** The heap during the imports through the service; flat when the big file keeps no more alive than the small one. */
    record Heap(String xmx, long maxHeapBytes, HeapSampler.Figures warmupImport, List<HeapSampler.Figures> bigImports,
                long warmupRetainedGrowthBytes, long bigRetainedGrowthBytes, boolean flat, String criterion) {
    }

    /** All figures of one target. */
    record Result(String name, String description, Database database, double serviceStartSeconds,
                  ImportBenchmark.Result importThroughput, Heap heap, NationalDataSet.Result dataSet, Map<String, Long> rowCounts,
                  List<KpiLatency.Figure> kpis, List<KpiLatency.Figure> kpisAsOf, KpiLatency.CatalogueFigure indicators, List<KpiLatency.SpcFigure> spc,
                  SpcStoreFigure spcStore, Stats xmrEngine, List<PanelQueryLatency.Figure> panels,
                  ReportLatency.Figure report, ExportBenchmark.Result export, List<AnalysisLatency.Figure> analysis,
                  ForecastLatency.Result forecast, NationalRankingLatency.Figure national,
                  List<Verdicts.Check> checks, double seconds) {
    }

    static final long FLAT_SLACK_BYTES = 32L * 1024 * 1024;

    private final BenchmarkSettings settings;
    private final Progress progress;
    private final ImportFiles files;
    private final YearMonth last;
    private final Machine machine;

    TargetBenchmark(BenchmarkSettings settings, Progress progress, ImportFiles files, YearMonth last, Machine machine) {
        this.settings = settings;
        this.progress = progress;
        this.files = files;
        this.last = last;
        this.machine = machine;
    }

    /** The embedded PostgreSQL in a fresh directory under the output folder. */
    Result embedded() throws Exception {
        Path dataDir = settings.outputDir().resolve("embedded-postgres");
        FileSystemUtils.deleteRecursively(dataDir);
        long t0 = System.nanoTime();
        progress.step("target embedded: starting the service on an embedded PostgreSQL in %s", dataDir);
        try (ServiceUnderTest service = ServiceUnderTest.embedded(dataDir)) {
            return run("embedded", "embedded PostgreSQL (zonky, as in ./mvnw spring-boot:run)", service, seconds(t0));
        } finally {
            if (!settings.keepFiles()) {
                FileSystemUtils.deleteRecursively(dataDir);
            }
        }
    }

    /** The database of the URL, checked first (empty or an earlier benchmark data set only). */
    Result external(BenchmarkSettings.ExternalDatabase database) throws Exception {
        DatabaseGuard.State state = DatabaseGuard.check(database);
        boolean recreated = state == DatabaseGuard.State.BENCHMARK_DATA && DatabaseGuard.recreateSchema(database);
        long t0 = System.nanoTime();
        progress.step("target %s: %s; starting the service on it", database, state == DatabaseGuard.State.EMPTY ? "empty database"
                : recreated ? "an earlier benchmark data set, schema made anew" : "an earlier benchmark data set, emptied after the start");
        try (ServiceUnderTest service = ServiceUnderTest.external(database)) {
            if (state == DatabaseGuard.State.BENCHMARK_DATA && !recreated) {
                DatabaseGuard.clearBenchmarkData(service.ownerDataSource());
            }
            return run("url", database.url(), service, seconds(t0));
        }
    }

    private Result run(String name, String description, ServiceUnderTest service, double startSeconds) throws Exception {
        long t0 = System.nanoTime();
        DataSource owner = service.ownerDataSource();
        Database database = database(owner);
        progress.step("service up in %.1f s on PostgreSQL %s%s", startSeconds, database.postgresVersion(),
                database.timescaledbVersion() == null ? "" : " with TimescaleDB " + database.timescaledbVersion());

        ImportBenchmark.Result imports = new ImportBenchmark(service, progress).run(files, settings.importRepetitions(), settings.importBudget());
        Heap heap = heap(imports);

        NationalDataSet.Result dataSet = new NationalDataSet(service, settings, settings.outputDir().resolve("files"), progress, last)
                .load();
        Map<String, Long> rowCounts = NationalDataSet.rowCounts(owner);
        progress.step("rows: %s", rowCounts);
        Quiet.waitFor(owner, progress, "the latency figures");
        SpcStoreFigure spcStore = SpcStoreFigure.read(service.client());
        Stats engine = EngineLatency.measure();
        progress.step("XmR engine, 180 months: p50 %.3f ms, p95 %.3f ms", engine.p50(), engine.p95());
        progress.step("SPC charts for the dashboards: %d stored, %d refreshes, max %.2f s", spcStore.charts(),
                spcStore.refreshes(), spcStore.maxSeconds());

        List<KpiLatency.Figure> kpis = KpiLatency.measure(service.client(), kpiScopes(owner),
                new Repetitions(settings.kpiWarmup(), settings.kpiRequests(), settings.budget()), progress);
        List<KpiLatency.Figure> kpisAsOf = KpiLatency.asOf(service.client(), kpis,
                new Repetitions(settings.kpiWarmup(), settings.kpiRequests(), settings.budget()), progress);
        KpiLatency.CatalogueFigure indicators = KpiLatency.catalogue(service.client(),
                new Repetitions(settings.kpiWarmup(), settings.kpiRequests(), settings.budget()), progress);
        List<KpiLatency.SpcFigure> spc = KpiLatency.spc(service.client(), kpiScopes(owner), dataSet.first(),
                new Repetitions(settings.kpiWarmup(), settings.kpiRequests(), settings.budget()), progress);
        List<PanelQueryLatency.Figure> panels = PanelQueryLatency.measure(service, database.timescaledbVersion() != null,
                new Repetitions(settings.panelWarmup(), settings.panelRepetitions(), settings.budget()), progress);
        ForecastLatency.Result forecast = ForecastLatency.measure(service.client(), kpiScopes(owner),
                new Repetitions(settings.kpiWarmup(), settings.kpiRequests(), settings.budget()), progress);
        // a report takes seconds: four times the budget, so that five of them fit while they take up to 12 s at 15 s
        ReportLatency.Figure report = ReportLatency.measure(service.client(),
                new Repetitions(settings.reportWarmup(), settings.reportRepetitions(), settings.budget().multipliedBy(4)), progress);

        ExportBenchmark.Result export = ExportBenchmark.measure(service.client(), dataSet, rowCounts.get("monthly_statistics"), progress);
        List<AnalysisLatency.Figure> analysis = AnalysisLatency.measure(service.client(), kpiScopes(owner),
                new Repetitions(settings.kpiWarmup(), settings.kpiRequests(), settings.budget()), progress);
        NationalRankingLatency.Figure national = NationalRankingLatency.measure(service.client(),
                new Repetitions(settings.kpiWarmup(), settings.kpiRequests(), settings.budget()), progress);

        Result partial = new Result(name, description, database, startSeconds, imports, heap, dataSet, rowCounts, kpis, kpisAsOf, indicators,
                spc, spcStore, engine, panels, report, export, analysis, forecast, national, List.of(), seconds(t0));
        return new Result(name, description, database, startSeconds, imports, heap, dataSet, rowCounts, kpis, kpisAsOf, indicators, spc,
                spcStore, engine, panels, report, export, analysis, forecast, national, Verdicts.checks(partial), seconds(t0));
    }

    /** total, the region with the most municipalities, and Trondheim (or the first municipality). */
    private static List<String> kpiScopes(DataSource owner) throws Exception {
        List<SyntheticReference.Region> regions = SyntheticReference.regions(owner);
        SyntheticReference.Region largest = regions.stream()
                .max(Comparator.comparingInt((SyntheticReference.Region r) -> r.municipalities().size())).orElseThrow();
        String municipality = regions.stream().flatMap(r -> r.municipalities().stream()).filter("5001"::equals).findFirst()
                .orElse(regions.get(0).municipalities().get(0));
        return List.of("total", "region:" + largest.id(), "municipality:" + municipality);
    }

    private Heap heap(ImportBenchmark.Result imports) {
        HeapSampler.Figures warmup = imports.warmup().get(0).heap();
        List<HeapSampler.Figures> big = imports.http().stream().map(ImportBenchmark.Run::heap).toList();
        long warmupGrowth = warmup.retainedGrowthBytes();
        long bigGrowth = big.stream().mapToLong(HeapSampler.Figures::retainedGrowthBytes).max().orElse(0);
        long limit = 2 * warmupGrowth + FLAT_SLACK_BYTES;
        return new Heap(machine.xmxArgument(), machine.maxHeapBytes(), warmup, big, warmupGrowth, bigGrowth, bigGrowth <= limit,
                String.format("flat when the heap kept alive during the %,d-row import (peak after GC − baseline) is at most "
                        + "2 × that of the %,d-row warm-up import + 32 MB", imports.rows(), files.warmupRows()));
    }

    private static Database database(DataSource owner) throws Exception {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            String version;
            String full;
            String timescale;
            try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), version(), "
                    + "(SELECT extversion FROM pg_extension WHERE extname = 'timescaledb')")) {
                rs.next();
                version = rs.getString(1);
                full = rs.getString(2);
                timescale = rs.getString(3);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : List.of("shared_buffers", "work_mem", "maintenance_work_mem", "effective_cache_size",
                    "max_parallel_workers_per_gather", "jit", "synchronous_commit", "fsync")) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "', true)")) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
            return new Database(version, full, timescale, settings);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
