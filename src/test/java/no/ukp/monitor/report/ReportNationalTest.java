package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The vision «Blant de beste i landet» first in the report and the section «Nasjonal sammenligning», for the
 * latest year with national figures up to the report's year. Four communities of one municipality each:
 * <pre>
 *            2023 (days / 1 000 inh.)     2024
 *   ours 5001   5.0  rank 1 of 4           10.0  rank 2 of 4: percentile 100 · 2 / 3 = 67, yellow (2 ≤ ⌊4/2⌋)
 *   Alfa 1111  20.0                        20.0
 *   Beta 2222  25.0                         5.0
 *   Delta 4444 30.0                        30.0
 * </pre>
 */
@DatabaseTest
class ReportNationalTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void data() {
        TestDatabase.clean(dsl);
        ImportClient imports = new ImportClient(rest);
        imports.store("monthly-statistics", """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2023-06,5001,10,8,12,3,1
                2024-03,5001,10,8,12,3,1
                """);
        imports.store("national-statistics", """
                år,kommunenr,kommunenavn,helsefellesskap,overliggerdøgn,innbyggere
                2023,5001,Trondheim,Helsefellesskapet St. Olav,5,1000
                2023,1111,Alfaby,Alfa,20,1000
                2023,2222,Betaby,Beta,25,1000
                2023,4444,Deltaby,Delta,30,1000
                2024,5001,Trondheim,Helsefellesskapet St. Olav,10,1000
                2024,1111,Alfaby,Alfa,20,1000
                2024,2222,Betaby,Beta,5,1000
                2024,4444,Deltaby,Delta,30,1000
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8), "samdata-2024.csv");
    }

    @Test
    void shouldShowTheVisionFirstAndTheNationalComparisonWithItsSourceInThePdf() throws Exception {
        byte[] pdf = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=2024-03&format=pdf", byte[].class);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("[ \\t\\u00a0]*\\R[ \\t\\u00a0]*", " ").replace('\u00a0', ' ');
        }
        assertThat(text).contains("Visjon: «Blant de beste i landet»")
                .contains("I den beste halvdelen Helsefellesskapet St. Olav er nr. 2 av 4 helsefellesskap i 2024 med 10,0 UKP-døgn "
                        + "per 1 000 innbyggere (persentil 67; nr. 1 har færrest).")
                .contains("Nasjonal sammenligning 2024")
                .contains("Trondheim (5001) 10,0 2 av 4 67 I den beste halvdelen")
                .contains("Kilde: Helsedirektoratet, SAMDATA: Utskrivningsklare pasienter (somatikk) etter bostedskommune. Tall for 2024")
                .contains("(samdata-2024.csv)");
        assertThat(text.indexOf("Visjon: «Blant de beste i landet»")).as("the vision comes first")
                .isLessThan(text.indexOf("Status for indikatorene"));
    }

    @Test
    void shouldJudgeTheVisionForTheLatestYearUpToTheReportsYearAndHighlightOursInTheChart() {
        String html = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=2023-06&format=html", String.class);
        assertThat(html).contains("<span class=\"badge green\">Blant de beste</span>")
                .contains("Helsefellesskapet St. Olav er nr. 1 av 4 helsefellesskap i 2023")
                .contains("Nasjonal sammenligning 2023");
        assertThat(html).contains("id='nasjonal-helsefellesskap'")
                .contains("font-weight='bold'>1. Helsefellesskapet St. Olav</text>")
                .contains("fill='" + NationalSections.OURS + "'")
                .contains("fill='" + NationalSections.OUR_MUNICIPALITY + "'");
    }

    @Test
    void shouldSayTheVisionCannotBeJudgedWithoutNationalFigures() {
        dsl.execute("TRUNCATE national_statistics, national_statistics_revision");
        String html = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=2024-03&format=html", String.class);
        assertThat(html).contains("Ingen nasjonale tall er importert: visjonen kan ikke vurderes").doesNotContain("Nasjonal sammenligning");
    }
}
