package no.ukp.monitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import no.ukp.monitor.UkpMonitorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Production mode refuses placeholder and short passwords, and says which without printing them. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionChecksTest {

    private static final String STRONG = "Qm7vR2xK9pL4wT8z";   // 16 characters

    @Test
    void shouldRefusePlaceholdersAndShortPasswordsOnly() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("ukp.users.viewer", "change-me-viewer-but-long");
        passwords.put("ukp.users.analyst", "CHANGEME");
        passwords.put("ukp.users.ingest", "Qm7vR2xK9pL4wT8");         // 15 characters
        passwords.put("ukp.users.planner", "");                       // disabled user
        passwords.put("ukp.users.admin", STRONG);
        passwords.put("ukp.reader.password", null);                   // the reader does not log in
        passwords.put("spring.datasource.password", "change_me_db_password_0000");

        assertThat(ProductionChecks.problems(passwords, true)).containsExactly(
                "UKP_VIEWER_PASSWORD (ukp.users.viewer) is a placeholder",
                "UKP_ANALYST_PASSWORD (ukp.users.analyst) is a placeholder",
                "UKP_INGEST_PASSWORD (ukp.users.ingest) is shorter than 16 characters",
                "SPRING_DATASOURCE_PASSWORD (spring.datasource.password) is a placeholder");
    }

    @Test
    void shouldRequireTheDatabasePasswordOfAnExternalDatabaseOnly() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("spring.datasource.password", "");

        assertThat(ProductionChecks.problems(passwords, true))
                .containsExactly("SPRING_DATASOURCE_PASSWORD (spring.datasource.password) is empty");
        assertThat(ProductionChecks.problems(passwords, false)).isEmpty();
    }

    /** A real start of the service: refused before the database is touched, with the analysis and no password. */
    @Test
    void shouldNotStartInProductionModeWithAPlaceholderPassword(@TempDir Path dir, CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(UkpMonitorApplication.class,
                "--ukp.production=true",
                "--spring.datasource.url=",
                "--ukp.embedded.data-dir=" + dir.resolve("postgres"),
                "--ukp.embedded.port=0",
                "--server.port=0",
                "--ukp.demo.enabled=false",
                "--ukp.users.viewer=" + STRONG,
                "--ukp.users.admin=change-me-admin",
                "--ukp.reader.password=short-reader"))
                .isInstanceOf(ProductionSettingsException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Production mode (UKP_PRODUCTION=true) refuses to start with weak passwords")
                .contains("UKP_ADMIN_PASSWORD (ukp.users.admin) is a placeholder")
                .contains("UKP_READER_PASSWORD (ukp.reader.password) is shorter than 16 characters")
                .doesNotContain("UKP_VIEWER_PASSWORD")
                .doesNotContain("change-me-admin")
                .doesNotContain("short-reader");
        assertThat(dir.resolve("postgres")).as("the embedded database was not started").doesNotExist();
    }
}
