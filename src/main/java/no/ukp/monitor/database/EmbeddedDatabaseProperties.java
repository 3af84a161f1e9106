package no.ukp.monitor.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL used when {@code spring.datasource.url} is not set.
 *
 * @param dataDir        folder of the database files, kept between runs; empty for a throwaway
 *                       database in a temporary folder (tests)
 * @param port           TCP port on 127.0.0.1, so that psql can reach it too; 0 picks a free port
 * @param createDatabase create the database when {@code dataDir} holds none; the report command
 *                       turns it off, so that it never reports on a new, empty database
 */
@ConfigurationProperties("ukp.embedded")
public record EmbeddedDatabaseProperties(String dataDir, int port, @DefaultValue("true") boolean createDatabase) {
}
