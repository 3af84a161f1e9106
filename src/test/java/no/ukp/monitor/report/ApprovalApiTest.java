package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Approving a month ({@code /api/v1/approvals}) on the report fixture ({@link ReportFixture}): the report is kept byte
 * for byte, the figures of record are kept beside it, and a late revision (June 2025's readmissions for Trondheim,
 * unknown when approved) is listed as a change old → new while the kept report stays as it was.
 */
@DatabaseTest
@TestPropertySource(properties = "ukp.reader.password=reader-secret")
class ApprovalApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeEach
    void data() {
        ReportFixture.load(rest, dsl);
    }

    @Test
    void shouldKeepTheApprovedReportByteForByteAndListWhatChangedSince() throws Exception {
        ResponseEntity<JsonNode> approved = approve("admin", "{\"month\": \"2025-06\", \"note\": \"ASU-møte 20.08.2025\"}");
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(approved.getHeaders().getLocation()).hasToString("/api/v1/approvals/2025-06");
        JsonNode body = approved.getBody();
        assertThat(body.path("month").asText()).isEqualTo("2025-06");
        assertThat(body.path("approvedBy").asText()).isEqualTo("admin");
        assertThat(body.path("approvedAt").asText()).isNotBlank();
        String sha = body.path("reportSha256").asText();

        ResponseEntity<byte[]> pdf = TestUsers.as(rest, "viewer").getForEntity("/api/v1/approvals/2025-06/report", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(sha256(pdf.getBody())).isEqualTo(sha);
        ResponseEntity<String> html = TestUsers.as(rest, "viewer").getForEntity("/api/v1/approvals/2025-06/report?format=html",
                String.class);
        assertThat(html.getBody()).contains("<html", ReportFixture.nb("1 900"));

        JsonNode fresh = TestUsers.as(rest, "viewer").getForObject("/api/v1/approvals/2025-06", JsonNode.class);
        assertThat(fresh.path("revisedSince").asBoolean()).isFalse();
        assertThat(fresh.path("changes")).isEmpty();
        assertThat(fresh.path("note").asText()).isEqualTo("ASU-møte 20.08.2025");
        assertThat(dsl.fetchValue("SELECT count(*) FROM approval_figure WHERE month = '2025-06-01' AND scope_type = 'total'"
                + " AND indicator_id = 'ukp_days'", Long.class)).as("month, ytd, rolling12, projectedYear").isEqualTo(4L);

        // Trondheim's June readmissions arrive: 40 of 200 stays (June is an odd month: 0-day 140, days 100, home 60)
        new ImportClient(rest).store("monthly-statistics",
                "month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n2025-06,5001,200,140,100,60,40\n");

        JsonNode revised = TestUsers.as(rest, "viewer").getForObject("/api/v1/approvals/2025-06", JsonNode.class);
        assertThat(revised.path("revisedSince").asBoolean()).isTrue();
        assertThat(revised.path("reportSha256").asText()).isEqualTo(sha);
        List<JsonNode> changes = new ArrayList<>();
        revised.path("changes").forEach(changes::add);
        assertThat(changes).allSatisfy(c -> assertThat(c.path("indicator").asText()).isEqualTo("readmission_30d_share"));
        JsonNode total = changes.stream().filter(c -> c.path("scope").asText().equals("total")
                && c.path("window").asText().equals("rolling12")).findFirst().orElseThrow();
        assertThat(total.path("approvedValue").asDouble()).isCloseTo(438.0 / 2950, within(1e-12));
        assertThat(total.path("value").asDouble()).isCloseTo(478.0 / 3150, within(1e-12));
        assertThat(total.path("approvedStatus").asText()).isEqualTo("green");
        assertThat(total.path("status").asText()).isEqualTo("green");
        JsonNode month = changes.stream().filter(c -> c.path("scope").asText().equals("total")
                && c.path("window").asText().equals("month")).findFirst().orElseThrow();
        assertThat(month.path("approvedValue").isNull()).as("unknown when approved").isTrue();
        assertThat(month.path("value").asDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(changes).extracting(c -> c.path("scope").asText()).as("scopes without Trondheim are unchanged")
                .contains("total", "municipality:5001").doesNotContain("municipality:5028");
        assertThat(changes.get(0).path("scope").asText()).isEqualTo("total");

        // the kept report is what was approved, not what a report made now says
        assertThat(sha256(TestUsers.as(rest, "viewer").getForEntity("/api/v1/approvals/2025-06/report", byte[].class).getBody()))
                .isEqualTo(sha);
        assertThat(TestUsers.as(rest, "viewer").getForObject("/api/v1/approvals", JsonNode.class))
                .extracting(a -> a.path("month").asText()).containsExactly("2025-06");
    }

    @Test
    void shouldStoreAnImportThatRevisesAnApprovedMonthAndWarnFirst() throws Exception {
        assertThat(approve("admin", "{\"month\": \"2025-06\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ImportClient imports = new ImportClient(rest);
        String header = "month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n";
        // a dry run says it too, and stores nothing
        JsonNode dry = imports.post("monthly-statistics", (header + "2024-07,5028,50,40,31,20,8\n").getBytes(), ImportClient.CSV, true)
                .getBody();
        assertThat(dry.path("warnings").get(0).path("value").asText()).isEqualTo("2025-06");
        // July 2024, the first month of June 2025's rolling 12 months: stored, with the warning first
        ResponseEntity<JsonNode> late = imports.postCsv("monthly-statistics", header + "2024-07,5028,50,40,31,20,8\n");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(late.getBody().path("outcome").asText()).isEqualTo("stored");
        JsonNode warning = late.getBody().path("warnings").get(0);
        assertThat(warning.path("line").asInt()).isZero();
        assertThat(warning.path("value").asText()).isEqualTo("2025-06");
        assertThat(warning.path("message").asText()).startsWith("Filen endrer tall i rapporten for juni 2025, som er godkjent for ASU ")
                .endsWith("Endringene lagres, og rapporten for måneden viser dem som endret etter godkjenning.");
        // the same row again changes nothing; June 2024 is outside the windows; a new month after it too
        for (String row : new String[] {"2024-07,5028,50,40,31,20,8", "2024-06,5028,50,40,33,20,8", "2025-07,5028,50,40,30,20,8"}) {
            assertThat(imports.postCsv("monthly-statistics", header + row + "\n").getBody().path("warnings").toString())
                    .as(row).doesNotContain("godkjent for ASU");
        }
        // the baseline year of the short-term ward indicator (2023) is in the report's windows too
        assertThat(imports.postCsv("short-term-stays", "month,municipality,unit,discharges,los_days\n2023-02,5001,Øya helsehus,100,990\n")
                .getBody().path("warnings").get(0).path("value").asText()).isEqualTo("2025-06");
        // the population of 2025 (and 2024) is; that of 2023 is not
        assertThat(imports.postCsv("population", "year,municipality,population\n2024,5001,212000\n").getBody()
                .path("warnings").get(0).path("value").asText()).isEqualTo("2025-06");
        assertThat(imports.postCsv("population", "year,municipality,population\n2023,5001,210000\n").getBody()
                .path("warnings").toString()).doesNotContain("godkjent for ASU");

        // the data-quality dashboard lists the three stored imports that revised June 2025, newest first, for ukp_reader
        // (the fixture has no population and no unit «Øya helsehus»: those two rows were new)
        JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of("grafana/dashboards/ukp-datakvalitet.json").toFile());
        String sql = java.util.stream.StreamSupport.stream(dashboard.path("panels").spliterator(), false)
                .filter(p -> p.path("title").asText().equals("Endret etter godkjenning for ASU")).findFirst().orElseThrow()
                .path("targets").get(0).path("rawSql").asText();
        List<String> listed = new ArrayList<>();
        try (var reader = java.sql.DriverManager.getConnection(dataSource.getConnection().getMetaData().getURL().split("\\?")[0],
                "ukp_reader", "reader-secret"); var rows = reader.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                listed.add(rows.getString("Godkjent måned") + " " + rows.getString("Datasett") + " " + rows.getInt("Nye") + "/"
                        + rows.getInt("Endret"));
            }
        }
        assertThat(listed).containsExactly("2025-06 population 1/0", "2025-06 short-term-stays 1/0", "2025-06 monthly-statistics 0/1");
    }

    @Test
    void shouldLetOnlyTheAdminApproveAndOnlyOnce() {
        for (String user : new String[] {"viewer", "analyst", "ingest", "planner"}) {
            assertThat(approve(user, "{\"month\": \"2025-06\"}").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(approve("admin", "{\"month\": \"2025-06\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> again = approve("admin", "{\"month\": \"2025-06\"}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("detail").asText()).isEqualTo("Måneden 2025-06 er allerede godkjent for ASU");
        assertThat(approve("admin", "{\"month\": \"2025-07\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> bad = approve("admin", "{\"month\": \"juni\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("detail").asText()).contains("juni");
        assertThat(approve("admin", "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/approvals/2025-05", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/approvals/2025-06/report?format=docx", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldNeverChangeOrDeleteAnApproval() {
        assertThat(approve("admin", "{\"month\": \"2025-06\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThatThrownBy(() -> dsl.execute("UPDATE approval SET approved_by = 'x'")).hasMessageContaining("kept as it was");
        assertThatThrownBy(() -> dsl.execute("DELETE FROM approval_figure")).hasMessageContaining("kept as it was");
    }

    private ResponseEntity<JsonNode> approve(String user, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return TestUsers.as(rest, user).postForEntity("/api/v1/approvals", new HttpEntity<>(json, headers), JsonNode.class);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
