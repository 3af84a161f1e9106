package no.ukp.monitor.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the benchmark builds and how often it measures. The defaults are the national scale of
 * issue 7; every knob is a system property ({@code -Dbenchmark.<name>=...}, passed through by the
 * Maven profile {@code benchmark}).
 *
 * @param municipalities     municipalities in the national data set, the reference data's real ones included (356)
 * @param regions            regions (helsefellesskap communities) in it, the real ones included (19)
 * @param years              years of monthly statistics, short-term statistics and daily snapshots, ending
 *                           with the previous calendar month (15)
 * @param snapshots          how the daily snapshots are loaded: through the service's import or by COPY
 * @param importRows         rows of the big monthly-statistics import file (1 000 000)
 * @param warmupImportRows   rows of the warm-up import file (100 000)
 * @param importRepetitions  timed imports of the big file, each way (3)
 * @param kpiRequests        timed /api/v1/kpis requests per scope (200)
 * @param panelRepetitions   timed runs of each Grafana query (20)
 * @param reportRepetitions  timed PDF reports (5)
 * @param budget             most time the timed runs of one latency figure may take before they stop early (after 3), 15 s
 * @param importBudget       most time the timed big imports may take: no further pair (HTTP and COPY) starts after it (300 s)
 * @param external           a second target database (TimescaleDB), if given
 * @param outputDir          where the JSON, the import files and the embedded database go
 * @param keepFiles          keep the import files and the embedded database's directory after the run
 */
public record BenchmarkSettings(String scale, int municipalities, int regions, int years, SnapshotLoad snapshots,
                                int importRows, int warmupImportRows, int importRepetitions,
                                int kpiRequests, int kpiWarmup, int panelRepetitions, int panelWarmup,
                                int reportRepetitions, int reportWarmup, Duration budget,
                                Duration importBudget, Optional<ExternalDatabase> external, Path outputDir, boolean keepFiles) {

    /** How the daily snapshots reach the database. */
    public enum SnapshotLoad {
        /** {@code POST /api/v1/imports/snapshots}, one file per year, like real deliveries */
        HTTP,
        /** {@code COPY} straight into snapshot and snapshot_revision, with one audit row */
        COPY
    }

    /** A database given by URL: must be empty or hold only a previous benchmark data set. */
    public record ExternalDatabase(String url, String user, String password) {
        @Override
        public String toString() {
            return url + " as " + user; // never the password
        }
    }

    /** The full national scale of issue 7. */
    public static BenchmarkSettings national(Path outputDir) {
        return new BenchmarkSettings("national", 356, 19, 15, SnapshotLoad.COPY, 1_000_000, 100_000, 3,
                200, 20, 20, 2, 5, 1, Duration.ofSeconds(15), Duration.ofSeconds(300), Optional.empty(), outputDir, false);
    }

    /** A quick look (about two minutes): a tenth of the municipalities, 3 years, 100 000 import rows. */
    public static BenchmarkSettings small(Path outputDir) {
        return new BenchmarkSettings("small", 40, 8, 3, SnapshotLoad.COPY, 100_000, 10_000, 2,
                50, 5, 5, 1, 2, 1, Duration.ofSeconds(10), Duration.ofSeconds(120), Optional.empty(), outputDir, false);
    }

    /** From {@code -Dbenchmark.*}: {@code scale} (national | small) first, then each knob over it. */
    public static BenchmarkSettings fromSystemProperties() {
        Function<String, Optional<String>> property = name -> Optional.ofNullable(System.getProperty("benchmark." + name))
                .map(String::strip).filter(s -> !s.isEmpty());
        Path outputDir = Path.of(property.apply("output").orElse("target/benchmark"));
        String scale = property.apply("scale").orElse("national").toLowerCase(Locale.ROOT);
        BenchmarkSettings s = switch (scale) {
            case "national" -> national(outputDir);
            case "small" -> small(outputDir);
            default -> throw new IllegalArgumentException("benchmark.scale must be national or small, not " + scale);
        };
        Optional<ExternalDatabase> external = property.apply("url").map(url -> new ExternalDatabase(url,
                property.apply("user").orElse("postgres"),
                property.apply("password").or(() -> Optional.ofNullable(System.getenv("BENCHMARK_PASSWORD"))).orElse("")));
        int reps = intOr(property, "repetitions", s.importRepetitions);
        return new BenchmarkSettings(scale,
                intOr(property, "municipalities", s.municipalities),
                intOr(property, "regions", s.regions),
                intOr(property, "years", s.years),
                property.apply("snapshots").map(v -> SnapshotLoad.valueOf(v.toUpperCase(Locale.ROOT))).orElse(s.snapshots),
                intOr(property, "import-rows", s.importRows),
                intOr(property, "warmup-import-rows", s.warmupImportRows),
                reps,
                intOr(property, "kpi-requests", s.kpiRequests), s.kpiWarmup,
                intOr(property, "panel-repetitions", s.panelRepetitions), s.panelWarmup,
                intOr(property, "report-repetitions", s.reportRepetitions), s.reportWarmup,
                Duration.ofSeconds(intOr(property, "budget-seconds", (int) s.budget.toSeconds())),
                Duration.ofSeconds(intOr(property, "import-budget-seconds", (int) s.importBudget.toSeconds())),
                external, outputDir, property.apply("keep").map(Boolean::parseBoolean).orElse(false)).validated();
    }

    private static int intOr(Function<String, Optional<String>> property, String name, int fallback) {
        return property.apply(name).map(v -> Integer.parseInt(v.replace("_", ""))).orElse(fallback);
    }

    /** Checks the knobs against each other; returns this. */
    public BenchmarkSettings validated() {
        require(years >= 1 && years <= 25, "benchmark.years must be 1..25 (months before 2000 are refused by the importer)");
        require(importRows >= 1 && warmupImportRows >= 1, "import rows must be positive");
        require(importRepetitions >= 1 && kpiRequests >= 1 && panelRepetitions >= 1 && reportRepetitions >= 1,
                "repetitions must be at least 1");
        require(municipalities >= regions, "benchmark.municipalities must be at least benchmark.regions");
        require(municipalities - 20 <= 1000, "at most 1000 synthetic municipalities (numbers 9000-9999)");
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public BenchmarkSettings withExternal(ExternalDatabase database) {
        return new BenchmarkSettings(scale, municipalities, regions, years, snapshots, importRows, warmupImportRows,
                importRepetitions, kpiRequests, kpiWarmup, panelRepetitions, panelWarmup, reportRepetitions, reportWarmup,
                budget, importBudget, Optional.of(database), outputDir, keepFiles);
    }
}
