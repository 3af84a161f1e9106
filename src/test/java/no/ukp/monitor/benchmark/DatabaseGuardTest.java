package no.ukp.monitor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The benchmark truncates fact tables: on a database given by URL it must run only where that
 * database is empty or holds nothing but an earlier benchmark data set, and refuse anything else
 * before writing. Checked on a throwaway embedded PostgreSQL with the tables the guard looks at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseGuardTest {

    private EmbeddedPostgres postgres;
    private BenchmarkSettings.ExternalDatabase database;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(0).start();
        database = new BenchmarkSettings.ExternalDatabase(postgres.getJdbcUrl("postgres", "postgres").split("\\?")[0], "postgres", "");
    }

    @AfterAll
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    void shouldRunOnlyOnAnEmptyDatabaseOrAnEarlierBenchmarkDataSet() throws Exception {
        sql("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        assertThat(DatabaseGuard.check(database)).isEqualTo(DatabaseGuard.State.EMPTY);

        sql("CREATE TABLE customer (id int)");
        assertThatThrownBy(() -> DatabaseGuard.check(database)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing").hasMessageContaining("not the UKP monitor's: customer");

        sql("DROP TABLE customer",
                "CREATE TABLE flyway_schema_history (version text)",
                "CREATE TABLE import (id int, file_name text)",
                "CREATE TABLE indicator_target (created_by text)",
                "CREATE TABLE region (id text)",
                "INSERT INTO import VALUES (1, 'benchmark-monthly-statistics-2012.csv'), (2, 'benchmark-snapshots-copy')",
                "INSERT INTO indicator_target VALUES ('migration')",
                "INSERT INTO region VALUES ('trondheim'), ('fosenregionen'), ('bench-07')");
        assertThat(DatabaseGuard.check(database)).isEqualTo(DatabaseGuard.State.BENCHMARK_DATA);

        sql("INSERT INTO import VALUES (3, 'ukp-2025-06.csv')");
        assertThatThrownBy(() -> DatabaseGuard.check(database)).hasMessageContaining("1 imports in the audit were not made by the benchmark");
        sql("DELETE FROM import WHERE id = 3", "INSERT INTO indicator_target VALUES ('admin')");
        assertThatThrownBy(() -> DatabaseGuard.check(database)).hasMessageContaining("1 target versions were added by users");
        sql("DELETE FROM indicator_target WHERE created_by = 'admin'", "INSERT INTO region VALUES ('nordmore')");
        assertThatThrownBy(() -> DatabaseGuard.check(database)).hasMessageContaining("[nordmore]");

        sql("DELETE FROM region WHERE id = 'nordmore'");
        assertThat(DatabaseGuard.check(database)).isEqualTo(DatabaseGuard.State.BENCHMARK_DATA);
        assertThat(DatabaseGuard.recreateSchema(database)).isTrue();
        assertThat(DatabaseGuard.check(database)).as("an earlier data set is removed with its schema").isEqualTo(DatabaseGuard.State.EMPTY);
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
