package no.ukp.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.ukp.monitor.UkpMonitorApplication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded mode keeps its data directory: what was written survives a restart. */
class EmbeddedRestartTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryRowAcrossARestartOfTheEmbeddedDatabase() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(DatabaseInfoService.class).read().mode()).isEqualTo("embedded");
            first.getBean(DSLContext.class)
                    .execute("INSERT INTO region (id, name, sort_order) VALUES ('restart-test', 'Omstartregionen', 99)");
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(DSLContext.class)
                    .fetchSingle("SELECT name FROM region WHERE id = 'restart-test'").get(0, String.class))
                    .isEqualTo("Omstartregionen");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(UkpMonitorApplication.class).run(
                "--spring.datasource.url=",
                "--ukp.embedded.data-dir=" + dir.resolve("postgres"),
                "--ukp.embedded.port=0",
                "--ukp.demo.enabled=false",
                "--server.port=0");
    }
}
