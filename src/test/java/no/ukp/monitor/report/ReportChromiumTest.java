package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import no.ukp.monitor.Chromium;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The HTML report in a real browser: Debian's headless Chromium renders the saved page to a PNG
 * (kept as a test artifact in {@code target/report-screenshot/}) and must log no console
 * message. Fails, not skips, where Chromium is missing: CI installs it in {@code .ci/run}.
 */
@DatabaseTest
class ReportChromiumTest {

    static final Path OUT = Path.of("target", "report-screenshot");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @TempDir
    Path profile;

    @Test
    void shouldRenderTheHtmlReportInHeadlessChromiumWithoutConsoleErrors() throws Exception {
        ReportFixture.load(rest, dsl);
        String html = TestUsers.as(rest, "viewer").getForObject("/api/v1/reports/monthly?month=2025-06&format=html", String.class);
        Files.createDirectories(OUT);
        Path page = OUT.resolve("rapport-2025-06.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path png = OUT.resolve("report-screenshot.png");
        Files.deleteIfExists(png);

        Run run = screenshot(page, png, OUT.resolve("chromium.log"));

        assertThat(run.exitCode()).as("chromium exit code; see %s", OUT.resolve("chromium.log")).isZero();
        assertThat(consoleMessages(run.log())).as("console messages of the report page").isEmpty();
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(1600);
        assertThat(colours(image)).as("a rendered page, not a blank one").isGreaterThan(50);
        assertThat(Files.size(png)).isGreaterThan(30_000);
    }

    @Test
    void shouldNoticeAConsoleErrorSoThatTheCheckAboveMeansSomething() throws Exception {
        Path page = profile.resolve("console-error.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>kontroll</p><script>console.error('kontrollfeil')</script></body></html>");

        Run run = screenshot(page, profile.resolve("console-error.png"), profile.resolve("chromium.log"));

        assertThat(consoleMessages(run.log())).singleElement().asString().contains("kontrollfeil");
    }

    record Run(int exitCode, String log) {
    }

    private Run screenshot(Path page, Path png, Path log) throws IOException, InterruptedException {
        String chromium = Chromium.path().toString();
        List<String> command = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1200,1600", "--user-data-dir=" + profile.resolve("chromium-profile"),
                "--screenshot=" + png.toAbsolutePath(), "--enable-logging=stderr", "--v=0",
                page.toAbsolutePath().toUri().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 90 s: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /** Chromium logs every console call of the page as a line with {@code :CONSOLE}; the report has no script at all. */
    static List<String> consoleMessages(String log) {
        return log.lines().filter(line -> line.contains(":CONSOLE")).toList();
    }

    private static int colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
