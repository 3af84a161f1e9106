package no.ukp.monitor.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: Playwright drives Debian's chromium (never a browser of its own:
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}, set by the pom too) against the service on a random
 * port; a fresh browser context per test; logging in, uploading, and {@link #check} (axe-core,
 * WCAG 2.1 A and AA, no violation allowed, and a screenshot into {@code target/screenshots/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    Playwright playwright;
    Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Chromium.path())
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
    }

    @AfterAll
    void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setLocale("nb-NO").setViewportSize(1280, 900));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    void logIn(String user, String password) {
        page.getByLabel("Brukernavn").fill(user);
        page.getByLabel("Passord").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
    }

    void upload(String name, String csv) {
        // the page's script shows the file's name: after a click that navigated, wait for it to have run
        page.waitForLoadState();
        page.setInputFiles("#fil", new FilePayload(name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#valgt-fil")).hasText("Valgt fil: " + name);
    }

    /** No axe-core violation of WCAG 2.1 A and AA, and a screenshot of the whole page. */
    void check(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        assertThat(violations()).as("axe-core violations on %s (%s)", name, page.url()).isEmpty();
    }

    List<String> violations() {
        List<String> found = new ArrayList<>();
        for (Rule rule : new AxeBuilder(page).withTags(WCAG_21_AA).analyze().getViolations()) {
            found.add(rule.getId());
        }
        return found;
    }

    static List<List<String>> rows(Locator table) {
        List<List<String>> rows = new ArrayList<>();
        for (Locator row : table.locator("tbody tr").all()) {
            rows.add(row.locator("td").allInnerTexts().stream().map(String::strip).toList());
        }
        return rows;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
