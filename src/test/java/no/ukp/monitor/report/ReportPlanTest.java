package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The report's "Tiltaksplan" (issue 16): the measures for the scope that had started by the month, with the status
 * of the month or the latest before and its comment, and the same effect verdicts as the API gives as of that month;
 * the starts of linked measures marked on the indicators' charts.
 */
@DatabaseTest
class ReportPlanTest {

    private static final YearMonth START = YearMonth.of(2025, 1);
    private static final YearMonth REPORT = YearMonth.of(2025, 7);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void data() {
        TestDatabase.clean(dsl);
        dsl.execute("TRUNCATE measure, measure_revision, measure_status");
        // 5001: twelve months of UKP-days alternating 10 and 12, then seven months of 30 from the measure's start
        StringBuilder csv = new StringBuilder("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        for (int k = -12; k < 7; k++) {
            csv.append(START.plusMonths(k)).append(",5001,10,8,").append(k < 0 ? (k % 2 == 0 ? 10 : 12) : 30).append(",3,1\n");
        }
        new ImportClient(rest).store("monthly-statistics", csv.toString());
    }

    @Test
    void shouldListTheStartedMeasuresWithTheirStatusCommentAndEffect() throws Exception {
        long team = add("""
                {"title": "Forsterket utskrivningsteam", "owner": "Trondheim kommune", "startMonth": "2025-01",
                 "scope": "municipality:5001", "indicators": ["ukp_days"],
                 "activities": [{"title": "Rekruttere koordinatorer", "startMonth": "2025-01"}]}""");
        add("""
                {"title": "Tiltak i Steinkjer", "startMonth": "2025-01", "scope": "municipality:5006", "indicators": ["ukp_days"]}""");
        add("""
                {"title": "Tiltak som ikke har startet", "startMonth": "2025-09", "indicators": ["ukp_days"]}""");
        status(team, "2025-06", "yellow", "Forsinket rekruttering");
        status(team, "2025-08", "green", "Etter planen"); // after the report's month: not in it

        String html = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=" + REPORT
                + "&scope=municipality:5001&format=html", String.class);
        assertThat(html).contains("Tiltaksplan", "Forsterket utskrivningsteam", "Rekruttere koordinatorer", "fra 01.2025",
                "Mindre avvik, men håndteres", "(juni 2025)", "Forsinket rekruttering");
        assertThat(html).doesNotContain("Etter planen", "Tiltak som ikke har startet", "Tiltak i Steinkjer");
        JsonNode effect = TestUsers.as(rest, "viewer").getForObject("/api/v1/measures/" + team + "/effect", JsonNode.class)
                .path("indicators").get(0);
        assertThat(effect.path("verdict").asText()).isEqualTo("concern");
        assertThat(html).as("the API's verdict as of the report's month (its latest)").contains(effect.path("text").asText());
        assertThat(html).contains("Stiplet lilla linje: start for tiltak T1 (januar 2025)");

        byte[] pdf = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=" + REPORT
                + "&scope=municipality:5001&format=pdf", byte[].class);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("[ \\t]*\\R[ \\t]*", " ");
            assertThat(text).contains("Tiltaksplan", "T1", "Forsterket utskrivningsteam", "Forsinket rekruttering",
                    "ikke hva som er årsaken");
        }

        String earlier = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=2025-03"
                + "&scope=municipality:5001&format=html", String.class);
        assertThat(earlier).as("three months after the start the verdict is too early").contains("For tidlig å si: 3 måneder")
                .contains("Ingen status satt");
    }

    @Test
    void shouldLeaveTheSectionOutWithoutMeasures() {
        String html = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=" + REPORT + "&format=html", String.class);
        assertThat(html).doesNotContain("Tiltaksplan", "Stiplet lilla linje");
    }

    private long add(String json) {
        return send("/api/v1/measures", json).path("id").asLong();
    }

    private void status(long id, String month, String status, String comment) {
        send("/api/v1/measures/" + id + "/status", "{\"month\": \"" + month + "\", \"status\": \"" + status + "\", \"comment\": \""
                + comment + "\"}");
    }

    private JsonNode send(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return TestUsers.as(rest, "planner").exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class).getBody();
    }
}
