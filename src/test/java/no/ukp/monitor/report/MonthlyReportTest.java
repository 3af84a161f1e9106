package no.ukp.monitor.report;

import static no.ukp.monitor.report.ReportFixture.nb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The monthly report on the hand-computed fixture of {@link ReportFixture}: what the PDF and the
 * HTML say, in Norwegian, for a month with data, with missing municipalities and with no data.
 */
@DatabaseTest
class MonthlyReportTest {

    static final List<String> NAMES = List.of("Antall UKP-døgn per år", "Andel UKP med opphold 0 døgn",
            "Gjennomsnittlig liggetid som UKP", "Andel UKP som reiser rett hjem", "Andel re-innleggelser < 30 døgn",
            "Endring i liggetid på korttidsopphold (Øya helsehus)");
    static final Path ARTIFACTS = Path.of("target", "report-test");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void load() {
        ReportFixture.load(rest, dsl);
    }

    @Test
    void shouldPrintEveryIndicatorWithNorwegianFiguresStatusesAndNotesInThePdf() throws IOException {
        ResponseEntity<byte[]> response = TestUsers.as(rest, "viewer")
                .getForEntity("/api/v1/reports/monthly?month=2025-06&format=pdf", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("ukp-manedsrapport-2025-06-total.pdf");
        byte[] pdf = response.getBody();
        Files.createDirectories(ARTIFACTS);
        Files.write(ARTIFACTS.resolve("rapport-2025-06-total.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines joined: a phrase may wrap anywhere in the PDF
            String text = new PDFTextStripper().getText(document).replaceAll("[ \\t]*\\R[ \\t]*", " ");
            assertThat(text).contains("UKP – månedsrapport", "juni 2025", "Helsefellesskapet");
            assertThat(text).contains(NAMES);
            // rolling 12 months and the month, as computed by hand in ReportFixture
            assertThat(text).contains(nb("1 900"), "130", "Enkel framskriving for 2025: 1\u00a0880", "hittil i år: 940");
            // 24 months of history: too few for the forecast, and the report says so
            assertThat(text).contains("Prognose for 2025: ingen. For kort historikk til prognose for 2025: trenger minst 41 "
                    + "sammenhengende måneder med data, har 24.");
            assertThat(text).contains(nb("75,9 %"), nb("72,0 %"));
            assertThat(text).contains(nb("2,47 døgn"), nb("1,86 døgn"));
            assertThat(text).contains(nb("35,6 %"), nb("32,0 %"));
            assertThat(text).contains(nb("14,8 %"));
            assertThat(text).contains(nb("−18,0 %"), nb("−21,0 %"));
            assertThat(text).contains("≤ 1\u00a0000 per år", "≥ 90\u00a0%", "≤ 2\u00a0døgn", "≥ 30\u00a0%", "≤ 16\u00a0%",
                    "≤ −20\u00a0% mot 2023");
            assertThat(text).contains("Ingen avvik", "Mindre avvik, men håndteres", "Kritiske avvik, når ikke målsetning");
            // SPC verdicts, the notes, coverage and the imports
            assertThat(text).contains("Kan både nå og ikke nå målet", "Mål per måned: 1\u00a0000 / 12 = 83");
            assertThat(text).contains("registrerer UKP-opphold",
                    "Reinnleggelser innen 30 døgn for juni 2025 er ennå ikke kjent for 2 av 2 kommuner");
            assertThat(text).contains("Ikke rapportert for juni 2025 (18 kommuner)", "Oppdal (5021)",
                    "mars 2025 og juni 2025");
            assertThat(text).contains("Tall per", "report-monthly.csv", "report-short-term.csv", "Månedsstatistikk");
            assertThat(text).contains("Status per kommuneregion", "Trondheimsområdet", "Fjellregionen");
            assertThat(text).doesNotContain("SYNTETISKE");
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            assertThat(firstPage.getText(document).replaceAll("[ \\t]*\\R[ \\t]*", " "))
                    .as("the MDC summary and its legend in words on the first page")
                    .contains("«Making Data Count»", "≤ 83 per måned", "blå P = vil nå målet", "grå ? = kan både nå og ikke nå målet");

            List<String> notEmbedded = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
            }
            assertThat(notEmbedded).as("fonts not embedded").isEmpty();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("UKP – månedsrapport juni 2025 – Helsefellesskapet");
        }
    }

    @Test
    void shouldServeTheSameReportAsAStandAloneHtmlPage() throws IOException {
        ResponseEntity<String> response = TestUsers.as(rest, "viewer")
                .getForEntity("/api/v1/reports/monthly?month=2025-06&format=html", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
        String html = response.getBody();
        Files.createDirectories(ARTIFACTS);
        Files.writeString(ARTIFACTS.resolve("rapport-2025-06-total.html"), html, StandardCharsets.UTF_8);
        assertThat(html).contains("juni 2025", nb("1 900"), nb("75,9 %"), nb("−18,0 %"), "Kritiske avvik, når ikke målsetning");
        assertThat(html).contains(NAMES.get(0), NAMES.get(5));
        assertThat(html).as("the month's readmissions are not yet known: a dash, not 0")
                .contains("<td class=\"num big\">" + nb("14,8 %") + "</td>\n      <td class=\"num\">–</td>");
        assertThat(html).as("inline SVG charts: a trend and an XmR chart per indicator")
                .contains("<svg id='trend-ukp_days'", "<svg id='spc-ukp_days'", "<svg id='spc-short_term_los_change'");
        assertThat(html).as("no external resources").doesNotContain("<link", "<script", "src=", "url(http");
    }

    @Test
    void shouldSummariseEveryIndicatorsSpcAsTheApiComputesItWithIconsAndWordsOnTheFirstPage() {
        String html = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=2025-06&format=html", String.class);
        JsonNode catalogue = TestUsers.as(rest, "viewer").getForObject("/api/v1/indicators", JsonNode.class);

        assertThat(html.indexOf("Making Data Count")).as("the summary comes before the indicators' pages")
                .isLessThan(html.indexOf("Indikatorene: utvikling"));
        assertThat(catalogue).as("a row for every catalogue indicator").hasSizeGreaterThanOrEqualTo(NAMES.size());
        for (JsonNode indicator : catalogue) {
            String id = indicator.get("id").asText();
            JsonNode spc = TestUsers.as(rest, "viewer")
                    .getForObject("/api/v1/kpis/spc?indicator=" + id + "&scope=total&to=2025-06", JsonNode.class);
            String row = row(html, "mdc-" + id);
            String variation = variationWords(spc.get("variation"));
            String assurance = assuranceWords(spc.get("assurance"));

            assertThat(row).as(id).contains(indicator.get("name").asText().replace("<", "&lt;"), variation, assurance);
            assertThat(row).as(id + ": the other verdicts' words").doesNotContain(List.of("Vanlig variasjon",
                    "Spesiell variasjon – forbedring", "Spesiell variasjon – bekymring", "Vil nå målet",
                    "Vil ikke nå målet uten endring", "Kan både nå og ikke nå målet").stream()
                    .filter(w -> !w.equals(variation) && !w.equals(assurance)).toArray(String[]::new));
            assertThat(row.contains("<svg")).as(id + ": an icon where assessed").isEqualTo(!spc.get("variation").isNull());
            if (!spc.get("variation").isNull()) {
                assertThat(row).as(id).contains("aria-label='Variasjon: " + variation, "<title>Variasjon: " + variation);
            }
            if (!spc.get("assurance").isNull()) {
                assertThat(row).as(id).contains("aria-label='Måloppnåelse: " + assurance);
            }
        }

        JsonNode days = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/kpis/spc?indicator=ukp_days&scope=total&to=2025-06", JsonNode.class);
        assertThat(days.get("phases").get(0).get("mean").asDouble()).as("ReportFixture: (24 × 120 + 24 × 30 + 22 × 10) / 24")
                .isCloseTo(3820.0 / 24, within(1e-9));
        assertThat(row(html, "mdc-ukp_days")).as("latest month, the yearly target / 12, the mean")
                .contains("<td class=\"num\">130</td>", "<td>≤ 83 per måned</td>", "<td class=\"num\">159</td>");
        assertThat(row(html, "mdc-readmission_30d_share")).as("June not yet known: the latest value is May's")
                .contains("(mai 2025)");
    }

    private static String variationWords(JsonNode variation) {
        return variation.isNull() ? "Ikke vurdert" : switch (variation.asText()) {
            case "common_cause" -> "Vanlig variasjon";
            case "special_cause_improvement" -> "Spesiell variasjon – forbedring";
            case "special_cause_concern" -> "Spesiell variasjon – bekymring";
            default -> throw new AssertionError(variation.asText());
        };
    }

    private static String assuranceWords(JsonNode assurance) {
        return assurance.isNull() ? "Ikke vurdert" : switch (assurance.asText()) {
            case "consistent_pass" -> "Vil nå målet";
            case "consistent_fail" -> "Vil ikke nå målet uten endring";
            case "inconsistent" -> "Kan både nå og ikke nå målet";
            default -> throw new AssertionError(assurance.asText());
        };
    }

    /** The table row with this id. */
    private static String row(String html, String id) {
        int start = html.indexOf("<tr id=\"" + id + "\"");
        assertThat(start).as("row " + id).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void shouldSayThereAreNoDataForAMonthWithoutDataInsteadOfShowingZeros() {
        String html = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=2022-01&format=html", String.class);

        assertThat(html).contains("Ingen data for januar 2022", "<span class=\"badge no_data\">Ingen data</span>");
        assertThat(html).doesNotContain(nb("0,0 %"), ">0<", "badge green", "badge yellow", "badge red");
        assertThat(html).contains("Ikke rapportert for januar 2022 (20 kommuner)");
    }

    @Test
    void shouldListTheMunicipalitiesThatHaveNotReportedTheMonth() {
        String html = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/reports/monthly?month=2025-06&scope=region:fjellregionen&format=html", String.class);

        assertThat(html).contains("Ingen data for juni 2025: ingen kommuner i utvalget har rapportert for måneden.",
                "Ikke rapportert for juni 2025 (4 kommuner): Holtålen (5026), Oppdal (5021), Rennebu (5022), Røros (5025).",
                "10 av 48 kommune-måneder er rapportert for juli 2024–juni 2025",
                "<td>Oppdal (5021)</td><td>mars 2025 og juni 2025</td>");
        assertThat(html).as("three never reported in the window")
                .contains("Holtålen (5026), Rennebu (5022), Røros (5025)</span>.");
    }

    @Test
    void shouldBreakARegionDownByMunicipality() {
        String html = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/reports/monthly?month=2025-06&scope=region:trondheimsomradet&format=html", String.class);

        assertThat(html).contains("Trondheimsområdet (kommuneregion)", "Status per kommune", "Melhus", "Skaun", "Malvik",
                "Midtre Gauldal");
        assertThat(html).as("Melhus alone, month: 40/50").contains(nb("80,0 %"));
    }

    @Test
    void shouldBannerSyntheticDemoData() {
        dsl.execute("UPDATE import SET synthetic = TRUE");

        String html = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=2025-06&format=html", String.class);

        assertThat(html).contains("SYNTETISKE DEMODATA");
    }

    @Test
    void shouldShowTheLatestMonthAtTheStartPageToALoggedInUserOnly() {
        ResponseEntity<String> start = TestUsers.as(rest, "viewer").getForEntity("/", String.class);
        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(start.getBody()).contains("UKP – månedsrapport", "juni 2025", "Helsefellesskapet", NAMES.get(1));

        assertThat(rest.getForEntity("/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/api/v1/reports/monthly", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldDefaultToTheLatestMonthAndRejectWrongArgumentsInNorwegian() {
        ResponseEntity<byte[]> latest = TestUsers.as(rest, "viewer").getForEntity("/api/v1/reports/monthly", byte[].class);
        assertThat(latest.getHeaders().getContentDisposition().getFilename()).isEqualTo("ukp-manedsrapport-2025-06-total.pdf");

        ResponseEntity<String> month = TestUsers.as(rest, "viewer").getForEntity("/api/v1/reports/monthly?month=juni", String.class);
        assertThat(month.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(month.getBody()).contains("ÅÅÅÅ-MM");
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/reports/monthly?format=docx", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/reports/monthly?scope=region:atlantis", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
