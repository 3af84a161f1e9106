package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * {@code GET /api/v1/national/ranking} (issue 20) as user viewer: the latest year of the national figures
 * ({@value NationalDataSet#NATIONAL_YEARS} years × every municipality of the data set), our community among
 * every community and each of our municipalities among all. The answer is checked first.
 */
final class NationalRankingLatency {

    static final String PATH = "/api/v1/national/ranking?measure=ukp_days_per_1000";

    record Figure(String request, int year, int communities, int ourMunicipalities, Stats millis, int planned, boolean cutShort) {
    }

    private NationalRankingLatency() {
    }

    static Figure measure(ServiceClient client, Repetitions repetitions, Progress progress) throws Exception {
        JsonNode answer = client.getJson(PATH, ServiceUnderTest.VIEWER);
        if (answer.path("communities").isEmpty() || answer.path("ours").path("n").asInt() == 0) {
            throw new IllegalStateException(PATH + " should rank the national data set's communities: " + answer);
        }
        Repetitions.Timings t = repetitions.time(() -> client.get(PATH, ServiceUnderTest.VIEWER, "application/json"));
        progress.step("%s: p50 %.1f ms, p95 %.1f ms (n=%d)", PATH, t.millis().p50(), t.millis().p95(), t.millis().n());
        return new Figure("GET " + PATH, answer.path("year").asInt(), answer.path("communities").size(),
                answer.path("ourMunicipalities").size(), t.millis(), t.planned(), t.cutShort());
    }

    static Verdicts.Check check(Figure f) {
        return new Verdicts.Check(String.format(Locale.ROOT, "/api/v1/national/ranking %d, %d communities, %d of our municipalities (n=%d%s)",
                f.year(), f.communities(), f.ourMunicipalities(), f.millis().n(), f.cutShort() ? " of " + f.planned() + ", time budget" : ""),
                Verdicts.ms(f.millis().p50()), "p95 " + Verdicts.ms(f.millis().p95()) + ", max " + Verdicts.ms(f.millis().max()),
                String.format(Locale.ROOT, "p95 < %.0f ms", Verdicts.NATIONAL_P95_BELOW_MS), f.millis().p95() < Verdicts.NATIONAL_P95_BELOW_MS);
    }
}
