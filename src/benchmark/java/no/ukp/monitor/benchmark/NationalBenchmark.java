package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national-scale benchmark of issue 7: {@code ./mvnw -B -Pbenchmark verify} runs this class in a
 * JVM of its own. On the embedded PostgreSQL and, with {@code -Dbenchmark.url=…}, on a second
 * database (TimescaleDB), it measures import throughput through the service's HTTP path against
 * COPY, the heap during the big import, the latency of /api/v1/kpis, /api/v1/indicators and
 * /api/v1/kpis/spc, every Grafana query's latency and the PDF report's time on a SYNTHETIC national data set, and prints a table per target and JSON
 * ({@code target/benchmark/benchmark-<time>.json}, {@code latest.json}, {@code latest.md}). It
 * prints figures; it fails only when something does not work, never because something is slow.
 */
public final class NationalBenchmark {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** What a run produced. */
    public record Outcome(ObjectNode json, Path jsonFile, boolean allTargetsRan) {
    }

    private final BenchmarkSettings settings;
    private final Progress progress;

    public NationalBenchmark(BenchmarkSettings settings, PrintStream out) {
        this.settings = settings;
        this.progress = new Progress(out);
    }

    public static void main(String[] args) {
        int status;
        try {
            Outcome outcome = new NationalBenchmark(BenchmarkSettings.fromSystemProperties(), System.out).run();
            status = outcome.allTargetsRan() ? 0 : 1;
        } catch (Throwable e) {
            System.err.println("Benchmark failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the services' and databases' threads are closed, but be sure the forked JVM ends
    }

    public Outcome run() throws Exception {
        Instant started = Instant.now();
        Machine machine = Machine.describe();
        PrintStream out = progress.out();
        out.println("UKP monitor national-scale benchmark (issue 7). All data are SYNTHETIC (made up, deterministic).");
        out.println("Machine: " + machine.summary());
        progress.step("settings: scale %s, %d municipalities in %d regions, %d years, import %,d rows (warm-up %,d) × %d, "
                        + "kpis %d requests, panels %d runs, report %d runs, budget %d s per latency figure and %d s for the big imports, "
                        + "snapshots by %s%s",
                settings.scale(), settings.municipalities(), settings.regions(), settings.years(), settings.importRows(),
                settings.warmupImportRows(), settings.importRepetitions(), settings.kpiRequests(), settings.panelRepetitions(),
                settings.reportRepetitions(), settings.budget().toSeconds(), settings.importBudget().toSeconds(), settings.snapshots(),
                settings.external().map(e -> ", second target " + e).orElse(""));
        if (settings.external().isPresent()) {
            DatabaseGuard.check(settings.external().get()); // refuse at once, not after the embedded run
        }
        YearMonth last = YearMonth.now(ZoneId.of("Europe/Oslo")).minusMonths(1);
        Files.createDirectories(settings.outputDir());
        Path filesDir = settings.outputDir().resolve("files");
        long w0 = System.nanoTime();
        ImportFiles files = ImportFiles.write(filesDir, settings.warmupImportRows(), settings.importRows(), last);
        progress.step("import files written in %.1f s: %s (%,d bytes), %s (%,d bytes), for %d synthetic municipalities",
                TargetBenchmark.seconds(w0), files.warmup(), Files.size(files.warmup()), files.big(), Files.size(files.big()),
                files.municipalities());

        TargetBenchmark targets = new TargetBenchmark(settings, progress, files, last, machine);
        List<TargetBenchmark.Result> results = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        try {
            results.add(targets.embedded());
            if (settings.external().isPresent()) {
                try {
                    results.add(targets.external(settings.external().get()));
                } catch (Exception e) {
                    failures.put(settings.external().get().url(), e.toString());
                    progress.step("target %s failed: %s", settings.external().get(), e);
                    e.printStackTrace(out);
                }
            }
        } finally {
            if (!settings.keepFiles()) {
                files.delete();
            }
        }

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("benchmark", "UKP monitor national-scale benchmark (issue 7)");
        root.put("dataIsSynthetic", true);
        root.put("startedAt", started.toString());
        root.put("finishedAt", Instant.now().toString());
        root.put("seconds", (System.nanoTime() - w0) / 1e9);
        root.set("settings", json.valueToTree(settingsMap()));
        root.set("machine", json.valueToTree(machine));
        root.set("goals", json.valueToTree(goals()));
        root.set("targets", json.valueToTree(results));
        root.set("failedTargets", json.valueToTree(failures));

        for (TargetBenchmark.Result r : results) {
            ResultTable.print(out, r);
        }
        Path file = settings.outputDir().resolve("benchmark-" + STAMP.format(started) + ".json");
        json.writeValue(file.toFile(), root);
        Files.copy(file, settings.outputDir().resolve("latest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine.summary()).append(". Run ").append(started).append(", SYNTHETIC data.\n\n");
        for (TargetBenchmark.Result r : results) {
            md.append("**").append(r.name()).append("** (PostgreSQL ").append(r.database().postgresVersion())
                    .append(r.database().timescaledbVersion() == null ? "" : ", TimescaleDB " + r.database().timescaledbVersion())
                    .append(")\n\n").append(ResultTable.markdown(r)).append('\n');
        }
        Files.writeString(settings.outputDir().resolve("latest.md"), md);
        out.println();
        out.println("JSON: " + file.toAbsolutePath() + " (and latest.json, latest.md beside it)");
        failures.forEach((target, error) -> out.println("FAILED target " + target + ": " + error));
        return new Outcome(root, file, failures.isEmpty());
    }

    private Map<String, Object> settingsMap() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("scale", settings.scale());
        s.put("municipalities", settings.municipalities());
        s.put("regions", settings.regions());
        s.put("years", settings.years());
        s.put("snapshots", settings.snapshots().name().toLowerCase(java.util.Locale.ROOT));
        s.put("importRows", settings.importRows());
        s.put("warmupImportRows", settings.warmupImportRows());
        s.put("importRepetitions", settings.importRepetitions());
        s.put("kpiRequests", settings.kpiRequests());
        s.put("kpiWarmup", settings.kpiWarmup());
        s.put("panelRepetitions", settings.panelRepetitions());
        s.put("panelWarmup", settings.panelWarmup());
        s.put("reportRepetitions", settings.reportRepetitions());
        s.put("reportWarmup", settings.reportWarmup());
        s.put("budgetSecondsPerLatencyFigure", settings.budget().toSeconds());
        s.put("importBudgetSeconds", settings.importBudget().toSeconds());
        s.put("externalUrl", settings.external().map(BenchmarkSettings.ExternalDatabase::url).orElse(null));
        return s;
    }

    private static Map<String, Object> goals() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("importToCopyRatioAtLeast", Verdicts.IMPORT_TO_COPY_AT_LEAST);
        g.put("kpisP95MillisBelow", Verdicts.KPIS_P95_BELOW_MS);
        g.put("kpisAsOfP95MillisBelow", Verdicts.AS_OF_P95_BELOW_MS);
        g.put("indicatorsP95MillisBelow", Verdicts.INDICATORS_P95_BELOW_MS);
        g.put("spcP95MillisBelow", Verdicts.SPC_P95_BELOW_MS);
        g.put("grafanaQueryP95MillisBelow", Verdicts.PANEL_P95_BELOW_MS);
        g.put("reportMedianMillisBelow", Verdicts.REPORT_BELOW_MS);
        g.put("analysisP95MillisBelow", AnalysisLatency.P95_BELOW_MS);
        g.put("nationalRankingP95MillisBelow", Verdicts.NATIONAL_P95_BELOW_MS);
        g.put("heap", "flat during the big import: what it keeps alive (peak after GC − baseline) at most 2 × the warm-up "
                + "import's + 32 MB");
        g.put("exportHeap", "flat during the whole export of monthly statistics: at most 2 × what the last year's export keeps + 32 MB");
        return g;
    }
}
