package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The API's reads as user viewer over a kept-alive connection, each with a warm-up and then the timed
 * requests: {@code GET /api/v1/kpis} (latest month, the default) for the whole health community, a
 * region and a municipality, and {@code GET /api/v1/indicators}, the catalogue. Each answer is checked
 * first: the kpis of every indicator of the catalogue, in its order.
 */
final class KpiLatency {

    static final String INDICATORS = "/api/v1/indicators";

    /** Latency of one scope; {@code indicators} the ids it answered. */
    record Figure(String scope, String month, List<String> indicators, Stats millis, int planned, boolean cutShort) {
    }

    /** Latency of the catalogue; {@code indicators} the ids it answered. */
    record CatalogueFigure(String path, List<String> indicators, Stats millis, int planned, boolean cutShort) {
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

    private static List<String> ids(JsonNode indicators) {
        List<String> ids = new ArrayList<>();
        indicators.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
