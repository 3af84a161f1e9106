package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.ukp.monitor.UkpMonitorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The report command on the embedded database: it reads the configured data directory and never
 * makes a new one with demo data, and it says in one line when the service holds the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReportCommandDataDirectoryTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldRefuseAFolderWithoutADatabaseAndCreateNothing(CapturedOutput output) {
        Path dataDir = dir.resolve("data").resolve("postgres");

        int exit = ReportCommand.run(new String[] {"--month", "2025-06", "--out", dir.resolve("rapport.pdf").toString(),
                "--spring.datasource.url=", "--ukp.embedded.data-dir=" + dataDir, "--ukp.embedded.port=0"},
                print(out), print(err));

        assertThat(exit).as("exit status; stderr: %s", text(err)).isEqualTo(4);
        assertThat(text(err).lines()).singleElement().asString()
                .startsWith("Feil: ")
                .contains(dataDir.toString(), "UKP_EMBEDDED_DATA_DIR", "SPRING_DATASOURCE_URL");
        assertThat(output.getAll()).as("what the command printed besides its own line").isEmpty();
        assertThat(dataDir).doesNotExist();
        assertThat(dir.resolve("rapport.pdf")).doesNotExist();
    }

    @Test
    void shouldSayInOneLineThatTheRunningServiceHoldsTheDatabase(CapturedOutput output) throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(UkpMonitorApplication.class).run(
                "--spring.datasource.url=", "--ukp.embedded.data-dir=" + dataDir, "--ukp.embedded.port=0",
                "--ukp.demo.enabled=false", "--server.port=0")) {
            int before = output.getAll().length();

            int exit = ReportCommand.run(new String[] {"--month", "2025-06", "--out", dir.resolve("rapport.pdf").toString(),
                    "--spring.datasource.url=", "--ukp.embedded.data-dir=" + dataDir, "--ukp.embedded.port=0"},
                    print(out), print(err));

            assertThat(exit).as("exit status; stderr: %s", text(err)).isEqualTo(3);
            assertThat(text(err).lines()).singleElement().asString()
                    .startsWith("Feil: ")
                    .contains(dataDir.toString(), "i bruk", "/api/v1/reports/monthly");
            assertThat(output.getAll().substring(before)).as("what the command printed besides its own line").isEmpty();
            assertThat(dir.resolve("rapport.pdf")).doesNotExist();
        }
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
