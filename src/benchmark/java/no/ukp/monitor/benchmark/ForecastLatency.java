package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/analysis/forecast} at national scale (issue 17: p95 under 200 ms), measured as
 * the kpis are: a count ({@code ukp_days}) and a ratio ({@code avg_ukp_days}, two series forecast)
 * in the kpis' three scopes, each answer checked first (a forecast, or, on a history too short for
 * one as the smoke test's, its reason: then the figure says so). Beside it, the backtest the
 * answers carry for every indicator of the whole community on the national synthetic data: MASE
 * against seasonal naive (below 1 beats it) and the share of actual values inside the 80 % intervals.
 */
final class ForecastLatency {

    static final String PATH = "/api/v1/analysis/forecast";
    static final double P95_BELOW_MS = 200;
    private static final List<String> TIMED = List.of("ukp_days", "avg_ukp_days");

    /** Latency of one indicator and scope. */
    record Figure(String indicator, String scope, boolean forecast, Stats millis, int planned, boolean cutShort) {
    }

    /** The backtest of one indicator in the whole community; null figures where the answer has none (and why). */
    record Backtest(String indicator, String method, Integer n, Double mase, Double coverage80, String reason) {
    }

    record Result(List<Figure> latency, List<Backtest> backtests) {
    }

    private ForecastLatency() {
    }

    static Result measure(ServiceClient client, List<String> scopes, Repetitions repetitions, Progress progress) throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (String indicator : TIMED) {
            for (String scope : scopes) {
                String path = PATH + "?indicator=" + indicator + "&scope=" + scope;
                JsonNode answer = client.getJson(path, ServiceUnderTest.VIEWER);
                if (!answer.path("forecast").isNumber() && !answer.path("reason").isTextual()) {
                    throw new IllegalStateException(path + " should answer a forecast or why there is none: " + answer);
                }
                Repetitions.Timings t = repetitions.time(() -> client.get(path, ServiceUnderTest.VIEWER, "application/json"));
                figures.add(new Figure(indicator, scope, answer.path("forecast").isNumber(), t.millis(), t.planned(), t.cutShort()));
                progress.step("%s scope=%s: p50 %.1f ms, p95 %.1f ms (n=%d)", path, scope, t.millis().p50(), t.millis().p95(),
                        t.millis().n());
            }
        }
        List<Backtest> backtests = new ArrayList<>();
        for (JsonNode indicator : client.getJson(KpiLatency.INDICATORS, ServiceUnderTest.VIEWER)) {
            String id = indicator.path("id").asText();
            JsonNode answer = client.getJson(PATH + "?indicator=" + id + "&scope=total", ServiceUnderTest.VIEWER);
            JsonNode b = answer.path("backtest");
            Backtest backtest = new Backtest(id, answer.path("method").asText(null), b.path("n").isNumber() ? b.path("n").asInt() : null,
                    b.path("mase").isNumber() ? b.path("mase").asDouble() : null,
                    b.path("coverage80").isNumber() ? b.path("coverage80").asDouble() : null, answer.path("reason").asText(null));
            backtests.add(backtest);
            progress.step("forecast backtest %s, total: %s", id, words(backtest));
        }
        return new Result(figures, backtests);
    }

    /** The lines of the verdict table: the latency against its goal, the backtests for context. */
    static List<Verdicts.Check> checks(Result result) {
        List<Verdicts.Check> checks = new ArrayList<>();
        for (Figure f : result.latency()) {
            checks.add(new Verdicts.Check(PATH + " " + f.indicator() + " scope=" + f.scope() + (f.forecast() ? "" : ", no forecast")
                    + " (n=" + f.millis().n()
                    + (f.cutShort() ? " of " + f.planned() + ", time budget" : "") + ")", Verdicts.ms(f.millis().p50()),
                    "p95 " + Verdicts.ms(f.millis().p95()) + ", max " + Verdicts.ms(f.millis().max()),
                    String.format(Locale.ROOT, "p95 < %.0f ms", P95_BELOW_MS), f.millis().p95() < P95_BELOW_MS));
        }
        for (Backtest b : result.backtests()) {
            checks.add(new Verdicts.Check("forecast backtest " + b.indicator() + ", total, horizons 1–12: MASE vs seasonal naive · coverage80",
                    words(b), b.method() == null ? "" : b.method(), "", null));
        }
        return checks;
    }

    private static String words(Backtest b) {
        if (b.n() == null) {
            return "none (" + b.reason() + ")";
        }
        return String.format(Locale.ROOT, "MASE %s · coverage80 %.3f (n=%d)", b.mase() == null ? "–" : String.format(Locale.ROOT, "%.3f",
                b.mase()), b.coverage80(), b.n());
    }
}
