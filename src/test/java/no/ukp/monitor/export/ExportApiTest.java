package no.ukp.monitor.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.assertj.core.data.Offset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The analysts' exports, the CSV dialects, {@code ?format=csv} and {@code windowTarget} on a
 * hand-computed fixture (export-monthly.csv, somatikk unless said), then 5001's February
 * discharged_home revised from 20 to 21:
 * total, 2025-03: ukp_days month 1071 (5001 alone), ytd = rolling12 50 + 4 + 10 + 1071 = 1135 > 1100
 * (1000 + 10 %): red; projectedYear 1135 × 12 / 3 = 4540; target 1000, a month's 1000 / 12 = 83.33,
 * ytd's by March 1000 × 3 / 12 = 250. Municipality 5001, 2025-03: zero_day_share 29 / 1100 =
 * 0.0263… (one decimal of the percent: 0.026), rolling12 (80 + 45 + 29) / 1250 = 0.1232 < 0.85: red;
 * avg_ukp_days 1071 / (1100 − 29) = 1.
 */
@DatabaseTest
class ExportApiTest {

    private static final String MONTHLY = "/api/v1/export/monthly-statistics";
    private static final String INDICATORS = "/api/v1/export/indicators";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    ExportRepository exports;

    @BeforeEach
    void load() throws IOException {
        TestDatabase.clean(dsl);
        ImportClient imports = new ImportClient(rest);
        imports.store("monthly-statistics", ImportClient.resource(ExportApiTest.class, "export-monthly.csv"));
        imports.store("monthly-statistics", """
                month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2025-02,5001,somatikk,50,45,10,21,5
                """);
    }

    @Test
    void shouldExportTheCurrentRevisionOfEveryRowInTheImportFilesColumns() {
        ResponseEntity<String> answer = get("analyst", MONTHLY, "text/csv");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"manedsstatistikk.csv\"");
        assertThat(answer.getBody()).isEqualTo("""
                month,municipality,municipality_name,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2025-01,5001,Trondheim,somatikk,100,80,50,30,10
                2025-01,5028,Melhus,somatikk,20,18,4,8,
                2025-02,5001,Trondheim,psykisk_helse_rus,500,0,9000,0,0
                2025-02,5001,Trondheim,somatikk,50,45,10,21,5
                2025-03,5001,Trondheim,somatikk,1100,29,1071,1000,
                """);
    }

    @Test
    void shouldReadTheRowsThroughACursorInsideAReadOnlyTransaction() {
        // PostgreSQL's JDBC driver fetches FETCH_SIZE rows at a time only inside a transaction; otherwise it reads them all
        List<String> seen = new java.util.ArrayList<>();
        exports.monthlyStatistics(null, null, null, row -> seen.add(row.month() + " " + row.municipality() + " " + row.area()
                + " " + TransactionSynchronizationManager.isActualTransactionActive() + " " + dsl.fetchValue("SHOW transaction_read_only")));

        assertThat(seen).containsExactly("2025-01 5001 somatikk true on", "2025-01 5028 somatikk true on",
                "2025-02 5001 psykisk_helse_rus true on", "2025-02 5001 somatikk true on", "2025-03 5001 somatikk true on");
    }

    @Test
    void shouldFilterTheMonthlyStatisticsByMonthsAndMunicipality() {
        String body = get("analyst", MONTHLY + "?from=2025-02&to=2025-02&municipality=5001", "text/csv").getBody();

        assertThat(body.lines().toList()).containsExactly(
                "month,municipality,municipality_name,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d",
                "2025-02,5001,Trondheim,psykisk_helse_rus,500,0,9000,0,0",
                "2025-02,5001,Trondheim,somatikk,50,45,10,21,5");
        assertThat(get("analyst", MONTHLY + "?municipality=1601", "text/csv").getBody().lines().count())
                .as("an old number is its current municipality's").isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&dialect=excel-nb"})
    void shouldChangeNothingWhenTheExportIsImportedAgain(String dialect) {
        byte[] file = getBytes("analyst", MONTHLY + "?format=csv" + dialect, "*/*").getBody();

        JsonNode summary = new ImportClient(rest).post("monthly-statistics", file, ImportClient.CSV, false).getBody();

        assertThat(summary.get("rows").asInt()).as(summary.toString()).isEqualTo(5);
        assertThat(summary.get("inserted").asInt()).as(summary.toString()).isZero();
        assertThat(summary.get("updated").asInt()).as(summary.toString()).isZero();
        assertThat(summary.get("unchanged").asInt()).as(summary.toString()).isEqualTo(5);
    }

    @Test
    void shouldRoundValuesToTheIndicatorsDecimalsAndGiveEachStatusItsWindow() {
        List<String> lines = get("analyst", INDICATORS + "?month=2025-03", "text/csv").getBody().lines().toList();

        assertThat(lines.get(0)).isEqualTo("month,scope,scopeName,indicator,window,value,target,windowTarget,status,statusWindow,"
                + "expected,reported,complete");
        assertThat(lines.get(1)).isEqualTo("2025-03,total,Helsefellesskapet,ukp_days,month,1071,1000,83.33,red,rolling12,20,1,false");
        assertThat(lines.get(2)).isEqualTo("2025-03,total,Helsefellesskapet,ukp_days,ytd,1135,1000,250,red,rolling12,60,4,false");
        assertThat(lines.get(3)).isEqualTo("2025-03,total,Helsefellesskapet,ukp_days,rolling12,1135,1000,1000,red,rolling12,240,4,false");
        assertThat(lines.get(4)).startsWith("2025-03,total,Helsefellesskapet,ukp_days,projectedYear,4540,1000,1000,red,rolling12,");
        assertThat(lines).contains(
                "2025-03,municipality:5001,Trondheim,zero_day_share,month,0.026,0.9,0.9,red,rolling12,1,1,true",
                "2025-03,municipality:5001,Trondheim,avg_ukp_days,month,1.00,2,2,green,rolling12,1,1,true");
        // every scope: the total, the six regions, the twenty municipalities; every catalogue indicator in each
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[1]).distinct().count()).isEqualTo(27);
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[3]).distinct().toList()).containsExactly("ukp_days",
                "zero_day_share", "avg_ukp_days", "direct_home_share", "readmission_30d_share", "short_term_los_change",
                "ukp_days_per_1000");
        assertThat(lines).noneMatch(l -> l.matches(".*\\.\\d{6,}.*"));
    }

    @Test
    void shouldExportTheAskedWindowsOfTheLatestMonthByDefault() {
        List<String> lines = get("analyst", INDICATORS + "?window=rolling12,month", "text/csv").getBody().lines().toList();

        assertThat(lines.get(1)).startsWith("2025-03,total,Helsefellesskapet,ukp_days,month,1071,");
        assertThat(lines.get(2)).startsWith("2025-03,total,Helsefellesskapet,ukp_days,rolling12,1135,");
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[4]).distinct().toList()).containsExactly("month", "rolling12");
    }

    @Test
    void shouldWriteExcelNbWithBomSemicolonsDecimalCommaCrlfAndQuotedNames() {
        dsl.execute("UPDATE municipality SET name = 'Trondheim; \"Øya\"' WHERE number = '5001'");
        try {
            byte[] file = getBytes("analyst", INDICATORS + "?month=2025-03&dialect=excel-nb", "text/csv").getBody();

            assertThat(Arrays.copyOf(file, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
            assertThat(text).startsWith("month;scope;scopeName;indicator;window;value;target;windowTarget;status;statusWindow;"
                    + "expected;reported;complete\r\n2025-03;total;Helsefellesskapet;ukp_days;month;1071;1000;83,33;red;rolling12;20;1;false\r\n");
            assertThat(text).contains("\r\n2025-03;municipality:5001;\"Trondheim; \"\"Øya\"\"\";zero_day_share;month;0,026;0,9;0,9;red;"
                    + "rolling12;1;1;true\r\n");
            assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        } finally {
            dsl.execute("UPDATE municipality SET name = 'Trondheim' WHERE number = '5001'");
        }
    }

    @Test
    void shouldGiveSeriesTheTargetOfTheWindowShownAndTheWindowOfTheStatus() {
        JsonNode month = TestUsers.as(rest, "viewer").getForObject(
                "/api/v1/kpis/series?indicator=ukp_days&from=2025-01&to=2025-03&window=month", JsonNode.class);
        JsonNode march = month.get("points").get(2);
        assertThat(march.get("month").asText()).isEqualTo("2025-03");
        assertThat(march.get("value").decimalValue()).isEqualByComparingTo("1071");
        assertThat(march.get("target").decimalValue()).as("target keeps its meaning").isEqualByComparingTo("1000");
        assertThat(march.get("windowTarget").asDouble()).isCloseTo(1000.0 / 12, Offset.offset(1e-12));
        assertThat(march.get("status").asText()).isEqualTo("red");
        assertThat(march.get("statusWindow").asText()).isEqualTo("rolling12");

        JsonNode rolling = TestUsers.as(rest, "viewer").getForObject(
                "/api/v1/kpis/series?indicator=ukp_days&from=2025-03&to=2025-03&window=rolling12", JsonNode.class);
        assertThat(rolling.get("points").get(0).get("windowTarget").decimalValue()).isEqualByComparingTo("1000");

        JsonNode share = TestUsers.as(rest, "viewer").getForObject(
                "/api/v1/kpis/series?indicator=zero_day_share&scope=municipality:5001&from=2025-03&to=2025-03&window=month",
                JsonNode.class).get("points").get(0);
        assertThat(share.get("value").asDouble()).as("JSON keeps the unrounded value").isCloseTo(29.0 / 1100, Offset.offset(1e-12));
        assertThat(share.get("windowTarget").decimalValue()).isEqualByComparingTo(share.get("target").decimalValue());

        assertThat(get("analyst", "/api/v1/kpis/series?indicator=ukp_days&from=2025-03&to=2025-03&window=month", "text/csv").getBody())
                .isEqualTo("month,scope,indicator,window,value,target,status,windowTarget,statusWindow\n"
                        + "2025-03,total,ukp_days,month,1071,1000,red,83.33,rolling12\n");
        assertThat(get("analyst", "/api/v1/kpis?month=2025-03", "text/csv").getBody().lines())
                .contains("2025-03,total,ukp_days,month,1071,1000,red,rolling12,83.33",
                        "2025-03,total,ukp_days,ytd,1135,1000,red,rolling12,250");
    }

    @ParameterizedTest
    @ValueSource(strings = {MONTHLY, INDICATORS + "?month=2025-03", "/api/v1/kpis?month=2025-03",
            "/api/v1/kpis/series?indicator=zero_day_share&from=2025-01&to=2025-03",
            "/api/v1/kpis/spc?indicator=ukp_days&from=2025-01&to=2025-03"})
    void shouldAnswerFormatCsvAsAcceptTextCsv(String path) {
        String separator = path.contains("?") ? "&" : "?";
        ResponseEntity<String> accept = get("analyst", path + separator + "dialect=excel-nb", "text/csv");
        // a browser's link: it accepts HTML first
        ResponseEntity<String> link = get("analyst", path + separator + "format=csv&dialect=excel-nb",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertThat(accept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(link.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(link.getHeaders().getContentType()).isEqualTo(accept.getHeaders().getContentType());
        assertThat(link.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo(accept.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(link.getBody()).startsWith("\uFEFFmonth;").isEqualTo(accept.getBody());
    }

    @Test
    void shouldAnswerFormatJsonAsJson() {
        ResponseEntity<String> answer = get("viewer", "/api/v1/kpis?month=2025-03&format=json", "text/csv");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).startsWith("{");
    }

    @ParameterizedTest
    @ValueSource(strings = {MONTHLY + "?format=xlsx", MONTHLY + "?dialect=excel", INDICATORS + "?format=csv&dialect=excel-se",
            "/api/v1/kpis?format=pdf", "/api/v1/kpis/series?indicator=ukp_days&dialect=semikolon",
            INDICATORS + "?window=week", MONTHLY + "?municipality=9999", MONTHLY + "?from=2025-13"})
    void shouldRefuseAnUnknownFormatOrDialectInNorwegian(String path) {
        ResponseEntity<JsonNode> answer = TestUsers.as(rest, "analyst").exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers("*/*")), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody().get("detail").asText()).containsAnyOf("Ukjent format", "Ukjent dialekt", "Ukjent vindu",
                "Ukjent kommunenummer", "Måneden");
    }

    @Test
    void shouldLeaveTheReportsFormatToTheReport() {
        ResponseEntity<JsonNode> answer = TestUsers.as(rest, "viewer").exchange("/api/v1/reports/monthly?format=csv", HttpMethod.GET,
                new HttpEntity<>(headers("*/*")), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText()).contains("bruk pdf eller html");
    }

    @Test
    void shouldLetOnlyTheExportRoleExport() {
        for (String path : List.of(MONTHLY, INDICATORS, MONTHLY + "?format=csv", INDICATORS + "?format=csv")) {
            for (String user : List.of("viewer", "ingest", "planner")) {
                assertThat(get(user, path, "text/csv").getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            for (String user : List.of("analyst", "admin")) {
                assertThat(get(user, path, "text/csv").getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            assertThat(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers("text/csv")), String.class).getStatusCode())
                    .as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> viewer = get("viewer", "/api/v1/kpis?month=2025-03&format=csv", "*/*");
        assertThat(viewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.getBody()).doesNotContain("ukp_days");
    }

    private ResponseEntity<String> get(String user, String path, String accept) {
        return TestUsers.as(rest, user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers(accept)), String.class);
    }

    private ResponseEntity<byte[]> getBytes(String user, String path, String accept) {
        return TestUsers.as(rest, user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers(accept)), byte[].class);
    }

    private static HttpHeaders headers(String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, accept);
        return headers;
    }
}
