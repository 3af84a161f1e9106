package no.ukp.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import no.ukp.monitor.UkpMonitorApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded mode talks to the PostgreSQL it started on its own data directory, never to
 * another one on its port; and it takes its own server back after the service was killed.
 */
class EmbeddedOwnershipTest extends OwnDataDirectory {

    @Test
    void shouldRefuseToStartWhenAnotherPostgresListensOnItsPort() throws Exception {
        try (EmbeddedPostgres foreign = EmbeddedPostgres.builder().setPort(0).start()) {
            Path dataDir = dir.resolve("postgres");

            assertThatThrownBy(() -> start(dataDir, foreign.getPort()).close())
                    .rootCause()
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("port " + foreign.getPort())
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("UKP_EMBEDDED_PORT");

            try (Connection connection = foreign.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet tables = statement.executeQuery(
                         "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("tables the service created in the foreign PostgreSQL").isZero();
            }
        }
    }

    @Test
    void shouldExitWithAClearMessageAndNoStackTraceWhenItsPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path dataDir = dir.resolve("postgres");
            Path log = dir.resolve("service.log");

            Process service = ServiceProcess.launch(dataDir, taken.getLocalPort(), ServiceProcess.freePort(), log);

            assertThat(service.waitFor(3, TimeUnit.MINUTES)).as("the service exits").isTrue();
            String output = Files.readString(log);
            assertThat(service.exitValue()).as("exit status; output:\n%s", output).isNotZero();
            assertThat(output).contains("APPLICATION FAILED TO START", "port " + taken.getLocalPort(), dataDir.toString(),
                    "UKP_EMBEDDED_PORT");
            assertThat(output.lines().filter(line -> line.startsWith("\tat "))).as("stack trace lines").isEmpty();
            assertThat(ServiceProcess.postmaster(dataDir)).as("a postmaster left running").isEmpty();
        }
    }

    @Test
    void shouldRefuseASecondServiceOnADataDirectoryInUse() throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (ConfigurableApplicationContext first = start(dataDir, 0)) {
            assertThatThrownBy(() -> start(dataDir, 0).close())
                    .rootCause()
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("in use");
            assertThat(first.getBean(DatabaseInfoService.class).read().mode()).isEqualTo("embedded");
        }
    }

    @Test
    void shouldStopItsOwnServerLeftRunningBySigkillAndStartAgain() throws Exception {
        Path dataDir = dir.resolve("postgres");
        int databasePort = ServiceProcess.freePort();
        Path log = dir.resolve("service.log");
        ProcessHandle orphan;
        try (ServiceProcess first = ServiceProcess.start(dataDir, databasePort, ServiceProcess.freePort(), log)) {
            execute(dataDir, databasePort, "INSERT INTO region (id, name, sort_order) VALUES ('sigkill', 'Kill-9-regionen', 98)");
            orphan = ServiceProcess.postmaster(dataDir).orElseThrow();

            first.kill();

            assertThat(orphan.isAlive()).as("the postmaster outlives the killed service").isTrue();
        }
        try (ServiceProcess second = ServiceProcess.start(dataDir, databasePort, ServiceProcess.freePort(), log)) {
            assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
            assertThat(query(dataDir, databasePort, "SELECT name FROM region WHERE id = 'sigkill'")).isEqualTo("Kill-9-regionen");
            // the lock is held across processes: an in-process start on the same folder is refused
            assertThatThrownBy(() -> start(dataDir, 0).close())
                    .rootCause()
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("in use");
            Optional<ProcessHandle> postmaster = ServiceProcess.postmaster(dataDir);
            second.close();
            // pg_ctl stop returns when the pid file is gone, a moment before the process has ended
            await("a stopped service stops its PostgreSQL").atMost(Duration.ofSeconds(30))
                    .until(() -> !postmaster.orElseThrow().isAlive());
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- service log ---\n" + Files.readString(log), e);
        }
    }

    private ConfigurableApplicationContext start(Path dataDir, int port) {
        return new SpringApplicationBuilder(UkpMonitorApplication.class).run(
                "--spring.datasource.url=",
                "--ukp.embedded.data-dir=" + dataDir,
                "--ukp.embedded.port=" + port,
                "--ukp.demo.enabled=false",
                "--server.port=0");
    }

    private static Connection connect(Path dataDir, int port) throws Exception {
        Path passwordFile = dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                Files.exists(passwordFile) ? Files.readString(passwordFile).trim() : "");
    }

    private static void execute(Path dataDir, int port, String sql) throws Exception {
        try (Connection connection = connect(dataDir, port); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(Path dataDir, int port, String sql) throws Exception {
        try (Connection connection = connect(dataDir, port); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
