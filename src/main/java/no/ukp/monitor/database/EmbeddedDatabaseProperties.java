package no.ukp.monitor.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when {@code spring.datasource.url} is not set.
 *
 * @param dataDir folder of the database files, kept between runs; empty for a throwaway
 *                database in a temporary folder (tests)
 * @param port    TCP port on localhost, so that psql can reach it too; 0 picks a free port
 */
@ConfigurationProperties("ukp.embedded")
public record EmbeddedDatabaseProperties(String dataDir, int port) {
}
