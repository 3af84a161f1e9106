package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/kpis} (latest month, the default) for the whole health community, a region and
 * a municipality, as user viewer over a kept-alive connection: a warm-up, then the timed requests.
 */
final class KpiLatency {

    /** Latency of one scope. */
    record Figure(String scope, String month, Stats millis, int planned, boolean cutShort) {
    }

    private KpiLatency() {
    }

    static List<Figure> measure(ServiceClient client, List<String> scopes, Repetitions repetitions, Progress progress)
            throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (String scope : scopes) {
            String path = "/api/v1/kpis?scope=" + scope;
            JsonNode answer = client.getJson(path, ServiceUnderTest.VIEWER);
            if (answer.path("indicators").size() != 6) {
                throw new IllegalStateException(path + " should answer the six indicators: " + answer);
            }
            Repetitions.Timings t = repetitions.time(() -> client.get(path, ServiceUnderTest.VIEWER, "application/json"));
            figures.add(new Figure(scope, answer.path("month").asText(), t.millis(), t.planned(), t.cutShort()));
            progress.step("/api/v1/kpis scope=%s: p50 %.1f ms, p95 %.1f ms (n=%d)", scope, t.millis().p50(), t.millis().p95(),
                    t.millis().n());
        }
        return figures;
    }
}
