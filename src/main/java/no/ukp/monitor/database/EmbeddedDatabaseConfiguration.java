package no.ukp.monitor.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no database is configured. Its data directory survives
 * restarts (default {@code ./data/postgres}), so a developer's or a small office's data is kept.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseMode.Embedded.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(properties.port())
                .setServerConfig("max_connections", "50")
                // JIT compilation costs more than it saves on the indicator views' small queries
                .setServerConfig("jit", "off");
        if (StringUtils.hasText(properties.dataDir())) {
            Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            log.info("Starting embedded PostgreSQL with data directory {}", dataDir);
        } else {
            log.info("Starting embedded PostgreSQL in a throwaway directory");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listens on localhost:{} (database postgres, user postgres)", postgres.getPort());
        return postgres;
    }

    /** The pool of the service; its connections are set up as in the URL mode (connection-init-sql). */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.connection-init-sql:}") String connectionInitSql) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        if (StringUtils.hasText(connectionInitSql)) {
            dataSource.setConnectionInitSql(connectionInitSql);
        }
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("ukp-embedded");
        return dataSource;
    }
}
