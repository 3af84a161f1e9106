package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import no.ukp.monitor.DatabaseTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code java -jar ukp-monitor.jar report ...}: the entry {@code main} calls, against the test
 * database, and the command's answers to a month without data and to a wrong month.
 */
@DatabaseTest
class ReportCommandTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReportCommand command;
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void load() {
        ReportFixture.load(rest, dsl);
    }

    @Test
    void shouldWriteThePdfFromTheCommandLineAgainstTheConfiguredDatabase() throws Exception {
        Path file = dir.resolve("rapport.pdf");
        HikariDataSource database = dataSource.unwrap(HikariDataSource.class);

        int exit = ReportCommand.run(new String[] {"--month", "2025-06", "--out", file.toString(),
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + Objects.toString(database.getPassword(), ""),
                "--ukp.demo.enabled=false"}, print(out), print(err));

        assertThat(exit).as("exit status; stderr: %s", text(err)).isZero();
        assertThat(text(out)).contains("Skrev " + file, "juni 2025", "Helsefellesskapet", "PDF");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(file))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("UKP – månedsrapport", "juni 2025",
                    "Antall UKP-døgn per år", "1\u00a0900");
        }
    }

    @Test
    void shouldWriteHtmlWhenTheFileNameSaysSoAndDefaultToTheLatestMonth() throws Exception {
        Path file = dir.resolve("rapport.html");

        int exit = command.execute(ReportCommand.Options.parse("--out", file.toString(), "--scope", "region:fjellregionen"),
                print(out), print(err));

        assertThat(exit).isZero();
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("juni 2025", "Fjellregionen (kommuneregion)",
                "Status per kommune", "Oppdal");
    }

    @Test
    void shouldRefuseAWrongMonthWithANorwegianMessageAndNoFile() {
        int exit = ReportCommand.run(new String[] {"--month", "2025-13", "--out", dir.resolve("x.pdf").toString()},
                print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).contains("Måneden «2025-13» må skrives ÅÅÅÅ-MM", "Bruk:");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void shouldRefuseAMonthOutOfRangeAsAWrongArgument() {
        for (String month : new String[] {"-999999999-01", "+999999999-12", "1899-12"}) {
            err.reset();
            int exit = ReportCommand.run(new String[] {"--month", month, "--out", dir.resolve("x.pdf").toString()},
                    print(out), print(err));

            assertThat(exit).as(month).isEqualTo(2);
            assertThat(text(err)).as(month).contains("er utenfor 2000-01 til 2100-12");
        }
    }

    @Test
    void shouldRefuseAMonthWithoutDataAndAnUnknownScope() {
        int noData = command.execute(ReportCommand.Options.parse("--month", "2031-01", "--out", dir.resolve("x.pdf").toString()),
                print(out), print(err));
        int noScope = command.execute(ReportCommand.Options.parse("--scope", "region:atlantis"), print(out), print(err));

        assertThat(noData).isEqualTo(1);
        assertThat(noScope).isEqualTo(2);
        assertThat(text(err)).contains("ingen data for januar 2031", "siste måned med data er juni 2025", "ukjent utvalg");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
