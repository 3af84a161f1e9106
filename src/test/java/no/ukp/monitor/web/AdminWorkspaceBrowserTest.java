package no.ukp.monitor.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.ReferenceDataBackup;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin's whole round in the browser (issue 15): download a template, check a file with
 * errors, fix it, store it, find it in the history and its figures in the report, undo it (the
 * figures go back), add a municipality and import a file that uses it, add a target version and
 * see the status change. axe-core on every page and state visited, screenshots of each.
 * The figures are compared with {@code /api/v1/kpis}, never with numbers written here.
 */
@DatabaseTest
@DisabledIfEnvironmentVariable(named = "UKP_EXPECT_TIMESCALEDB", matches = "true",
        disabledReason = "browser tests run in the embedded half of CI only")
class AdminWorkspaceBrowserTest extends BrowserTest {

    static final String MONTH = "2019-08";
    static final String HEADER = "Måned;Kommunenr;UKP_opphold;Opphold_0_døgn;UKP_døgn;Rett_hjem\n";
    /** What is stored before the admin's file: every municipality but Frosta (not a member yet) reports. */
    static final String BASELINE = "month;municipality;ukp_stays;zero_day_stays;ukp_days;discharged_home\n"
            + "2019-08;5001;10;2;20;5\n2019-08;5028;4;1;6;2\n";
    static final String UKP_DAYS = "ukp_days";

    @Autowired
    DSLContext dsl;
    @Autowired
    no.ukp.monitor.indicator.IndicatorCatalogue catalogue;

    private ReferenceDataBackup backup;

    @BeforeEach
    void baseline() {
        TestDatabase.clean(dsl);
        dsl.execute("DELETE FROM indicator_target WHERE created_by <> 'migration'");
        backup = ReferenceDataBackup.take(dsl);
        new ImportClient(rest).store("monthly-statistics", BASELINE);
    }

    @AfterEach
    void restore() {
        backup.restore();
        dsl.execute("DELETE FROM indicator_target WHERE created_by <> 'migration'");
    }

    @Test
    void shouldLetTheAdminApproveTheLatestMonthAndEveryoneSeeWhatChangedSince() throws Exception {
        page.navigate("/godkjenning");
        logIn("admin", TestUsers.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Godkjente rapporter");
        assertThat(page.getByText("Ingen måneder er godkjent ennå.")).isVisible();
        check("godkjenning-tom");
        page.getByLabel("Merknad (valgfri), for eksempel møtet den ble godkjent i").fill("ASU-møte 12.09.2019");
        // the approval renders the report twice (PDF and HTML): on a busy machine that can take a while
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godkjenn august 2019 for ASU"))
                .click(new Locator.ClickOptions().setTimeout(120_000));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Rapporten for august 2019 er godkjent for ASU og lagret");
        Locator row = page.locator("tr.ukp-approval");
        assertThat(row).hasCount(1);
        assertThat(row.locator("th, td")).containsText(new String[] {"august 2019", "", "admin", "ASU-møte 12.09.2019", "Nei"});
        assertThat(page.getByText("august 2019 er allerede godkjent.")).isVisible();
        check("godkjenning-lagret");

        // the kept report, byte for byte, through the page's link
        String sha = dsl.fetchValue("SELECT report_sha256 FROM approval").toString();
        byte[] pdf = page.request().get(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Lagret rapport for august 2019 (PDF)")).getAttribute("href")).body();
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(sha);

        // Trondheim's August is corrected afterwards: the month shows as changed, old -> new, for a viewer too
        new ImportClient(rest).store("monthly-statistics", "month;municipality;ukp_stays;zero_day_stays;ukp_days;discharged_home\n"
                + "2019-08;5001;10;2;30;5\n");
        page.context().clearCookies();
        page.navigate("/login");
        logIn("viewer", TestUsers.PASSWORD);
        page.navigate("/godkjenning");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godkjenn august 2019 for ASU"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Ja, \\d+ tall"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("august 2019: endret etter godkjenning");
        JsonNode kpis = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?month=2019-08&scope=total", JsonNode.class);
        JsonNode days = java.util.stream.StreamSupport.stream(kpis.path("indicators").spliterator(), false)
                .filter(i -> i.path("id").asText().equals(UKP_DAYS)).findFirst().orElseThrow();
        Locator change = page.locator("tr.ukp-change").filter(new Locator.FilterOptions().setHasText("Helsefellesskapet"))
                .filter(new Locator.FilterOptions().setHas(page.locator("td", new Page.LocatorOptions()
                        .setHasText(java.util.regex.Pattern.compile("^Måned$")))))
                .filter(new Locator.FilterOptions().setHasText(catalogue.find(UKP_DAYS).orElseThrow().name()));
        assertThat(change.locator("td")).containsText(new String[] {"Helsefellesskapet", catalogue.find(UKP_DAYS).orElseThrow().name(),
                "Måned", "26", String.valueOf(days.path("values").path("month").asInt())});
        check("godkjenning-endret");
        assertThat(page.request().post("/godkjenning").status()).as("a viewer cannot approve").isEqualTo(403);
    }

    @Test
    void shouldTakeTheAdminFromATemplateToAStoredFileItsUndoANewMunicipalityAndANewTarget() throws IOException {
        page.navigate("/import");
        logIn("admin", TestUsers.PASSWORD);
        Locator menu = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hovedmeny"));
        assertThat(menu.getByRole(AriaRole.LINK)).containsText(new String[] {"Mål", "Kommuner"});

        // the templates of the chosen kind, with the Norwegian headers
        page.getByLabel("Hva slags data").selectOption("monthly-statistics");
        Download xlsx = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Last ned mal for Månedsstatistikk (Excel)")).click());
        assertThat(xlsx.suggestedFilename()).isEqualTo("mal-monthly-statistics.xlsx");
        List<String> headers = firstRow(Files.readAllBytes(xlsx.path()));
        assertThat(headers).contains("måned", "kommunenr", "ukp_opphold", "ukp_døgn");
        page.getByLabel("Hva slags data").selectOption("population");
        Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Last ned mal for Folketall (CSV)")).click());
        assertThat(csv.suggestedFilename()).isEqualTo("mal-population.csv");
        assertThat(Files.readString(csv.path(), StandardCharsets.UTF_8)).startsWith("\uFEFF").contains("kommunenr", "folketall");
        check("admin-import");

        // a file with errors, then fixed, checked and stored
        JsonNode before = kpis("total");
        page.getByLabel("Hva slags data").selectOption("monthly-statistics");
        upload("ukp-august-2019-feil.csv", HEADER + "08.2019;5001;ti;2;35;5\n");
        kontroller();
        assertThat(page.locator("table:has(caption:text-is('Feil i filen')) tbody tr")).hasCount(1);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre"))).hasCount(0);
        check("admin-import-feil");
        upload("ukp-august-2019.csv", HEADER + "08.2019;5001;10;2;35;5\n");
        kontroller();
        assertThat(page.locator(".ukp-counts")).containsText("1 endret");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.locator("#resultat-tittel")).hasText("Filen er lagret");
        check("admin-import-lagret");

        // the new figures in the report, as the API computes them
        JsonNode stored = kpis("total");
        assertThat(monthValue(stored)).isNotEqualByComparingTo(monthValue(before));
        assertReportShows(monthValue(stored));

        // in the history, undone after a confirmation that says what will happen
        menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Importhistorikk")).click();
        Locator row = page.locator("tbody tr", new Page.LocatorOptions().setHasText("ukp-august-2019.csv"))
                .filter(new Locator.FilterOptions().setHasText("Lagret"));
        assertThat(row).hasCount(1);
        List<String> cells = row.locator("td").allInnerTexts();
        check("admin-historikk");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                Pattern.compile("^Angre importen av ukp-august-2019\\.csv"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Angre import");
        assertThat(page.locator(".ukp-counts li").nth(0)).hasText(cells.get(7) + " verdier som importen endret, "
                + "settes tilbake til verdien de hadde før");
        assertThat(page.locator(".ukp-counts li").nth(1)).hasText(cells.get(6) + " rader som importen la til, fjernes");
        check("admin-angre-bekreft");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Angre importen")).click();
        assertThat(page.locator("#angre-resultat")).hasText("Importen er angret: 1 verdier er satt tilbake til verdien "
                + "før importen, 0 rader som importen la til, er fjernet. Historikken er beholdt.");
        check("admin-angret");
        assertThat(monthValue(kpis("total"))).isEqualByComparingTo(monthValue(before));
        assertReportShows(monthValue(before));
        page.navigate("/import/historikk");
        assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("ukp-august-2019.csv"))
                .filter(new Locator.FilterOptions().setHasText("Angret"))).hasCount(1);

        // a new municipality: the error next to its field first, then stored, then imported
        menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Kommuner")).click();
        assertThat(page.locator("#kommuner-tittel")).containsText("(20)");
        check("admin-kommuner");
        page.getByLabel("Kommunenummer", new Page.GetByLabelOptions().setExact(true)).fill("5001");
        page.getByLabel("Navn", new Page.GetByLabelOptions().setExact(true)).fill("Frosta");
        page.locator("#ny-region").selectOption("vaernesregionen");
        page.locator("#ny-medlemFra").fill(MONTH);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til kommunen")).click();
        assertThat(page.locator("#ny-nummer")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#ny-nummer-feil")).hasText("Kommunenummer 5001 finnes allerede (Trondheim)");
        assertThat(page.locator("#ny-nummer")).hasAttribute("aria-describedby", "ny-nummer-hjelp ny-nummer-feil");
        check("admin-kommuner-feil");
        page.getByLabel("Kommunenummer", new Page.GetByLabelOptions().setExact(true)).fill("5036");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til kommunen")).click();
        assertThat(page.locator("#lagret")).hasText("Frosta (5036) er lagt til, medlem fra august 2019.");
        assertThat(page.locator("#kommuner-tittel")).containsText("(21)");
        assertThat(page.locator("table:has(#logg-tittel) tbody tr").first()).containsText("Kommune 5036");
        check("admin-kommuner-lagret");

        JsonNode withoutFrosta = kpis("total");
        menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Importer data")).click();
        page.getByLabel("Hva slags data").selectOption("monthly-statistics");
        upload("frosta-august-2019.csv", HEADER + "08.2019;5036;3;1;7;1\n");
        kontroller();
        assertThat(page.locator(".ukp-counts")).containsText("1 nye");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.locator("#resultat")).containsText("Lagret: 1 nye, 0 endret, 0 uendret.");
        JsonNode withFrosta = kpis("total");
        BigDecimal frosta = monthValue(kpis("municipality:5036"));
        assertThat(frosta).as("Frosta's own figure").isNotNull();
        assertThat(monthValue(withFrosta)).as("counted in the total").isEqualByComparingTo(monthValue(withoutFrosta).add(frosta));
        assertThat(withFrosta.at("/coverage/reported").asInt()).isGreaterThan(withoutFrosta.at("/coverage/reported").asInt());

        // a new target version: the error next to its field first, then the status changes
        JsonNode indicator = indicator(withFrosta);
        String statusBefore = indicator.get("status").asText();
        BigDecimal rolling = new BigDecimal(indicator.at("/values/rolling12").asText());
        BigDecimal target = "green".equals(statusBefore) ? rolling.divide(BigDecimal.valueOf(2)) : rolling.multiply(BigDecimal.valueOf(2));
        menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mål")).click();
        check("admin-mal");
        page.getByLabel("Indikator").selectOption(UKP_DAYS);
        page.getByLabel("Gjelder for").selectOption("total");
        page.getByLabel("Gjelder fra måned").fill("august 2019");
        page.getByLabel("Mål", new Page.GetByLabelOptions().setExact(true)).fill(target.toPlainString().replace('.', ','));
        page.getByLabel("Toleranse", new Page.GetByLabelOptions().setExact(true)).fill("0");
        page.getByLabel("Type toleranse").selectOption("absolute");
        page.getByLabel("Merknad (valgfri)").fill("Satt i nettlesertesten");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til mål")).click();
        assertThat(page.locator("#gjelderFra")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#gjelderFra-feil")).hasText("Må skrives ÅÅÅÅ-MM");
        assertThat(page.getByLabel("Mål", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(target.toPlainString().replace('.', ','));
        check("admin-mal-feil");
        page.getByLabel("Gjelder fra måned").fill(MONTH);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til mål")).click();
        assertThat(page.locator("#lagret")).hasText("Nytt mål for Antall UKP-døgn per år (Helsefellesskapet) gjelder fra august 2019.");
        Locator version = page.locator("table:has(caption:text-is('Antall UKP-døgn per år')) tbody tr",
                new Page.LocatorOptions().setHasText("Satt i nettlesertesten"));
        assertThat(version.locator("td")).containsText(new String[] {"Helsefellesskapet", "august 2019", "Gjelder nå"});
        assertThat(version).containsText("admin");
        check("admin-mal-lagret");
        String statusAfter = indicator(kpis("total")).get("status").asText();
        assertThat(statusAfter).isNotEqualTo(statusBefore).isEqualTo("green".equals(statusBefore) ? "red" : "green");
    }

    @Test
    void shouldRefuseAnUndoWhenALaterImportChangedTheSameKeysAndSayWhichInNorwegian() {
        ImportClient client = new ImportClient(rest);
        client.store("monthly-statistics", BASELINE.replace(";20;", ";25;").getBytes(StandardCharsets.UTF_8), "rettet.csv");
        client.store("monthly-statistics", BASELINE.replace(";20;", ";30;").getBytes(StandardCharsets.UTF_8), "senere.csv");
        page.navigate("/import/historikk");
        logIn("admin", TestUsers.PASSWORD);
        page.navigate("/import/historikk");
        page.locator("tbody tr", new Page.LocatorOptions().setHasText("rettet.csv"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Angre importen av rettet.csv"))
                .focus();
        // by keyboard alone: the history's button, then the confirmation's
        page.keyboard().press("Enter");
        Locator confirm = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Angre importen"));
        confirm.focus();
        page.keyboard().press("Shift+Tab");
        page.keyboard().press("Tab");
        assertThat(confirm).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("kan ikke angres: en senere import har endret 1 av de samme radene");
        Locator keys = page.locator("table:has(caption:text-is('Rader en senere import har endret')) tbody tr");
        assertThat(keys).hasCount(1);
        assertThat(keys).containsText("5001");
        check("admin-angre-avvist");
        // nothing changed: the later import's value stands
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Angre importen"))).hasCount(0);
        assertThat(TestUsers.as(rest, "viewer").getForObject("/api/v1/imports?limit=10", JsonNode.class).findValuesAsText("outcome"))
                .doesNotContain("undo");
        // and a viewer is offered no undo
        context.clearCookies();
        page.navigate("/import/historikk");
        logIn("viewer", TestUsers.PASSWORD);
        page.navigate("/import/historikk");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Angre"))).hasCount(0);
        assertThat(page.navigate("/import/historikk/angre/1").status()).isEqualTo(403);
    }

    @Test
    void shouldRenameMoveAndAddAnOldNumberOnTheMunicipalityPageWithTheErrorsNextToTheFields() {
        page.navigate("/kommuner");
        logIn("admin", TestUsers.PASSWORD);
        // rename and move in one go; the fields left empty keep what is stored
        field("Kommune").selectOption("5029");
        field("Nytt navn").fill("Skaun kommune");
        field("Ny region").selectOption("fjellregionen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre endringen")).click();
        assertThat(page.locator("#lagret")).hasText("Skaun kommune (5029) er endret.");
        assertThat(page.locator("table:has(#kommuner-tittel) tbody tr", new Page.LocatorOptions().setHasText("5029"))
                .locator("td")).containsText(new String[] {"5029", "Skaun kommune", "Fjellregionen", "januar 2000"});
        assertThat(TestUsers.as(rest, "viewer").getForObject("/api/v1/municipalities/5029", JsonNode.class).get("regionId").asText())
                .isEqualTo("fjellregionen");
        Locator log = page.locator("table:has(#logg-tittel) tbody tr");
        assertThat(log).hasCount(2);
        assertThat(log.filter(new Locator.FilterOptions().setHasText("Navn"))).containsText("Skaun kommune");

        // an old number that is a current one: the service's 409 next to the field
        field("Gammelt kommunenummer").fill("5001");
        field("Nåværende kommune").selectOption("5029");
        field("Gammelt navn").fill("Børsa");
        field("Siste dag nummeret var i bruk").fill("31.12.2019");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til nummeret")).click();
        assertThat(page.locator("#gammel-sisteDag-feil")).hasText("Må være en dato, skrevet ÅÅÅÅ-MM-DD");
        assertThat(field("Gammelt navn")).hasValue("Børsa");
        field("Siste dag nummeret var i bruk").fill("2019-12-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til nummeret")).click();
        assertThat(page.locator("#gammel-nummer-feil")).hasText("Kommunenummer 5001 er i bruk av Trondheim og kan ikke være et gammelt nummer");
        assertThat(page.locator("#gammel-nummer")).hasAttribute("aria-invalid", "true");
        check("admin-kommuner-gammelt-feil");
        field("Gammelt kommunenummer").fill("1650");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til nummeret")).click();
        assertThat(page.locator("#lagret")).hasText("Det gamle nummeret 1650 (Børsa) er lagt til; filer med det importeres under 5029.");
        assertThat(page.locator("table:has(#kommuner-tittel) tbody tr", new Page.LocatorOptions().setHasText("5029")))
                .containsText("1650 Børsa (til 31.12.2019)");

        // a target that is not a number, on the targets page
        page.navigate("/mal");
        field("Gjelder fra måned").fill("2020-01");
        field("Mål").fill("mange");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til mål")).click();
        assertThat(page.locator("#mal-feil")).hasText("Må være et tall, for eksempel 0,1 eller 120");
        assertThat(page.locator("#toleranse-feil")).hasText("Mangler");
        assertThat(page.locator("#gjelderFra")).not().hasAttribute("aria-invalid", "true");
    }

    /** The field labelled exactly so (sections named by their headings have labels too). */
    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void kontroller() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontroller")).click();
        assertThat(page.locator("#resultat-tittel")).isVisible();
    }

    /** The start page shows the latest month's report: its UKP-days of the month are the API's. */
    private void assertReportShows(BigDecimal value) {
        page.navigate("/");
        Locator row = page.locator("table.summary tbody tr", new Page.LocatorOptions().setHasText("Antall UKP-døgn per år"));
        String shown = row.locator("td.num").nth(1).innerText().replaceAll("[^0-9]", "");
        assertThat(new BigDecimal(shown)).isEqualByComparingTo(value.setScale(0, RoundingMode.HALF_UP));
        check("admin-rapport");
        // the report is a page of its own, without the menu: back to the pages
        page.navigate("/import");
    }

    private JsonNode kpis(String scope) {
        return TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?month=" + MONTH + "&scope=" + scope, JsonNode.class);
    }

    private static JsonNode indicator(JsonNode kpis) {
        return StreamSupport.stream(kpis.get("indicators").spliterator(), false)
                .filter(i -> UKP_DAYS.equals(i.get("id").asText())).findFirst().orElseThrow();
    }

    private static BigDecimal monthValue(JsonNode kpis) {
        JsonNode value = indicator(kpis).at("/values/month");
        return value.isNull() || value.isMissingNode() ? null : new BigDecimal(value.asText());
    }

    private static List<String> firstRow(byte[] xlsx) throws IOException {
        try (InputStream in = new ByteArrayInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            try (var rows = sheet.openStream()) {
                Row header = rows.findFirst().orElseThrow();
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < header.getCellCount(); c++) {
                    cells.add(header.getCell(c).getText());
                }
                return cells;
            }
        }
    }
}
