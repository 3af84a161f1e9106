package no.ukp.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@DatabaseTest
class MigrationTest {

    /** The time-series fact tables: hypertables on TimescaleDB, plain tables on PostgreSQL. */
    static final List<String> FACT_TABLES = List.of(
            "monthly_statistics", "monthly_statistics_revision",
            "short_term_stays", "short_term_stays_revision",
            "snapshot", "snapshot_revision");

    @Autowired
    Flyway flyway;
    @Autowired
    DSLContext dsl;
    @Autowired
    DatabaseInfoService databaseInfo;
    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldApplyEveryMigrationFromTheSqlFolder() {
        MigrationInfo[] all = flyway.info().all();
        assertThat(all).isNotEmpty();
        assertThat(all).allSatisfy(m -> assertThat(m.getState()).isIn(MigrationState.SUCCESS));
        assertThat(all).extracting(MigrationInfo::getScript).contains("V1__foundation.sql", "R__reference_data.sql");
    }

    @Test
    void shouldMakeFactTablesHypertablesExactlyWhenTimescaleDbIsLoaded() {
        boolean loaded = dsl.fetchSingle("SELECT ukp_timescaledb_loaded()").get(0, Boolean.class);
        if ("true".equals(System.getenv("UKP_EXPECT_TIMESCALEDB"))) {
            assertThat(loaded).as("the CI run on TimescaleDB must really have the extension").isTrue();
        }
        if (loaded) {
            List<String> hypertables = dsl.fetch(
                    "SELECT hypertable_name FROM timescaledb_information.hypertables WHERE hypertable_schema = 'public'")
                    .getValues(0, String.class);
            assertThat(hypertables).containsAll(FACT_TABLES);
        } else {
            assertThat(dsl.fetchSingle("SELECT count(*) FROM pg_namespace WHERE nspname = '_timescaledb_catalog'").get(0, Long.class))
                    .isZero();
            assertThat(dsl.fetch("SELECT relname, relkind FROM pg_class WHERE relname = ANY(?)",
                            (Object) FACT_TABLES.toArray(String[]::new)).getValues("relkind", String.class))
                    .hasSize(FACT_TABLES.size())
                    .containsOnly("r");
        }
    }

    @Test
    void shouldReportTheDatabaseItFoundInActuatorInfo() {
        DatabaseInfo expected = databaseInfo.read();
        @SuppressWarnings("unchecked")
        Map<String, Object> info = TestUsers.as(rest, "viewer").getForObject("/actuator/info", Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> database = (Map<String, Object>) info.get("database");
        assertThat(database.get("postgresVersion"))
                .isEqualTo(dsl.fetchSingle("SHOW server_version").get(0, String.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> timescaledb = (Map<String, Object>) database.get("timescaledb");
        assertThat(timescaledb.get("loaded")).isEqualTo(expected.timescaledbLoaded());
        if (expected.timescaledbLoaded()) {
            assertThat(timescaledb.get("license")).isIn("apache", "timescale");
            assertThat(timescaledb.get("version")).isNotNull();
        }
        assertThat(info).containsKey("build");
    }
}
