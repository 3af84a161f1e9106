package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The API's reads as user viewer over a kept-alive connection, each with a warm-up and then the timed
 * requests: {@code GET /api/v1/kpis} (latest month, the default) for the whole health community, a
 * region and a municipality, {@code GET /api/v1/indicators}, the catalogue, and
 * {@code GET /api/v1/kpis/spc} of the catalogue's first indicator over its whole monthly history in
 * the same scopes. Each answer is checked first: the kpis of every indicator of the catalogue, in its
 * order; an SPC chart with a phase and every month of the history as a point.
 */
final class KpiLatency {

    static final String INDICATORS = "/api/v1/indicators";

    /** Latency of one scope; {@code indicators} the ids it answered. */
    record Figure(String scope, String month, List<String> indicators, Stats millis, int planned, boolean cutShort) {
    }

    /** Latency of the catalogue; {@code indicators} the ids it answered. */
    record CatalogueFigure(String path, List<String> indicators, Stats millis, int planned, boolean cutShort) {
    }

    static final String SPC = "/api/v1/kpis/spc";

    /** Latency of the SPC chart of one indicator and scope from {@code from} to the latest month; {@code points} its months. */
    record SpcFigure(String scope, String indicator, String from, int points, int phases, Stats millis, int planned,
                     boolean cutShort) {
    }

    private KpiLatency() {
    }

    static List<Figure> measure(ServiceClient client, List<String> scopes, Repetitions repetitions, Progress progress)
            throws Exception {
        List<String> catalogue = ids(client.getJson(INDICATORS, ServiceUnderTest.VIEWER));
        List<Figure> figures = new ArrayList<>();
        for (String scope : scopes) {
            String path = "/api/v1/kpis?scope=" + scope;
            JsonNode answer = client.getJson(path, ServiceUnderTest.VIEWER);
            List<String> answered = ids(answer.path("indicators"));
            if (!answered.equals(catalogue)) {
                throw new IllegalStateException(path + " should answer the indicators of " + INDICATORS + " " + catalogue + ": " + answer);
            }
            Repetitions.Timings t = repetitions.time(() -> client.get(path, ServiceUnderTest.VIEWER, "application/json"));
            figures.add(new Figure(scope, answer.path("month").asText(), answered, t.millis(), t.planned(), t.cutShort()));
            progress.step("/api/v1/kpis scope=%s: p50 %.1f ms, p95 %.1f ms (n=%d)", scope, t.millis().p50(), t.millis().p95(),
                    t.millis().n());
        }
        return figures;
    }

    /**
     * {@code GET /api/v1/kpis?asOf=} (issue 18) in the same scopes as {@code now}, the latest month then, as of an instant after the
     * last import: every view then reads the revision tables instead of the stored sums. Each answer must equal the
     * figures of now (nothing was recorded since), so the path is checked as it is timed.
     */
    static List<Figure> asOf(ServiceClient client, List<Figure> now, Repetitions repetitions, Progress progress) throws Exception {
        String instant = java.time.Instant.now().toString();
        List<Figure> figures = new ArrayList<>();
        for (Figure figure : now) {
            // the default month, as for now: the latest month as of the instant is looked up too
            String plain = "/api/v1/kpis?scope=" + figure.scope();
            String path = plain + "&asOf=" + instant;
            JsonNode answer = client.getJson(path, ServiceUnderTest.VIEWER);
            JsonNode expected = client.getJson(plain, ServiceUnderTest.VIEWER);
            if (!answer.path("month").equals(expected.path("month")) || !answer.path("indicators").equals(expected.path("indicators"))) {
                throw new IllegalStateException(path + " should answer the figures of now " + expected + ": " + answer);
            }
            Repetitions.Timings t = repetitions.time(() -> client.get(path, ServiceUnderTest.VIEWER, "application/json"));
            figures.add(new Figure(figure.scope(), figure.month(), ids(answer.path("indicators")), t.millis(), t.planned(),
                    t.cutShort()));
            progress.step("/api/v1/kpis asOf scope=%s: p50 %.1f ms, p95 %.1f ms (n=%d)", figure.scope(), t.millis().p50(),
                    t.millis().p95(), t.millis().n());
        }
        return figures;
    }

    /** {@code GET /api/v1/indicators}, measured as the kpis are. */
    static CatalogueFigure catalogue(ServiceClient client, Repetitions repetitions, Progress progress) throws Exception {
        List<String> catalogue = ids(client.getJson(INDICATORS, ServiceUnderTest.VIEWER));
        if (catalogue.isEmpty()) {
            throw new IllegalStateException(INDICATORS + " answered no indicator");
        }
        Repetitions.Timings t = repetitions.time(() -> client.get(INDICATORS, ServiceUnderTest.VIEWER, "application/json"));
        progress.step("%s: p50 %.1f ms, p95 %.1f ms (n=%d)", INDICATORS, t.millis().p50(), t.millis().p95(), t.millis().n());
        return new CatalogueFigure(INDICATORS, catalogue, t.millis(), t.planned(), t.cutShort());
    }

    /**
     * {@code GET /api/v1/kpis/spc} of the catalogue's first indicator in each scope, over every month
     * from {@code from} (the first of the data set) to the latest: the engine on the longest series.
     */
    static List<SpcFigure> spc(ServiceClient client, List<String> scopes, String from, Repetitions repetitions,
                               Progress progress) throws Exception {
        List<String> catalogue = ids(client.getJson(INDICATORS, ServiceUnderTest.VIEWER));
        String indicator = catalogue.get(0);
        List<SpcFigure> figures = new ArrayList<>();
        for (String scope : scopes) {
            String path = SPC + "?indicator=" + indicator + "&scope=" + scope + "&from=" + from;
            JsonNode answer = client.getJson(path, ServiceUnderTest.VIEWER);
            int points = answer.path("points").size();
            if (!indicator.equals(answer.path("indicator").asText()) || answer.path("phases").isEmpty() || points < 12
                    || !answer.has("variation")) {
                throw new IllegalStateException(path + " should answer an SPC chart of at least 12 months: " + answer);
            }
            Repetitions.Timings t = repetitions.time(() -> client.get(path, ServiceUnderTest.VIEWER, "application/json"));
            figures.add(new SpcFigure(scope, indicator, from, points, answer.path("phases").size(), t.millis(), t.planned(),
                    t.cutShort()));
            progress.step("%s scope=%s (%d months): p50 %.1f ms, p95 %.1f ms (n=%d)", SPC, scope, points, t.millis().p50(),
                    t.millis().p95(), t.millis().n());
        }
        return figures;
    }

    private static List<String> ids(JsonNode indicators) {
        List<String> ids = new ArrayList<>();
        indicators.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
