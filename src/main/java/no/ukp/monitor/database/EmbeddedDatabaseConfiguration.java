package no.ukp.monitor.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no database is configured. Its data directory survives
 * restarts (default {@code ./data/postgres}), so a developer's or a small office's data is kept.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseMode.Embedded.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties);
    }

    /**
     * The pool of the service, set up by {@code spring.datasource.hikari.*} as in the URL mode
     * (connection-init-sql, connection-timeout).
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("ukp-embedded");
        return dataSource;
    }
}
