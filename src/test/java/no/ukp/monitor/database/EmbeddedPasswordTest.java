package no.ukp.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import no.ukp.monitor.UkpMonitorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Every role of the embedded PostgreSQL logs in with its password; nothing is trusted. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPasswordTest extends OwnDataDirectory {

    @Test
    void shouldRefuseEveryLoginWithoutTheRightPassword(CapturedOutput output) throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (ConfigurableApplicationContext service = start(dataDir)) {
            String url = url(service);
            Path passwordFile = dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
            String password = Files.readString(passwordFile).trim();

            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertRefused(url, "postgres", "");
            assertRefused(url, "postgres", "postgres");
            assertRefused(url, "ukp_reader", "not-the-reader-password");
            assertThat(currentUser(url, "postgres", password)).isEqualTo("postgres");
            assertThat(currentUser(url, "ukp_reader", "reader-secret")).isEqualTo("ukp_reader");
            assertThat(output.getAll()).doesNotContain(password);
        }
    }

    @Test
    void shouldKeepAnOperatorsPasswordLinesInPgHba() throws Exception {
        Path dataDir = dir.resolve("postgres");
        String office = "host    all    ukp_reader    10.0.0.0/8    scram-sha-256    # the analysts' office";
        try (ConfigurableApplicationContext service = start(dataDir)) {
            Files.writeString(dataDir.resolve("pg_hba.conf"), office + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        try (ConfigurableApplicationContext service = start(dataDir)) {
            assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).contains(office);
        }
    }

    @Test
    void shouldConvertADataDirectoryThatTrustedEveryoneAndKeepItsData() throws Exception {
        Path dataDir = dir.resolve("postgres");
        // a data directory as the service wrote it before: initdb -A trust (zonky's default)
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setPort(0).setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
             Connection connection = old.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // not in schema public, which Flyway wants empty or its own
            statement.execute("CREATE SCHEMA legacy; CREATE TABLE legacy.kept (note text); INSERT INTO legacy.kept VALUES ('fra før')");
        }

        try (ConfigurableApplicationContext service = start(dataDir)) {
            String url = url(service);
            String password = Files.readString(dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).trim();

            assertRefused(url, "postgres", "");
            try (Connection connection = DriverManager.getConnection(url, "postgres", password);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT note FROM legacy.kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("fra før");
            }
            assertThat(Files.readString(dataDir.resolve("pg_hba.conf")).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")))
                    .isNotEmpty()
                    .allMatch(line -> line.trim().endsWith("scram-sha-256"));
        }
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(UkpMonitorApplication.class).run(
                "--spring.datasource.url=",
                "--ukp.embedded.data-dir=" + dataDir,
                "--ukp.embedded.port=0",
                "--ukp.demo.enabled=false",
                "--ukp.reader.password=reader-secret",
                "--server.port=0");
    }

    private static String url(ConfigurableApplicationContext service) throws SQLException {
        try (Connection owner = service.getBean(javax.sql.DataSource.class).getConnection()) {
            return owner.getMetaData().getURL().split("\\?")[0];
        }
    }

    private static void assertRefused(String url, String user, String password) {
        // an empty password is refused by the driver itself once the server asks for one (trust would not ask)
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
                .as("login as %s with password «%s»", user, password)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(password.isEmpty() ? "SCRAM" : "password authentication failed");
    }

    private static String currentUser(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_user")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
