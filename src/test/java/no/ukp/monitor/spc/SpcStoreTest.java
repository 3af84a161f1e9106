package no.ukp.monitor.spc;

import static no.ukp.monitor.db.Tables.SPC_POINT;
import static no.ukp.monitor.db.Tables.SPC_SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import no.ukp.monitor.db.tables.records.SpcPointRecord;
import no.ukp.monitor.db.tables.records.SpcSummaryRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The charts the dashboards read (spc_point, spc_summary) follow the data: after an import and after a new target,
 * in the background, they are again those of {@code /api/v1/kpis/spc} without parameters, for every scope.
 */
@DatabaseTest
class SpcStoreTest {

    private static final List<String> SCOPES = List.of("total", "region:fjellregionen", "municipality:5021");
    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final YearMonth LAST = YearMonth.of(2026, 2);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    SpcStore store;

    @AfterEach
    void removeTargets() {
        dsl.execute("DELETE FROM indicator_target WHERE created_by <> 'migration'");
    }

    @Test
    void shouldKeepTheStoredChartsEqualToTheApiAfterImportsAndTargets() {
        TestDatabase.clean(dsl);
        // 14 months of two municipalities; the last month's UKP-days far above the rest: a point outside the limits
        StringBuilder csv = new StringBuilder("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            int i = m.getMonthValue() + m.getYear() % 2 * 12;
            int days = m.equals(LAST) ? 400 : 20 + i % 5;
            csv.append(m).append(",5001,40,").append(30 + i % 4).append(',').append(days).append(",12,").append(3 + i % 3).append('\n');
            csv.append(m).append(",5021,10,").append(6 + i % 2).append(',').append(8 + i % 3).append(",3,1\n");
        }
        new ImportClient(rest).store("monthly-statistics", csv.toString());

        // no refresh asked for: the import's own, in the background
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            SpcSummaryRecord total = summary("ukp_days", "total");
            assertThat(total).isNotNull();
            assertThat(total.getToMonth()).isEqualTo(LAST.atDay(1));
        });
        assertStoredEqualsApi();
        SpcSummaryRecord days = summary("ukp_days", "total");
        assertThat(days.getVariation()).as("the last month far above the limits").isEqualTo("special_cause_concern");
        assertThat(days.getVariationText()).isEqualTo(SpcChart.Variation.SPECIAL_CAUSE_CONCERN.words());
        assertThat(days.getFromMonth()).as("the 24 months up to the latest").isEqualTo(LAST.minusMonths(23).atDay(1));
        assertThat(dsl.fetchCount(SPC_POINT, SPC_POINT.SIGNALS.contains("outside_limits"))).isPositive();

        // a yearly target far above any month: the process will meet it (a twelfth of it per month)
        String target = """
                {"indicatorId": "ukp_days", "scopeType": "total", "validFrom": "2025-01",
                 "target": 120000, "tolerance": 0, "toleranceKind": "absolute", "note": "SpcStoreTest"}""";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(TestUsers.as(rest, "admin").postForEntity("/api/v1/targets", new HttpEntity<>(target, headers), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(summary("ukp_days", "total").getTarget()).isEqualTo(10000.0);
            assertThat(summary("ukp_days", "total").getAssurance()).isEqualTo("consistent_pass");
        });
        assertStoredEqualsApi();

        TestDatabase.clean(dsl);
        store.refresh();
        assertThat(dsl.fetchCount(SPC_SUMMARY)).as("no data, no charts").isZero();
        assertThat(dsl.fetchCount(SPC_POINT)).isZero();
    }

    private SpcSummaryRecord summary(String indicator, String scope) {
        String[] key = scope.split(":");
        return dsl.selectFrom(SPC_SUMMARY).where(SPC_SUMMARY.INDICATOR_ID.eq(indicator), SPC_SUMMARY.SCOPE_TYPE.eq(key[0]),
                SPC_SUMMARY.SCOPE_ID.eq(key.length == 1 ? "total" : key[1])).fetchOne();
    }

    /** Every stored chart of the three scopes is the API's: the same months, values, phases, signals and verdicts. */
    private void assertStoredEqualsApi() {
        int charts = 0;
        for (JsonNode indicator : TestUsers.as(rest, "viewer").getForObject("/api/v1/indicators", JsonNode.class)) {
            String id = indicator.path("id").asText();
            for (String scope : SCOPES) {
                String at = id + " " + scope;
                JsonNode api = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis/spc?indicator=" + id + "&scope=" + scope,
                        JsonNode.class);
                SpcSummaryRecord summary = summary(id, scope);
                if (api.path("points").isEmpty()) {
                    assertThat(summary).as(at + ": no values, no chart").isNull();
                    continue;
                }
                assertThat(summary).as(at).isNotNull();
                assertThat(summary.getVariation()).as(at).isEqualTo(api.path("variation").isNull() ? null : api.path("variation").asText());
                assertThat(summary.getAssurance()).as(at).isEqualTo(api.path("assurance").isNull() ? null : api.path("assurance").asText());
                assertThat(summary.getTarget()).as(at).isEqualTo(api.path("target").isNull() ? null : api.path("target").asDouble());
                JsonNode latestPhase = api.path("phases").get(api.path("phases").size() - 1);
                assertThat(summary.getMean()).as(at).isEqualTo(latestPhase.path("mean").isNull() ? null : latestPhase.path("mean").asDouble());

                String[] key = scope.split(":");
                List<SpcPointRecord> stored = dsl.selectFrom(SPC_POINT).where(SPC_POINT.INDICATOR_ID.eq(id),
                        SPC_POINT.SCOPE_TYPE.eq(key[0]), SPC_POINT.SCOPE_ID.eq(key.length == 1 ? "total" : key[1]))
                        .orderBy(SPC_POINT.MONTH).fetch();
                assertThat(stored).as(at).hasSize(api.path("points").size());
                for (int i = 0; i < stored.size(); i++) {
                    SpcPointRecord row = stored.get(i);
                    JsonNode point = api.path("points").get(i);
                    JsonNode phase = api.path("phases").get(point.path("phase").asInt());
                    assertThat(row.getMonth()).as(at).isEqualTo(LocalDate.parse(point.path("month").asText() + "-01"));
                    assertThat(row.getValue()).as(at).isEqualTo(point.path("value").asDouble());
                    assertThat(row.getPhaseFrom()).as(at).isEqualTo(LocalDate.parse(phase.path("from").asText() + "-01"));
                    assertThat(row.getUpl()).as(at).isEqualTo(phase.path("upl").isNull() ? null : phase.path("upl").asDouble());
                    assertThat(row.getLpl()).as(at).isEqualTo(phase.path("lpl").isNull() ? null : phase.path("lpl").asDouble());
                    List<String> signals = new ArrayList<>();
                    point.path("signals").forEach(s -> signals.add(s.asText()));
                    assertThat(row.getSignals()).as(at).isEqualTo(String.join(";", signals));
                    assertThat(row.getVariation()).as(at).isEqualTo(point.path("variation").asText());
                }
                charts++;
            }
        }
        assertThat(charts).as("charts compared").isGreaterThanOrEqualTo(12);
    }
}
