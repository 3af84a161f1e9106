package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysis reads of issue 17 as user viewer, timed as the kpis are: {@code GET
 * /api/v1/analysis/decomposition} (year to date, latest month) and {@code GET
 * /api/v1/analysis/scenario} (10 % fewer stays, 0-day share 0.85, 3 days) in each scope. Each
 * answer is checked first: a decomposition with a member per municipality of the scope (every
 * municipality of the country for the total), a scenario with a baseline and a scenario. Goal:
 * p95 under 50 ms, as every API read.
 */
final class AnalysisLatency {

    static final String DECOMPOSITION = "/api/v1/analysis/decomposition";
    static final String SCENARIO = "/api/v1/analysis/scenario";
    static final double P95_BELOW_MS = 50;

    /** Latency of one read; {@code members} the municipalities a decomposition listed (0 for a scenario). */
    record Figure(String path, String scope, int members, Stats millis, int planned, boolean cutShort) {
    }

    private AnalysisLatency() {
    }

    static List<Figure> measure(ServiceClient client, List<String> scopes, Repetitions repetitions, Progress progress)
            throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (String scope : scopes) {
            String decomposition = DECOMPOSITION + "?window=ytd&scope=" + scope;
            JsonNode answer = client.getJson(decomposition, ServiceUnderTest.VIEWER);
            if (!answer.has("contributions") || answer.path("members").isEmpty()) {
                throw new IllegalStateException(decomposition + " should answer contributions and members: " + answer);
            }
            figures.add(time(client, decomposition, scope, answer.path("members").size(), repetitions, progress));
            String scenario = SCENARIO + "?scope=" + scope + "&staysChange=-0.1&zeroDayShare=0.85&meanDays=3";
            JsonNode what = client.getJson(scenario, ServiceUnderTest.VIEWER);
            if (!what.path("baseline").has("ukpDays") || !what.path("scenario").path("ukpDays").isNumber()) {
                throw new IllegalStateException(scenario + " should answer a baseline and a scenario: " + what);
            }
            figures.add(time(client, scenario, scope, 0, repetitions, progress));
        }
        return figures;
    }

    private static Figure time(ServiceClient client, String path, String scope, int members, Repetitions repetitions,
                               Progress progress) throws Exception {
        Repetitions.Timings t = repetitions.time(() -> client.get(path, ServiceUnderTest.VIEWER, "application/json"));
        progress.step("%s: p50 %.1f ms, p95 %.1f ms (n=%d)", path, t.millis().p50(), t.millis().p95(), t.millis().n());
        return new Figure(path.substring(0, path.indexOf('?')), scope, members, t.millis(), t.planned(), t.cutShort());
    }

    /** The lines of the result table, each against the goal. */
    static List<Verdicts.Check> checks(List<Figure> figures) {
        List<Verdicts.Check> checks = new ArrayList<>();
        for (Figure f : figures) {
            String n = "n=" + f.millis().n() + (f.cutShort() ? " of " + f.planned() + ", time budget" : "");
            checks.add(new Verdicts.Check(f.path() + " scope=" + f.scope() + (f.members() > 0 ? ", " + f.members() + " members" : "")
                    + " (" + n + ")", Verdicts.ms(f.millis().p50()), "p95 " + Verdicts.ms(f.millis().p95()) + ", max "
                    + Verdicts.ms(f.millis().max()), String.format(Locale.ROOT, "p95 < %.0f ms", P95_BELOW_MS),
                    f.millis().p95() < P95_BELOW_MS));
        }
        return checks;
    }
}
