package no.ukp.monitor.database;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Reads the database's versions and TimescaleDB status, logs them at start and shows them
 * under {@code database} in {@code /actuator/info}.
 */
@Service
public class DatabaseInfoService implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInfoService.class);

    private final DSLContext dsl;
    private final Environment environment;

    DatabaseInfoService(DSLContext dsl, Environment environment) {
        this.dsl = dsl;
        this.environment = environment;
    }

    public DatabaseInfo read() {
        Record row = dsl.select(
                        field("current_setting('server_version')", String.class).as("version"),
                        field(select(field("extversion", String.class))
                                .from("pg_extension").where("extname = 'timescaledb'")).as("ts_version"),
                        field("current_setting('timescaledb.license', true)", String.class).as("ts_license"))
                .fetchOne();
        String tsVersion = row.get("ts_version", String.class);
        return new DatabaseInfo(
                DatabaseMode.isEmbedded(environment) ? "embedded" : "external",
                row.get("version", String.class),
                tsVersion != null,
                tsVersion,
                tsVersion != null ? row.get("ts_license", String.class) : null);
    }

    @EventListener(ApplicationReadyEvent.class)
    void logAtStart() {
        log.info("Database: {}", read().describe());
    }

    @Override
    public void contribute(Info.Builder builder) {
        DatabaseInfo info = read();
        Map<String, Object> timescaledb = new LinkedHashMap<>();
        timescaledb.put("loaded", info.timescaledbLoaded());
        timescaledb.put("version", info.timescaledbVersion());
        timescaledb.put("license", info.timescaledbLicense());
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("mode", info.mode());
        database.put("postgresVersion", info.postgresVersion());
        database.put("timescaledb", timescaledb);
        builder.withDetail("database", database);
    }
}
