package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * The report's «Hva driver endringen?» on the decomposition's fixture (see analysis/AnalysisApiTest): Trondheimsområdet,
 * January–February 2025 against 2024, 29 → 46 UKP-days. Contributions 14.94 + 4.49 − 2.43 = 17, shown by largest
 * remainder as +15, +4, −2; Melhus 11.67 + 8.33 + 0 = 20 as +12, +8, 0 (each rounded half up would also give that, but
 * Malvik −0.75 − 8.25 + 0 = −9 shows −1, −8, 0 where half up would give −1 − 8 = −9 only by luck of the halves).
 */
@DatabaseTest
class ReportChangeTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void data() throws IOException {
        TestDatabase.clean(dsl);
        try (InputStream in = getClass().getResourceAsStream("/no/ukp/monitor/analysis/decomposition-monthly.csv")) {
            new ImportClient(rest).store("monthly-statistics", in.readAllBytes());
        }
    }

    @Test
    void shouldExplainTheChangeWithAWaterfallAndTheMunicipalitiesThatAddUp() throws Exception {
        String html = TestUsers.as(rest, "viewer").getForObject(
                "/api/v1/reports/monthly?month=2025-02&scope=region:trondheimsomradet&format=html", String.class);

        assertThat(html).contains("Hva driver endringen?", "<svg", "class=\"waterfall\"");
        String text = text(html);
        assertThat(text).contains("UKP-døgn hittil i år (januar–februar 2025): 46, mot 29 i samme periode i fjor");
        assertThat(text).contains("en økning på 17");
        assertThat(text).contains("Antall UKP-opphold 26 39 +15", "Andel opphold med UKP-døgn 50,0 % 56,4 % +4",
                "UKP-døgn per opphold med døgn 2,23 2,09 −2");
        assertThat(text).contains("Melhus 20 40 +20 +12 +8 0", "Malvik 9 0 −9 −1 −8 0", "Skaun 0 6 +6 +6 0 0");
        assertThat(text).contains("Kommunenes endringer summerer seg til endringen for hele utvalget; bidragene per forklaring gjør ikke");

        byte[] pdf = TestUsers.as(rest, "viewer").getForObject(
                "/api/v1/reports/monthly?month=2025-02&scope=region:trondheimsomradet&format=pdf", byte[].class);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Hva driver endringen?");
        }
    }

    @Test
    void shouldSaySoWhenThereIsNoYearBefore() {
        String html = TestUsers.as(rest, "viewer").getForObject(
                "/api/v1/reports/monthly?month=2024-02&scope=total&format=html", String.class);
        assertThat(text(html)).contains("Hva driver endringen?",
                "Ingen sammenligning: det mangler tall for januar–februar 2024 eller for januar–februar 2023.");
        assertThat(html).doesNotContain("class=\"waterfall\"");
    }

    /** The page's text: no tags, every run of spaces (no-break spaces too) one space. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }
}
