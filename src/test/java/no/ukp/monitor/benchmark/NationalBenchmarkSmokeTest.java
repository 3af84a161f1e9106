package no.ukp.monitor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import no.ukp.monitor.grafana.GrafanaFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national benchmark's harness end to end at a tiny scale (26 municipalities in 8 regions, 2
 * years, a 3 000-row import file, 2 repetitions) on an embedded PostgreSQL: every figure of issue
 * 7 must be in the JSON with plausible values. Asserts what was measured, never how fast.
 * <p>
 * Always the embedded database: the harness starts the service with {@code --spring.datasource.url=}
 * (command-line arguments beat the environment), so CI's second run with {@code SPRING_DATASOURCE_URL}
 * pointing at a shared TimescaleDB runs this test on an embedded PostgreSQL too. The URL target
 * needs an empty database of its own, which that shared test database is not.
 */
class NationalBenchmarkSmokeTest {

    private static final int MUNICIPALITIES = 26;
    private static final int REGIONS = 8;
    private static final int YEARS = 2;
    private static final int IMPORT_ROWS = 3000;
    private static final int WARMUP_ROWS = 1000;
    private static final int REPETITIONS = 2;

    @TempDir
    Path output;

    @Test
    void shouldMeasureEveryFigureOfTheIssueAndWriteThemAsJson() throws Exception {
        BenchmarkSettings settings = new BenchmarkSettings("smoke", MUNICIPALITIES, REGIONS, YEARS,
                BenchmarkSettings.SnapshotLoad.COPY, IMPORT_ROWS, WARMUP_ROWS, REPETITIONS, 5, 2, 2, 1, 2, 0,
                Duration.ofSeconds(10), Duration.ofSeconds(120), Optional.empty(), output, false).validated();

        NationalBenchmark.Outcome outcome = new NationalBenchmark(settings, System.out).run();

        assertThat(outcome.allTargetsRan()).isTrue();
        JsonNode json = new ObjectMapper().readTree(outcome.jsonFile().toFile());
        assertThat(json).isEqualTo(new ObjectMapper().readTree(output.resolve("latest.json").toFile()));
        assertThat(Files.readString(output.resolve("latest.md"))).contains("import / COPY", "/api/v1/kpis", "/api/v1/indicators",
                "/api/v1/kpis/spc", "PDF report", "/api/v1/national/ranking");
        try (Stream<Path> left = Files.list(output.resolve("files"))) {
            assertThat(left).as("import files deleted").isEmpty();
        }
        assertThat(json.path("dataIsSynthetic").asBoolean()).isTrue();

        JsonNode machine = json.path("machine");
        assertThat(machine.path("cpuModel").asText()).isNotBlank();
        assertThat(machine.path("logicalCpus").asInt()).isPositive();
        assertThat(machine.path("memoryBytes").asLong()).isPositive();
        assertThat(machine.path("os").asText()).isNotBlank();
        assertThat(machine.path("jvm").asText()).contains(System.getProperty("java.runtime.version"));
        assertThat(machine.path("maxHeapBytes").asLong()).isEqualTo(Runtime.getRuntime().maxMemory());

        assertThat(json.path("targets")).hasSize(1);
        JsonNode target = json.path("targets").get(0);
        assertThat(target.path("name").asText()).isEqualTo("embedded");
        assertThat(target.path("database").path("postgresVersion").asText()).matches("\\d+(\\.\\d+)?.*");
        assertThat(target.path("database").path("versionString").asText()).startsWith("PostgreSQL");

        checkImports(target.path("importThroughput"));
        checkHeap(target.path("heap"));
        checkDataSet(target);
        List<String> catalogue = checkIndicators(target.path("indicators"));
        checkKpis(target.path("kpis"), catalogue);
        checkSpc(target.path("spc"), catalogue, target.path("dataSet"));
        checkPanels(target.path("panels"), catalogue);

        JsonNode report = target.path("report");
        assertThat(report.path("millis").path("n").asInt()).isEqualTo(2);
        assertThat(report.path("millis").path("min").asDouble()).isPositive();
        assertThat(report.path("pdfBytes").asInt()).isGreaterThan(1000);
        JsonNode export = target.path("export");
        assertThat(export.path("whole").path("rows").asLong()).isPositive()
                .isEqualTo(target.path("rowCounts").path("monthly_statistics").asLong());
        assertThat(export.path("lastYear").path("rows").asLong()).isPositive().isLessThan(export.path("whole").path("rows").asLong());
        assertThat(export.path("indicators").path("rows").asLong()).isPositive();
        assertThat(export.path("whole").path("heap").path("samples").asInt()).isPositive();

        List<String> goals = new ArrayList<>();
        target.path("checks").forEach(c -> {
            if (!c.path("goal").asText().isEmpty()) {
                assertThat(c.path("met").isBoolean()).as("goal line %s judged", c.path("figure").asText()).isTrue();
                goals.add(c.path("figure").asText());
            }
        });
        assertThat(goals).anyMatch(g -> g.startsWith("import / COPY")).anyMatch(g -> g.startsWith("heap kept alive"))
                .anyMatch(g -> g.startsWith("/api/v1/kpis scope=total")).anyMatch(g -> g.startsWith("/api/v1/indicators"))
                .anyMatch(g -> g.startsWith("/api/v1/kpis/spc " + catalogue.get(0) + " scope=total"))
                .anyMatch(g -> g.startsWith("Grafana "))
                .anyMatch(g -> g.startsWith("PDF report")).anyMatch(g -> g.startsWith("heap kept alive during the whole export"));
    }

    private static void checkImports(JsonNode imports) {
        assertThat(imports.path("rows").asInt()).isEqualTo(IMPORT_ROWS);
        assertThat(imports.path("http")).hasSize(REPETITIONS);
        assertThat(imports.path("copy")).hasSize(REPETITIONS);
        assertThat(imports.path("cutShort").asBoolean()).isFalse();
        for (JsonNode run : imports.path("http")) {
            assertThat(run.path("rowsStored").asInt()).as("rows stored = rows in the file").isEqualTo(IMPORT_ROWS);
            assertThat(run.path("rowsPerSecond").asDouble()).isPositive();
            assertThat(run.path("storeSeconds").asDouble()).isPositive();
            double parts = run.path("uploadSeconds").asDouble() + run.path("storeSeconds").asDouble()
                    + run.path("afterStoreSeconds").asDouble();
            assertThat(parts).as("upload + store + after storing ≈ the request").isBetween(0.5 * run.path("seconds").asDouble(),
                    run.path("seconds").asDouble() + 0.05);
            assertThat(run.path("heap").path("samples").asInt()).isPositive();
            assertThat(run.path("heap").path("peakUsedSampledBytes").asLong()).isPositive();
        }
        for (JsonNode run : imports.path("copy")) {
            assertThat(run.path("rowsStored").asInt()).isEqualTo(IMPORT_ROWS);
            assertThat(run.path("rowsPerSecond").asDouble()).isPositive();
        }
        assertThat(imports.path("warmup")).hasSize(2);
        imports.path("warmup").forEach(run -> assertThat(run.path("rowsStored").asInt()).isEqualTo(WARMUP_ROWS));
        double ratio = imports.path("httpRowsPerSecond").path("p50").asDouble() / imports.path("copyRowsPerSecond").path("p50").asDouble();
        assertThat(imports.path("importToCopyRatio").asDouble()).isPositive().isCloseTo(ratio, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static void checkHeap(JsonNode heap) {
        assertThat(heap.path("warmupImport").path("baselineBytes").asLong()).isPositive();
        assertThat(heap.path("bigImports")).hasSize(REPETITIONS);
        assertThat(heap.path("flat").isBoolean()).isTrue();
        assertThat(heap.path("maxHeapBytes").asLong()).isPositive();
    }

    private static void checkDataSet(JsonNode target) {
        YearMonth last = YearMonth.now(ZoneId.of("Europe/Oslo")).minusMonths(1);
        YearMonth first = last.minusYears(YEARS).plusMonths(1);
        int months = YEARS * 12;
        long days = ChronoUnit.DAYS.between(first.atDay(1), last.atEndOfMonth().plusDays(1));
        int years = last.getYear() - first.getYear() + 1;
        JsonNode dataSet = target.path("dataSet");
        assertThat(dataSet.path("first").asText()).isEqualTo(first.toString());
        assertThat(dataSet.path("last").asText()).isEqualTo(last.toString());
        assertThat(dataSet.path("regions").asInt()).isEqualTo(REGIONS);
        assertThat(dataSet.path("municipalities").asInt()).isEqualTo(MUNICIPALITIES);
        JsonNode rows = target.path("rowCounts");
        assertThat(rows.path("region").asLong()).as("the import benchmark's region is gone").isEqualTo(REGIONS);
        assertThat(rows.path("municipality").asLong()).isEqualTo(MUNICIPALITIES);
        assertThat(rows.path("monthly_statistics").asLong()).isEqualTo((long) MUNICIPALITIES * months * 2);
        assertThat(rows.path("monthly_statistics_revision").asLong()).isEqualTo(rows.path("monthly_statistics").asLong());
        assertThat(rows.path("population").asLong()).isEqualTo((long) MUNICIPALITIES * years);
        assertThat(rows.path("short_term_stays").asLong()).isEqualTo((long) REGIONS * months);
        assertThat(rows.path("snapshot").asLong()).isEqualTo(MUNICIPALITIES * 2 * days);
        assertThat(rows.path("snapshot_revision").asLong()).isEqualTo(rows.path("snapshot").asLong());
        assertThat(rows.path("database_bytes").asLong()).isPositive();
        List<String> steps = new ArrayList<>();
        dataSet.path("steps").forEach(s -> steps.add(s.path("what").asText()));
        assertThat(steps).contains("population", "monthly statistics " + last.getYear(), "short-term stays", "snapshots");
        assertThat(dataSet.path("snapshotsLoadedBy").asText()).startsWith("COPY");
    }

    /** The catalogue's latency figure; returns the ids it answered. */
    private static List<String> checkIndicators(JsonNode indicators) {
        assertThat(indicators.path("path").asText()).isEqualTo("/api/v1/indicators");
        assertThat(indicators.path("millis").path("n").asInt()).isEqualTo(5);
        assertThat(indicators.path("millis").path("p50").asDouble()).isPositive();
        assertThat(indicators.path("millis").path("p95").asDouble()).isGreaterThanOrEqualTo(indicators.path("millis").path("p50").asDouble());
        List<String> ids = new ArrayList<>();
        indicators.path("indicators").forEach(i -> ids.add(i.asText()));
        assertThat(ids).as("the catalogue").isNotEmpty().doesNotHaveDuplicates();
        return ids;
    }

    private static void checkKpis(JsonNode kpis, List<String> catalogue) {
        assertThat(kpis).hasSize(3);
        assertThat(kpis.get(0).path("scope").asText()).isEqualTo("total");
        assertThat(kpis.get(1).path("scope").asText()).startsWith("region:");
        assertThat(kpis.get(2).path("scope").asText()).isEqualTo("municipality:5001");
        String last = YearMonth.now(ZoneId.of("Europe/Oslo")).minusMonths(1).toString();
        for (JsonNode k : kpis) {
            assertThat(k.path("month").asText()).isEqualTo(last);
            List<String> answered = new ArrayList<>();
            k.path("indicators").forEach(i -> answered.add(i.asText()));
            assertThat(answered).as("the kpis of every indicator of the catalogue, in its order").isEqualTo(catalogue);
            assertThat(k.path("millis").path("n").asInt()).isEqualTo(5);
            assertThat(k.path("millis").path("p50").asDouble()).isPositive();
            assertThat(k.path("millis").path("p95").asDouble()).isGreaterThanOrEqualTo(k.path("millis").path("p50").asDouble());
        }
    }

    /** SPC of the catalogue's first indicator in the kpis' scopes, over every month of the data set. */
    private static void checkSpc(JsonNode spc, List<String> catalogue, JsonNode dataSet) {
        assertThat(spc).hasSize(3);
        assertThat(spc.get(0).path("scope").asText()).isEqualTo("total");
        assertThat(spc.get(2).path("scope").asText()).isEqualTo("municipality:5001");
        YearMonth first = YearMonth.parse(dataSet.path("first").asText());
        YearMonth last = YearMonth.parse(dataSet.path("last").asText());
        for (JsonNode s : spc) {
            assertThat(s.path("indicator").asText()).isEqualTo(catalogue.get(0));
            assertThat(s.path("from").asText()).isEqualTo(first.toString());
            assertThat(s.path("points").asLong()).as("every month of the data set has a point")
                    .isEqualTo(first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
            assertThat(s.path("phases").asInt()).isEqualTo(1);
            assertThat(s.path("millis").path("n").asInt()).isEqualTo(5);
            assertThat(s.path("millis").path("p50").asDouble()).isPositive();
            assertThat(s.path("millis").path("p95").asDouble()).isGreaterThanOrEqualTo(s.path("millis").path("p50").asDouble());
        }
    }

    /**
     * Every SQL target of every panel is timed once, and once per copy when its panel is repeated (by the indicator
     * variable, which opens on All: one copy per indicator of the catalogue, named in the figure).
     */
    private static void checkPanels(JsonNode panels, List<String> catalogue) {
        long sqlTargets = 0;
        long otherTargets = 0;
        Map<String, Set<String>> copiesByTarget = new LinkedHashMap<>();
        for (GrafanaFiles.Dashboard d : GrafanaFiles.dashboards()) {
            for (GrafanaFiles.Query q : d.queries()) {
                if (!q.isSql()) {
                    otherTargets++;
                } else if (q.panel().has("repeat")) {
                    assertThat(q.panel().path("repeat").asText()).isEqualTo("indikator");
                    sqlTargets += catalogue.size();
                    copiesByTarget.put(d.uid() + " / " + q.panel().path("title").asText() + " / " + q.target().path("refId").asText(),
                            new TreeSet<>());
                } else {
                    sqlTargets++;
                }
            }
        }
        assertThat(copiesByTarget).as("the repeated panels' targets").isNotEmpty();
        long measuredPanels = 0;
        long notApplicable = 0;
        for (JsonNode p : panels) {
            if (p.path("millis").isNull()) {
                assertThat(p.path("note").asText()).startsWith("n/a");
                notApplicable++;
                continue;
            }
            assertThat(p.path("millis").path("n").asInt()).isEqualTo(2);
            assertThat(p.path("millis").path("p50").asDouble()).isPositive();
            assertThat(p.path("rows").isInt()).isTrue();
            if (p.path("kind").asText().equals("panel")) {
                measuredPanels++;
                if (!p.path("copy").isNull()) {
                    String target = p.path("dashboard").asText() + " / " + p.path("panel").asText() + " / " + p.path("refId").asText();
                    assertThat(copiesByTarget).as("copy %s of a repeated panel", p.path("copy").asText()).containsKey(target);
                    assertThat(copiesByTarget.get(target).add(p.path("copy").asText())).as("%s timed once per copy", target).isTrue();
                }
            }
        }
        assertThat(measuredPanels).as("every SQL target of every panel, of a repeated panel once per copy").isEqualTo(sqlTargets);
        Set<String> expected = new TreeSet<>(catalogue.stream().map(id -> "indikator=" + id).toList());
        copiesByTarget.forEach((target, copies) -> assertThat(copies).as("%s: a copy per indicator", target).isEqualTo(expected));
        assertThat(notApplicable).as("the Prometheus targets").isEqualTo(otherTargets).isPositive();
        assertThat(panels.size()).isGreaterThan((int) sqlTargets); // variables and annotations too
    }
}
