package no.ukp.monitor.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The console table of a target's figures against the goals, and the same as Markdown for the README. */
final class ResultTable {

    private ResultTable() {
    }

    static void print(PrintStream out, TargetBenchmark.Result r) {
        out.println();
        out.printf(Locale.ROOT, "== %s: %s — PostgreSQL %s%s ==%n", r.name(), r.description(), r.database().postgresVersion(),
                r.database().timescaledbVersion() == null ? " (no TimescaleDB)" : ", TimescaleDB " + r.database().timescaledbVersion());
        out.printf(Locale.ROOT, "   SYNTHETIC national data set: %d regions, %d municipalities, %s..%s; rows: %s%n",
                r.dataSet().regions(), r.dataSet().municipalities(), r.dataSet().first(), r.dataSet().last(), r.rowCounts());
        out.printf(Locale.ROOT, "   snapshots loaded by %s%n", r.dataSet().snapshotsLoadedBy());
        List<Verdicts.Check> checks = r.checks();
        int width = Math.min(90, checks.stream().mapToInt(c -> c.figure().length()).max().orElse(20));
        String format = "%-" + width + "s  %14s  %-36s  %-14s  %s%n";
        out.printf(Locale.ROOT, format, "figure", "median/p50", "p95 / spread", "goal", "met");
        out.println("-".repeat(width + 76));
        for (Verdicts.Check c : checks) {
            out.printf(Locale.ROOT, format, cut(c.figure(), width), c.value(), cut(c.spread(), 36), c.goal(), met(c.met()));
        }
        long failed = checks.stream().filter(c -> Boolean.FALSE.equals(c.met())).count();
        long passed = checks.stream().filter(c -> Boolean.TRUE.equals(c.met())).count();
        out.printf(Locale.ROOT, "   goals met: %d of %d (%d not met); target took %.0f s%n", passed, passed + failed, failed, r.seconds());
    }

    /** The goal lines only (the panel queries summarised), as a Markdown table. */
    static String markdown(TargetBenchmark.Result r) {
        StringBuilder md = new StringBuilder();
        md.append("| figure | median / p50 | p95 / spread | goal | met |\n|---|---:|---|---|---|\n");
        for (Verdicts.Check c : r.checks()) {
            if (c.figure().startsWith("Grafana ")) {
                continue;
            }
            md.append("| ").append(c.figure()).append(" | ").append(c.value()).append(" | ").append(c.spread()).append(" | ")
                    .append(c.goal()).append(" | ").append(met(c.met())).append(" |\n");
        }
        List<PanelQueryLatency.Figure> panels = r.panels().stream().filter(PanelQueryLatency.Figure::applicable).toList();
        PanelQueryLatency.Figure worst = panels.stream().max(java.util.Comparator.comparingDouble(p -> p.millis().p95())).orElse(null);
        long slow = panels.stream().filter(p -> p.millis().p95() >= Verdicts.PANEL_P95_BELOW_MS).count();
        if (worst != null) {
            md.append("| Grafana queries: ").append(panels.size()).append(" SQL, worst: ").append(worst.label()).append(" | ")
                    .append(Verdicts.ms(worst.millis().p50())).append(" | p95 ").append(Verdicts.ms(worst.millis().p95()))
                    .append(" | every p95 < " + Math.round(Verdicts.PANEL_P95_BELOW_MS) + " ms | ").append(slow == 0 ? "yes" : "no (" + slow + " slower)").append(" |\n");
        }
        return md.toString();
    }

    private static String met(Boolean met) {
        return met == null ? "" : met ? "yes" : "NO";
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
