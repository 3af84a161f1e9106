package no.ukp.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.ukp.monitor.UkpMonitorApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * When the embedded PostgreSQL dies the service says so (readiness DOWN), starts it again and
 * answers again, without a restart of the service.
 */
class EmbeddedWatchdogTest extends OwnDataDirectory {

    @Test
    void shouldReportNotReadyWhileItsPostgresIsDeadAndRecoverByItself() throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(UkpMonitorApplication.class).run(
                "--spring.datasource.url=",
                "--ukp.embedded.data-dir=" + dataDir,
                "--ukp.embedded.port=0",
                "--ukp.demo.enabled=false",
                "--ukp.users.viewer=watchdog-test",
                "--server.port=0")) {
            TestRestTemplate rest = new TestRestTemplate().withBasicAuth("viewer", "watchdog-test");
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            assertThat(rest.getForEntity(base + "/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

            ProcessHandle postmaster = ServiceProcess.postmaster(dataDir).orElseThrow();
            // one child of the dead postmaster is held (SIGSTOP): it keeps the old shared memory, so
            // PostgreSQL cannot start again until it is released; the outage lasts as long as the test wants
            List<ProcessHandle> children = postmaster.children().toList();
            assertThat(children).isNotEmpty();
            signal("STOP", children.get(0));
            try {
                postmaster.destroyForcibly();
                postmaster.onExit().get();

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(rest.getForEntity(base + "/actuator/health/readiness", String.class).getStatusCode())
                                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
                assertThat(rest.getForEntity(base + "/actuator/health/liveness", String.class).getStatusCode())
                        .isEqualTo(HttpStatus.OK);
            } finally {
                signal("CONT", children.get(0)); // it sees its postmaster gone and exits
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(rest.getForEntity(base + "/actuator/health/readiness", String.class).getStatusCode())
                            .isEqualTo(HttpStatus.OK));
            assertThat(rest.getForEntity(base + "/api/v1/municipalities", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(ServiceProcess.postmaster(dataDir).orElseThrow().pid()).isNotEqualTo(postmaster.pid());
        }
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
    }
}
