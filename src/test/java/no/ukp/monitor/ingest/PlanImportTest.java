package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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

/**
 * The committee's action-plan template through {@code POST /api/v1/imports/measures}: measures with their activities
 * and statuses, matched again by id or title, every kind of bad row refused in Norwegian with nothing stored, the dry
 * run, who may import it, the audit, and the template.
 */
@DatabaseTest
class PlanImportTest {

    private static final String HEADER = "tiltak;aktivitet;fra;til;prioritet;omfang;ansvarlig;indikatorer;område;status;kommentar;måned\n";
    private static final String PLAN = HEADER
            + "Forsterket utskrivningsteam;;01.2025;12.2025;Høy;Middels;Melhus kommune;ukp_days, Andel UKP med opphold 0 døgn;5001;grønn;I rute;03.2025\n"
            + ";Rekruttere sykepleier;;;;;Helse og velferd;;;Mindre avvik, men håndteres;Forsinket;03.2025\n"
            + ";Daglig tavlemøte;02.2025;;Lav;;;;;;;\n"
            + "Felles tavle;;2025-03;;middels;Lite;;avg_ukp_days;;;;\n";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
        dsl.execute("TRUNCATE measure, measure_revision, measure_status");
    }

    @Test
    void shouldStoreMeasuresActivitiesAndStatusesFromCsv() {
        ResponseEntity<JsonNode> response = post("planner", PLAN, false);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("outcome").asText()).isEqualTo("stored");
        assertThat(response.getBody().path("dataset").asText()).isEqualTo("measures");
        assertThat(counts(response)).as("two measures and two activities").containsExactly(4, 0, 0);
        JsonNode plan = plan();
        assertThat(plan).hasSize(2);
        JsonNode team = plan.get(0);
        assertThat(team.path("title").asText()).isEqualTo("Forsterket utskrivningsteam");
        assertThat(team.path("priority").asText()).isEqualTo("hoy");
        assertThat(team.path("size").asText()).isEqualTo("middels");
        assertThat(team.path("startMonth").asText()).isEqualTo("2025-01");
        assertThat(team.path("endMonth").asText()).isEqualTo("2025-12");
        assertThat(team.path("scope").asText()).isEqualTo("municipality:5001");
        assertThat(team.path("owner").asText()).isEqualTo("Melhus kommune");
        assertThat(team.path("indicators").toString()).as("ids and names").isEqualTo("[\"ukp_days\",\"zero_day_share\"]");
        assertThat(team.path("statuses").get(0).path("status").asText()).isEqualTo("green");
        assertThat(team.path("statuses").get(0).path("month").asText()).isEqualTo("2025-03");
        assertThat(team.path("statuses").get(0).path("comment").asText()).isEqualTo("I rute");
        assertThat(team.path("statuses").get(0).path("setBy").asText()).isEqualTo("planner");
        JsonNode recruit = team.path("activities").get(0);
        assertThat(recruit.path("title").asText()).isEqualTo("Rekruttere sykepleier");
        assertThat(recruit.path("startMonth").asText()).as("an activity without «fra» starts with its measure").isEqualTo("2025-01");
        assertThat(recruit.path("scope").asText()).as("an activity's scope is its measure's").isEqualTo("municipality:5001");
        assertThat(recruit.path("statuses").get(0).path("status").asText()).as("the legend text").isEqualTo("yellow");
        assertThat(team.path("activities").get(1).path("priority").asText()).isEqualTo("lav");
        assertThat(team.path("activities").get(1).path("startMonth").asText()).isEqualTo("2025-02");
        assertThat(plan.get(1).path("scope").asText()).as("default scope").isEqualTo("total");
        assertThat(plan.get(1).path("size").asText()).isEqualTo("lite");
        assertThat(plan.get(1).path("statuses")).isEmpty();

        JsonNode audit = TestUsers.as(rest, "viewer").getForObject("/api/v1/imports/" + response.getBody().path("importId").asLong(),
                JsonNode.class);
        assertThat(audit.path("dataset").asText()).isEqualTo("measures");
        assertThat(audit.path("outcome").asText()).isEqualTo("stored");
        assertThat(audit.path("importedBy").asText()).isEqualTo("planner");
        assertThat(audit.path("inserted").asInt()).isEqualTo(4);
    }

    @Test
    void shouldStoreTheSamePlanFromXlsxWithAPeriodAndActivitiesNamingTheirMeasure() throws IOException {
        byte[] xlsx = xlsx(List.of(
                List.of("Tiltaksplan 2025"),
                List.of("Tiltak", "Aktivitet", "Tidsrom", "Prioritet", "Omfang", "Indikatorer", "Status", "Måned"),
                List.of("Felles tavle", "", "03.2025–06.2025", "Middels", "Lite", "avg_ukp_days", "", ""),
                List.of("Forsterket utskrivningsteam", "", "01.2025-12.2025", "Høy", "Middels", "ukp_days", "rød", "04.2025"),
                List.of("Felles tavle", "Kjøpe tavle", "", "", "", "", "green", "2025-04")));

        ResponseEntity<JsonNode> response = post("admin", xlsx, ImportClient.XLSX, false);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("warnings").toString()).as("the title row").contains("Tittelrad");
        assertThat(counts(response)).containsExactly(3, 0, 0);
        JsonNode plan = plan();
        assertThat(plan.get(0).path("endMonth").asText()).isEqualTo("2025-06");
        assertThat(plan.get(0).path("activities").get(0).path("title").asText()).isEqualTo("Kjøpe tavle");
        assertThat(plan.get(0).path("activities").get(0).path("startMonth").asText()).isEqualTo("2025-03");
        assertThat(plan.get(0).path("activities").get(0).path("statuses").get(0).path("status").asText()).isEqualTo("green");
        assertThat(plan.get(1).path("statuses").get(0).path("status").asText()).isEqualTo("red");
        assertThat(plan.get(1).path("endMonth").asText()).isEqualTo("2025-12");
    }

    @Test
    void shouldMatchAReimportByTitleAndByIdAndChangeOnlyWhatChanged() {
        assertThat(post("planner", PLAN, false).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode before = plan();
        long team = before.get(0).path("id").asLong();
        long board = before.get(1).path("id").asLong();

        ResponseEntity<JsonNode> same = post("planner", PLAN, false);
        assertThat(counts(same)).as("the same file again: nothing new, no status twice").containsExactly(0, 0, 4);
        assertThat(plan().get(0).path("statuses")).hasSize(1);
        assertThat(dsl.fetchCount(dsl.selectFrom("measure_revision"))).isEqualTo(4);

        // by title (case does not matter): the activity changes its owner, the measure gets a new status
        String changed = PLAN.replace("Forsterket utskrivningsteam;", "FORSTERKET utskrivningsteam;")
                .replace(";Helse og velferd;", ";Legetjenesten;").replace("grønn;I rute;03.2025", "gul;Litt sent;03.2025");
        ResponseEntity<JsonNode> second = post("planner", changed, false);
        assertThat(counts(second)).as("%s", second.getBody()).containsExactly(0, 2, 2);
        JsonNode after = plan();
        assertThat(after).hasSize(2);
        assertThat(after.get(0).path("id").asLong()).isEqualTo(team);
        assertThat(after.get(0).path("title").asText()).isEqualTo("FORSTERKET utskrivningsteam");
        assertThat(after.get(0).path("revision").asInt()).isEqualTo(2);
        assertThat(after.get(0).path("statuses")).as("history kept").hasSize(2);
        assertThat(after.get(0).path("statuses").get(0).path("status").asText()).isEqualTo("yellow");
        assertThat(after.get(0).path("activities").get(0).path("owner").asText()).isEqualTo("Legetjenesten");
        assertThat(after.get(0).path("activities").get(0).path("revision").asInt()).isEqualTo(2);
        assertThat(after.get(0).path("activities").get(1).path("revision").asInt()).isEqualTo(1);
        assertThat(after.get(1).path("revision").asInt()).isEqualTo(1);

        // by id: a new title for the same measure; a column left out keeps what is stored
        String byId = "id;tiltak;fra;prioritet\n" + board + ";Felles tavle i alle kommuner;03.2025;Middels\n";
        ResponseEntity<JsonNode> third = post("planner", byId, false);
        assertThat(counts(third)).as("%s", third.getBody()).containsExactly(0, 1, 0);
        JsonNode renamed = plan().get(1);
        assertThat(renamed.path("id").asLong()).isEqualTo(board);
        assertThat(renamed.path("title").asText()).isEqualTo("Felles tavle i alle kommuner");
        assertThat(renamed.path("revision").asInt()).isEqualTo(2);
        assertThat(renamed.path("size").asText()).as("no «omfang» column: kept").isEqualTo("lite");
        assertThat(renamed.path("indicators").toString()).isEqualTo("[\"avg_ukp_days\"]");
        assertThat(plan()).hasSize(2);
    }

    @Test
    void shouldRefuseEveryKindOfBadRowInNorwegianAndStoreNothing() {
        assertRefused(";Aktivitet uten tiltak;01.2025;;;;;;;;;\n" + row("Tiltak"), 2, "aktivitet", "Aktivitet uten tiltak",
                "Aktivitet før første tiltak");
        assertRefused(row("Tiltak").replace("ukp_days", "ukp_dager"), 2, "indikatorer", "ukp_dager",
                "Ukjent indikator «ukp_dager» i «indikatorer»: bruk ukp_days (");
        assertRefused(row("Tiltak").replace("01.2025;12.2025", "13.2025;12.2025"), 2, "fra", "13.2025", "Måneden finnes ikke");
        assertRefused(row("Tiltak").replace("01.2025;12.2025", "01.2025;12.2024"), 2, "til", "12.2024",
                "«til» (2024-12) er før «fra» (2025-01)");
        assertRefused(row("Tiltak").replace(";5001;", ";9999;"), 2, "område", "9999", "Ukjent utvalg «municipality:9999»");
        assertRefused(row("Tiltak").replace(";grønn;", ";lilla;"), 2, "status", "lilla", "Statusen må være grønn, gul eller rød");
        assertRefused(row("Tiltak").replace(";Høy;", ";Høyest;"), 2, "prioritet", "Høyest", "Prioriteten må være Høy, Middels eller Lav");
        assertRefused(row("Tiltak").replace(";Middels;", ";Enorm;"), 2, "omfang", "Enorm", "Omfanget må være Stort, Middels eller Lite");
        assertRefused(row("Tiltak") + ";Aktivitet;;;;;;ukp_days;;;;\n", 3, "indikatorer", "ukp_days",
                "en aktivitet har ingen egne indikatorer");
        assertRefused(row("Tiltak") + row("tiltak"), 3, "tiltak", "tiltak", "står også på linje 2");
        assertRefused(row("Tiltak") + ";Tavle;;;;;;;;;;\n;tavle;;;;;;;;;;\n", 4, "aktivitet", "tavle",
                "Aktiviteten «tavle» står også på linje 3");
        assertRefused(row("Tiltak") + "Annet;Aktivitet;;;;;;;;;;\n", 3, "tiltak", "Annet", "Tiltaket «Annet» står ikke i filen");
        assertRefused(row("Tiltak").replace(";I rute;03.2025", ";I rute;03.2025").replace(";grønn;", ";;"), 2, "kommentar",
                "I rute", "En kommentar hører til en status");
        assertRefused(row("").replace(";;01.2025", ";;01.2025"), 2, "tiltak", "", "«tiltak» mangler");
        assertRefused(row("Tiltak").replace("01.2025;12.2025", ";12.2025"), 2, "fra", "", "«fra» mangler");
        assertRefused("tidsrom;prioritet\n01.2025–12.2025;Høy\n", 1, "title", "", "Kolonnen «tiltak» (eller «title») mangler i overskriften", false);
        assertRefused("tiltak;til\nTiltak;12.2025\n", 1, "fra", "", "Kolonnen «fra» (eller «tidsrom») mangler i overskriften", false);
        assertRefused("id;tiltak;fra\n999999;Tiltak;01.2025\n", 2, "id", "999999", "Fant ikke tiltak med id 999999", false);
        assertRefused("tiltak;tidsrom\nTiltak;januar–mars\n", 2, "tidsrom", "januar–mars", "Tidsrommet må skrives MM.ÅÅÅÅ–MM.ÅÅÅÅ", false);

        assertThat(dsl.fetchCount(dsl.selectFrom("measure"))).as("nothing stored").isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom("measure_status"))).isZero();
        assertThat(dsl.fetchValue("SELECT count(*) FROM import WHERE dataset = 'measures' AND outcome = 'rejected'"))
                .as("every attempt in the audit").isEqualTo(19L);
        assertThat(dsl.fetchValue("SELECT count(*) FROM import_message WHERE message LIKE 'Aktivitet før første tiltak%'"))
                .isEqualTo(1L);
    }

    @Test
    void shouldRefuseToUndoAPlanImportWithItsOwnReason() {
        long stored = post("planner", PLAN, false).getBody().path("importId").asLong();

        ResponseEntity<JsonNode> undo = TestUsers.as(rest, "admin").postForEntity("/api/v1/imports/" + stored + "/undo", null,
                JsonNode.class);

        assertThat(undo.getStatusCode().value()).as("%s", undo.getBody()).isEqualTo(409);
        assertThat(undo.getBody().toString()).contains("er en tiltaksplan og kan ikke angres");
        assertThat(plan()).hasSize(2);
    }

    @Test
    void shouldStoreNothingInADryRunAndAnswerWhatWouldHappen() {
        ResponseEntity<JsonNode> response = post("planner", PLAN, true);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("outcome").asText()).isEqualTo("validated");
        assertThat(counts(response)).containsExactly(4, 0, 0);
        assertThat(plan()).isEmpty();
        assertThat(dsl.fetchCount(dsl.selectFrom("measure_revision"))).isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom("measure_status"))).isZero();
        assertThat(dsl.fetchValue("SELECT outcome FROM import WHERE dataset = 'measures'")).isEqualTo("validated");
    }

    @Test
    void shouldLetPlannersAndAdminsImportThePlanButNotTheDataLoaderOrAViewer() {
        assertThat(post("ingest", PLAN, false).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("viewer", PLAN, false).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(plan()).isEmpty();
        assertThat(post("planner", PLAN, true).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("admin", PLAN, true).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(template("ingest", "csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(template("viewer", "csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(template("planner", "monthly-statistics", "csv").getStatusCode()).as("the planner imports the plan only")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldTakeTheStatusMonthFromTheLatestMonthWithData() {
        new ImportClient(rest).store("monthly-statistics", "måned;kommunenr;ukp_opphold;opphold_0_døgn;ukp_døgn;rett_hjem\n"
                + "2025-04;5001;10;8;5;3\n");
        ResponseEntity<JsonNode> response = post("planner", "tiltak;fra;status\nTiltak;01.2025;gul\n", false);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(plan().get(0).path("statuses").get(0).path("month").asText()).isEqualTo("2025-04");
    }

    @Test
    void shouldGiveTheTemplateWhoseHeadersImportAndListThePlanAmongTheKinds() throws IOException {
        ResponseEntity<byte[]> csv = template("planner", "csv");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("mal-measures.csv");
        String header = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(header).startsWith("\uFEFFtiltak;aktivitet;fra;til;tidsrom;prioritet;omfang;ansvarlig;indikatorer;område;status;"
                + "kommentar;måned;beskrivelse;id\r\n");
        String filled = header + "Tiltak;;01.2025;;;Høy;Stort;;;;grønn;;03.2025;;\r\n";
        assertThat(post("planner", filled, false).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<byte[]> xlsx = template("admin", "xlsx");
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> sheets = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            workbook.getSheets().forEach(s -> sheets.add(s.getName()));
            try (var rows = workbook.getSheets().toList().get(1).openStream()) {
                rows.map(r -> r.getCellText(0)).forEach(explained::add);
            }
        }
        assertThat(sheets).containsExactly("Tiltaksplan", "Forklaring");
        assertThat(explained).contains("tiltak", "aktivitet", "tidsrom", "status", "måned");

        JsonNode kinds = TestUsers.as(rest, "viewer").getForObject("/api/v1/imports/kinds", JsonNode.class);
        assertThat(kinds.toString()).contains("{\"slug\":\"monthly-statistics\",\"title\":\"Månedsstatistikk\"}")
                .contains("{\"slug\":\"measures\",\"title\":\"Tiltaksplan\"}");
    }

    /** A measure's row with every column filled. */
    private static String row(String title) {
        return title + ";;01.2025;12.2025;Høy;Middels;Melhus kommune;ukp_days;5001;grønn;I rute;03.2025\n";
    }

    private void assertRefused(String rows, int line, String column, String value, String message) {
        assertRefused(HEADER + rows, line, column, value, message, true);
    }

    private void assertRefused(String file, int line, String column, String value, String message, boolean unused) {
        ResponseEntity<JsonNode> response = post("planner", file, false);
        assertThat(response.getStatusCode()).as("%s", file).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode errors = response.getBody().path("errors");
        assertThat(errors).as("%s", file).hasSize(1);
        assertThat(errors.get(0).path("line").asInt()).as("%s", errors).isEqualTo(line);
        assertThat(errors.get(0).path("column").asText()).as("%s", errors).isEqualTo(column);
        assertThat(errors.get(0).path("value").asText()).as("%s", errors).isEqualTo(value);
        assertThat(errors.get(0).path("message").asText()).as("%s", errors).contains(message);
    }

    private ResponseEntity<JsonNode> post(String user, String csv, boolean dryRun) {
        return post(user, csv.getBytes(StandardCharsets.UTF_8), ImportClient.CSV, dryRun);
    }

    private ResponseEntity<JsonNode> post(String user, byte[] file, String mediaType, boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mediaType));
        return TestUsers.as(rest, user).postForEntity("/api/v1/imports/measures?dryRun=" + dryRun, new HttpEntity<>(file, headers),
                JsonNode.class);
    }

    private ResponseEntity<byte[]> template(String user, String format) {
        return template(user, "measures", format);
    }

    private ResponseEntity<byte[]> template(String user, String dataset, String format) {
        return TestUsers.as(rest, user).getForEntity("/api/v1/imports/" + dataset + "/template?format=" + format, byte[].class);
    }

    private JsonNode plan() {
        return TestUsers.as(rest, "viewer").getForObject("/api/v1/measures", JsonNode.class);
    }

    private static List<Integer> counts(ResponseEntity<JsonNode> response) {
        JsonNode body = response.getBody();
        return List.of(body.path("inserted").asInt(-1), body.path("updated").asInt(-1), body.path("unchanged").asInt(-1));
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Tiltaksplan");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r, c, rows.get(r).get(c));
                }
            }
        }
        return out.toByteArray();
    }
}
