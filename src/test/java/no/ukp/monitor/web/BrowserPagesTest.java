package no.ukp.monitor.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestUsers;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The browser pages in a real browser: Playwright drives Debian's chromium (never a browser of
 * its own: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}, set by the pom too) against the service on
 * a random port and the test database. Every page is checked by axe-core (WCAG 2.1 A and AA, no
 * violation allowed) and photographed into {@code target/screenshots/}. Run in the embedded half
 * of CI only, to keep CI short.
 */
@DatabaseTest
@DisabledIfEnvironmentVariable(named = "UKP_EXPECT_TIMESCALEDB", matches = "true",
        disabledReason = "browser tests run in the embedded half of CI only")
class BrowserPagesTest extends BrowserTest {

    /** Two errors: a count that is not a number, and more 0-day stays than stays. */
    static final String WITH_ERRORS = """
            Måned;Kommunenr;UKP_opphold;Opphold_0_døgn;UKP_døgn;Rett_hjem
            03.2019;5001;mange;3;9;2
            03.2019;5028;4;7;1;2
            """;
    /** Fixed; Melhus under its number before 2018, which is mapped with a warning. */
    static final String FIXED = """
            Måned;Kommunenr;UKP_opphold;Opphold_0_døgn;UKP_døgn;Rett_hjem
            03.2019;5001;12;3;9;2
            03.2019;1653;8;7;1;2
            """;

    @Autowired
    DSLContext dsl;
    @Autowired
    IndicatorCatalogue catalogue;

    @Test
    void shouldLogInCheckAFileWithErrorsFixItStoreItAndFindItInTheHistory() {
        page.navigate("/import");
        assertThat(page).hasURL(url("/login"));
        check("login");

        logIn("ingest", "feil-passord");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Feil brukernavn eller passord.");
        assertThat(page.getByLabel("Brukernavn")).hasAttribute("aria-invalid", "true");
        check("login-feil");

        logIn("ingest", TestUsers.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/import(\\?continue)?$"));
        assertThat(page.locator("header")).containsText("Innlogget som ingest");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Importer data");
        assertThat(page.getByLabel("Hva slags data").locator("option")).containsText(new String[] {
                "Månedsstatistikk", "Korttidsopphold", "Øyeblikksbilde", "Folketall", "Nasjonale tall",
                "Nasjonale kommuner"});
        check("import");

        page.getByLabel("Hva slags data").selectOption("monthly-statistics");
        upload("ukp-mars-2019-med-feil.csv", WITH_ERRORS);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontroller")).click();
        Locator errors = page.locator("table:has(caption:text-is('Feil i filen'))");
        assertThat(errors).isVisible();
        assertThat(errors.locator("thead th")).hasText(new String[] {"Linje", "Kolonne", "Verdi", "Melding"});
        List<List<String>> rows = rows(errors);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).subList(0, 3)).containsExactly("2", "UKP_opphold", "mange");
        assertThat(rows.get(1).subList(0, 3)).containsExactly("3", "Opphold_0_døgn", "7");
        assertThat(rows).allSatisfy(row -> assertThat(row.get(3)).isNotBlank());
        assertThat(page.locator("#resultat-tittel")).isFocused();
        // the upload reported its progress to the form's progress bar, which is hidden again now
        assertThat(page.locator("#opplasting")).isHidden();
        assertThat(((Number) page.evaluate("document.getElementById('opplasting-fremdrift').value")).doubleValue())
                .as("upload progress shown").isPositive();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre"))).hasCount(0);
        check("import-feil");

        upload("ukp-mars-2019.csv", FIXED);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontroller")).click();
        assertThat(page.locator("#resultat-tittel")).hasText("Resultat av kontrollen");
        assertThat(page.locator(".ukp-counts")).containsText("2 nye");
        assertThat(page.locator("#resultat")).not().containsText("Feil i filen");
        Locator warnings = page.locator("table:has(caption:text-is('Advarsler'))");
        assertThat(warnings.locator("tbody tr")).hasCount(1);
        assertThat(rows(warnings).get(0).subList(0, 3)).containsExactly("3", "Kommunenr", "1653");
        assertThat(page.locator("table:has(caption:text-is('Statuser som ville endre seg')) tbody tr").first())
                .containsText("mars 2019");
        check("import-kontrollert");

        String token = page.locator("input[name=token]").inputValue();
        String csrf = page.locator("#resultat input[name=_csrf]").inputValue();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.locator("#resultat-tittel")).hasText("Filen er lagret");
        assertThat(page.locator("#resultat")).containsText("Lagret: 2 nye, 0 endret, 0 uendret.");
        check("import-lagret");
        // the same form sent again (a double click, a resent page) stores nothing a second time
        APIResponse again = page.request().post("/import/lagre", RequestOptions.create()
                .setForm(FormData.create().set("token", token).set("_csrf", csrf)));
        assertThat(again.text()).contains("Fant ikke filen du kontrollerte");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hovedmeny"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Importhistorikk")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Importhistorikk");
        Locator stored = page.locator("tbody tr", new Page.LocatorOptions().setHasText("ukp-mars-2019.csv"))
                .filter(new Locator.FilterOptions().setHasText("Lagret"));
        assertThat(stored).hasCount(1);
        assertThat(stored.locator("td").allInnerTexts().subList(1, 11)).containsExactly(
                "ingest", "Månedsstatistikk", "ukp-mars-2019.csv", "Lagret", "2", "2", "0", "0", "0", "1");
        Locator rejected = page.locator("tbody tr", new Page.LocatorOptions().setHasText("ukp-mars-2019-med-feil.csv"));
        assertThat(rejected.first()).containsText("Kontroll: feil i filen");
        Locator messages = page.locator("details", new Page.LocatorOptions().setHasText("ukp-mars-2019-med-feil.csv"));
        messages.locator("summary").click();
        assertThat(messages.locator("li").first()).containsText("linje 2, UKP_opphold «mange»");
        check("historikk");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg ut")).click();
        assertThat(page).hasURL(url("/login?utlogget"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Du er logget ut.");
        check("utlogget");
        page.navigate("/import/historikk");
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void shouldStoreTheCheckedFileWithoutJavaScriptToo() {
        BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setJavaScriptEnabled(false));
        try {
            page = plain.newPage();
            page.navigate("/login");
            logIn("admin", TestUsers.PASSWORD);
            page.navigate("/import");
            page.getByLabel("Hva slags data").selectOption("population");
            page.setInputFiles("#fil", new FilePayload("folketall-feil.csv", "text/csv",
                    "år;kommunenr;folketall\n2019;5001;-3\n".getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontroller")).click();
            assertThat(page).hasURL(url("/import/kontroller"));
            assertThat(page.locator("table:has(caption:text-is('Feil i filen')) tbody tr")).hasCount(1);
            assertThat(page.getByLabel("Hva slags data")).hasValue("population");

            page.setInputFiles("#fil", new FilePayload("folketall-2019.csv", "text/csv",
                    "år;kommunenr;folketall\n2019;5001;190000\n".getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontroller")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
            assertThat(page).hasURL(url("/import/lagre"));
            assertThat(page.locator("#resultat-tittel")).hasText("Filen er lagret");
            assertThat(page.locator("#resultat")).containsText("Lagret: 1 nye, 0 endret, 0 uendret.");
        } finally {
            plain.close();
        }
    }

    @Test
    void shouldAskForAConfirmationBeforeStoringAnImplausibleValue() {
        StringBuilder history = new StringBuilder("month;municipality;ukp_stays;zero_day_stays;ukp_days;discharged_home\n");
        for (int month = 1; month <= 12; month++) {
            history.append(String.format("2015-%02d;5029;%d;5;%d;10%n", month, 20 + month % 3, 40 + month % 5));
        }
        new ImportClient(rest).store("monthly-statistics", history.toString());
        page.navigate("/import");
        logIn("ingest", TestUsers.PASSWORD);
        page.getByLabel("Hva slags data").selectOption("monthly-statistics");
        upload("skaun-januar-2016.csv", """
                Måned;Kommunenr;UKP_opphold;Opphold_0_døgn;UKP_døgn;Rett_hjem
                01.2016;5029;21;5;4000;10
                """);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontroller")).click();
        assertThat(page.locator("#resultat .ds-alert[data-color=warning]")).containsText("1 verdi ser uvanlig ut");
        Locator warnings = page.locator("table:has(caption:text-is('Advarsler'))");
        assertThat(rows(warnings).get(0).subList(0, 3)).containsExactly("2", "UKP_døgn", "4000");
        Locator confirm = page.getByLabel("Jeg har sjekket de uvanlige verdiene, og de er riktige");
        assertThat(confirm).not().isChecked();
        check("import-uvanlig");

        // unconfirmed, the service stores nothing (a browser does not even send the form)
        APIResponse unconfirmed = page.request().post("/import/lagre", RequestOptions.create().setForm(FormData.create()
                .set("token", page.locator("input[name=token]").inputValue())
                .set("_csrf", page.locator("#resultat input[name=_csrf]").inputValue())));
        assertThat(unconfirmed.text()).contains("Bekreft at de uvanlige verdiene er riktige");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.locator("#resultat-tittel")).hasText("Resultat av kontrollen");

        confirm.check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.locator("#resultat-tittel")).hasText("Filen er lagret");
        assertThat(page.locator("#resultat")).containsText("Lagret: 1 nye, 0 endret, 0 uendret.");
    }

    @Test
    void shouldLetAPlannerImportThePlanTemplateOnTheImportPageAndNothingElse() {
        dsl.execute("TRUNCATE measure, measure_revision, measure_status");
        page.navigate("/import");
        logIn("planner", TestUsers.PASSWORD);
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hovedmeny"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Importer data"))).hasAttribute("aria-current", "page");
        // the planner is offered the action plan only, and its template
        assertThat(page.locator("#datasett option")).hasText(new String[] {"Tiltaksplan"});
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last ned mal for Tiltaksplan (Excel)")))
                .hasAttribute("href", "/import/mal/measures?format=xlsx");
        assertThat(page.request().get("/import/mal/measures?format=csv").status()).isEqualTo(200);
        assertThat(page.request().get("/import/mal/population?format=csv").status()).isEqualTo(403);
        check("import-tiltaksplan");

        page.setInputFiles("#fil", new FilePayload("tiltaksplan.csv", "text/csv", ("tiltak;fra;prioritet;status;måned\n"
                + "Felles tavle;13.2025;Høy;grønn;03.2025\n").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontroller")).click();
        assertThat(page.locator("table:has(caption:text-is('Feil i filen')) tbody tr")).hasCount(1);
        assertThat(page.locator("table:has(caption:text-is('Feil i filen')) tbody tr td")).containsText(new String[] {"2", "fra", "13.2025"});

        page.setInputFiles("#fil", new FilePayload("tiltaksplan.csv", "text/csv", ("tiltak;fra;prioritet;status;måned\n"
                + "Felles tavle;01.2025;Høy;grønn;03.2025\n").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontroller")).click();
        assertThat(page.locator("#resultat")).containsText("Tiltaksplan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.locator("#resultat-tittel")).hasText("Filen er lagret");
        assertThat(page.locator("#resultat")).containsText("Lagret: 1 nye");
        page.navigate("/tiltak");
        assertThat(page.locator("tr.ukp-measure")).containsText(new String[] {"Felles tavle"});
        page.navigate("/import/historikk");
        assertThat(page.locator("tbody tr").first()).containsText("Tiltaksplan");

        // a planner cannot post a fact file to the page, though the form is only a request away
        page.navigate("/import");
        String csrf = page.locator("form.ukp-form input[name='_csrf']").inputValue();
        assertThat(page.request().post("/import/kontroller", com.microsoft.playwright.options.RequestOptions.create()
                .setHeader("X-CSRF-TOKEN", csrf).setMultipart(com.microsoft.playwright.options.FormData.create()
                        .set("datasett", "population").set("fil", new FilePayload("f.csv", "text/csv",
                                "år;kommunenr;folketall\n2019;5001;190000\n".getBytes(StandardCharsets.UTF_8))))).status())
                .isEqualTo(403);
    }

    @Test
    void shouldLetAPlannerKeepThePlanAndAViewerReadIt() {
        dsl.execute("TRUNCATE measure, measure_revision, measure_status");
        // Trondheim: twelve months of UKP-days alternating 10 and 12, then seven of 30 from January 2025
        StringBuilder series = new StringBuilder("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        for (int k = -12; k < 7; k++) {
            int days = k < 0 ? (k % 2 == 0 ? 10 : 12) : 30;
            series.append(YearMonth.of(2025, 1).plusMonths(k)).append(",5001,10,8,").append(days).append(",3,1\n");
        }
        new ImportClient(rest).store("monthly-statistics", series.toString());
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(TestUsers.as(rest, "planner").postForEntity("/api/v1/measures", new HttpEntity<>("""
                {"title": "Daglige tavlemøter", "startMonth": "2025-01", "scope": "total", "indicators": ["zero_day_share"]}""",
                json), String.class).getStatusCode().value()).isEqualTo(201);
        IndicatorDefinition days = catalogue.find("ukp_days").orElseThrow();
        IndicatorDefinition zeroDays = catalogue.find("zero_day_share").orElseThrow();

        page.navigate("/tiltak");
        logIn("planner", TestUsers.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Tiltak");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hovedmeny"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tiltak"))).hasAttribute("aria-current", "page");
        assertThat(page.locator("#maned")).hasValue("2025-07");
        check("tiltak");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Legg til tiltak")).click();
        page.getByLabel("Navn på tiltaket").fill("Forsterket utskrivningsteam");
        page.getByLabel("Ansvarlig").first().fill("Trondheim kommune");
        page.locator("#priority").selectOption("hoy");
        page.locator("#size").selectOption("stort");
        page.locator("#startMonth").fill("2025-01");
        page.locator("#endMonth").fill("2024-12");
        page.getByLabel("Område", new Page.GetByLabelOptions().setExact(true)).selectOption("municipality:5001");
        page.getByLabel(days.name(), new Page.GetByLabelOptions().setExact(true)).check();
        Locator firstActivity = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Aktivitet 1 (ny)"));
        firstActivity.getByLabel("Navn").fill("Rekruttere koordinatorer");
        firstActivity.getByLabel("Fra (måned)").fill("2025-01");
        check("tiltak-nytt");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til tiltaket")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("«Til» (2024-12) er før «Fra» (2025-01)");
        assertThat(page.locator("#endMonth")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Navn på tiltaket")).hasValue("Forsterket utskrivningsteam");
        check("tiltak-feil");
        page.locator("#endMonth").fill("2025-12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til tiltaket")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Tiltaket «Forsterket utskrivningsteam» er lagt til.");

        Locator measure = page.locator("tr.ukp-measure", new Page.LocatorOptions().setHasText("Forsterket utskrivningsteam"));
        assertThat(measure.locator("th, td")).containsText(new String[] {"Forsterket utskrivningsteam", "01.2025–12.2025", "Høy",
                "Stort", "Trondheim kommune", "Trondheim", days.shortName(), "Ikke satt"});
        assertThat(page.locator("tr.ukp-activity", new Page.LocatorOptions().setHasText("Rekruttere koordinatorer"))
                .locator("td").nth(1)).hasText("fra 01.2025");

        // the status form by keyboard alone: the first choice, one down, a comment, save
        measure.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sett status for Forsterket utskrivningsteam")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Status for juli 2025");
        check("tiltak-status");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tilbake til tiltakene")).focus();
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Ingen avvik")).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(page.getByLabel("Mindre avvik, men håndteres")).isChecked();
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Kommentar")).isFocused();
        page.keyboard().type("Forsinket rekruttering.");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre status"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Mindre avvik, men håndteres");
        assertThat(measure.locator("td").nth(6)).hasText("Mindre avvik, men håndteres");
        assertThat(measure.locator("td").nth(7)).hasText("Forsinket rekruttering.");

        // the effect of the step: concern on UKP-days, in words and as a chart with its own text
        Locator effect = page.locator("article", new Page.LocatorOptions().setHasText("Forsterket utskrivningsteam"));
        assertThat(effect.locator("figcaption")).containsText("uønsket retning");
        assertThat(effect.locator("figcaption")).containsText("ikke hva som er årsaken");
        assertThat(effect.getByRole(AriaRole.IMG)).hasAccessibleName(Pattern.compile("månedsverdier"));
        assertThat(effect.locator("svg title").textContent()).startsWith(days.shortName() + ", månedsverdier ")
                // other tests import months of 2019 for Trondheim too: the first month is not always 01.2024
                .contains("–07.2025. Tiltaket startet 01.2025.", "Etter start: 7 måneder", "0 i ønsket retning (blå), 7 i uønsket retning (oransje)");
        assertThat(effect.locator("circle[fill='#FF6600']")).not().hasCount(0);
        check("tiltak-lagret");

        page.getByLabel("Område", new Page.GetByLabelOptions().setExact(true)).selectOption("municipality:5001");
        assertThat(page).hasURL(Pattern.compile(".*omrade=municipality%3A5001.*"));
        assertThat(page.locator("tr.ukp-measure")).hasCount(1);
        assertThat(page.locator("tr.ukp-measure")).containsText("Forsterket utskrivningsteam");
        page.getByLabel("Område", new Page.GetByLabelOptions().setExact(true)).selectOption("");
        assertThat(page.locator("tr.ukp-measure")).hasCount(2);
        page.getByLabel("Indikator", new Page.GetByLabelOptions().setExact(true)).selectOption("zero_day_share");
        assertThat(page).hasURL(Pattern.compile(".*indikator=zero_day_share.*"));
        assertThat(page.locator("tr.ukp-measure")).hasCount(1);
        assertThat(page.locator("tr.ukp-measure")).containsText("Daglige tavlemøter");
        assertThat(page.locator("tr.ukp-measure td").nth(5)).hasText(zeroDays.shortName());
        check("tiltak-filter");

        // a viewer, without JavaScript: the plan and its filter, no way to change it
        BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setJavaScriptEnabled(false));
        try {
            page = plain.newPage();
            page.navigate("/login");
            logIn("viewer", TestUsers.PASSWORD);
            page.navigate("/tiltak");
            assertThat(page.locator("tr.ukp-measure")).hasCount(2);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Legg til tiltak"))).hasCount(0);
            assertThat(page.getByText("Sett status")).hasCount(0);
            assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Endre"))).hasCount(0);
            page.getByLabel("Område", new Page.GetByLabelOptions().setExact(true)).selectOption("municipality:5001");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis")).click();
            assertThat(page).hasURL(Pattern.compile(".*/tiltak\\?maned=2025-07&omrade=municipality%3A5001&indikator=$"));
            assertThat(page.locator("tr.ukp-measure")).hasCount(1);
            assertThat(page.locator("tr.ukp-measure")).containsText("Mindre avvik, men håndteres");
            assertThat(page.navigate("/tiltak/nytt").status()).isEqualTo(403);
        } finally {
            plain.close();
        }
        // axe-core needs JavaScript: the viewer's page once more with it
        page = context.newPage();
        page.context().clearCookies();
        page.navigate("/login");
        logIn("viewer", TestUsers.PASSWORD);
        page.navigate("/tiltak?omrade=municipality:5001");
        assertThat(page.locator("header")).containsText("Innlogget som viewer");
        assertThat(page.locator("tr.ukp-measure")).hasCount(1);
        check("tiltak-leser");
    }

    @Test
    void shouldLetAKeyboardAloneLogIn() {
        page.navigate("/login");
        page.keyboard().press("Tab");
        assertThat(page.getByText("Hopp til hovedinnholdet")).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("UKP-monitor"))).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Brukernavn")).isFocused();
        page.keyboard().type("viewer");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Passord")).isFocused();
        page.keyboard().type(TestUsers.PASSWORD);
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn"))).isFocused();
        page.keyboard().press("Shift+Tab");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("UKP – månedsrapport");
        check("start");
        page.navigate("/import/historikk");
        assertThat(page.locator("header")).containsText("Innlogget som viewer");
        // a viewer may read the history but not import, and is not offered the page
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Importer data"))).hasCount(0);
        assertThat(page.navigate("/import").status()).isEqualTo(403);
    }

    @Test
    void shouldSkipToTheMainContent() {
        page.navigate("/login");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
    }

    /** The accessibility check above can fail: axe finds what is wrong with a page that is. */
    @Test
    void shouldFindViolationsOnAPageThatHasThem() {
        page.setContent("<html><body><img src='x.png'><input type='text'></body></html>");
        assertThat(violations()).contains("html-has-lang", "image-alt", "label");
    }
}
