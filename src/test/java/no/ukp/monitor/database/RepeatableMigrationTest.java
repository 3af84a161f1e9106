package no.ukp.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import no.ukp.monitor.DatabaseTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The views and functions live in repeatable migrations (sql/R__*.sql): a database migrated
 * before they moved (V11) comes out like a fresh one, and an edited R__ file runs again cleanly
 * on a database that has its views, their dependents and data. Each case uses a scratch database
 * of its own on the test's server.
 */
@DatabaseTest
class RepeatableMigrationTest {

    /** What a migrated database defines: views, ukp_ functions and who may read the views. */
    private static final String DEFINITIONS = """
            SELECT 'view ' || c.relname, pg_get_viewdef(c.oid, true) || ' acl ' || COALESCE(c.relacl::text, '')
            FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
            UNION ALL
            SELECT 'function ' || p.oid::regprocedure::text, pg_get_functiondef(p.oid)
            FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'ukp\\_%'
            UNION ALL
            SELECT 'trigger ' || t.tgname, pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal""";

    @Autowired
    DataSource dataSource;

    @TempDir
    Path edited;

    private String scratch;

    @BeforeEach
    void createScratchDatabase() throws SQLException {
        scratch = "ukp_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + scratch);
        }
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
        }
    }

    @Test
    void shouldBringADatabaseOfVersion11WhereAFreshMigrationDoes() throws Exception {
        // a database of before the move: V1..V11 and the reference data, no other R__ file
        Path before = edited;
        try (Stream<Path> files = Files.list(Path.of("sql"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals("R__reference_data.sql")
                        || name.matches("V([1-9]|1[01])__.*")) {
                    Files.copy(file, before.resolve(name));
                }
            }
        }
        MigrateResult toV11 = flyway("filesystem:" + before).load().migrate();
        assertThat(toV11.targetSchemaVersion).isEqualTo("11");
        assertThat(toV11.migrationsExecuted).isEqualTo(12);

        flyway("classpath:db/migration").load().migrate();

        try (Connection fresh = dataSource.getConnection(); Connection upgraded = scratchConnection()) {
            Map<String, String> expected = definitions(fresh);
            assertThat(expected).containsKeys("view indicator_value", "view indicator_status", "view snapshot_latest",
                    "view data_origin", "function ukp_refresh_scope_month_sums(date,date)",
                    "trigger population_scope_population_sums");
            assertSameDefinitions(definitions(upgraded), expected);
        }
    }

    @Test
    void shouldRunEditedRepeatableMigrationsAgainOnADatabaseWithDataAndStoreTheSumsAnew() throws Exception {
        flyway("classpath:db/migration").load().migrate();
        Map<String, String> before;
        try (Connection c = scratchConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO import (dataset, size_bytes, sha256, imported_by, started_at, dry_run, outcome) "
                    + "VALUES ('population', 0, '', 'test', now(), false, 'stored')");
            s.execute("INSERT INTO population (year, municipality, population, revision, import_id, recorded_at) "
                    + "SELECT 2025, '5001', 1000, 1, max(id), now() FROM import");
            s.execute("INSERT INTO monthly_statistics (month, municipality, area, ukp_stays, zero_day_stays, ukp_days, "
                    + "discharged_home, readmissions_30d, revision, import_id, recorded_at) "
                    + "SELECT DATE '2025-03-01', '5001', 'somatikk', 10, 9, 1, 3, 1, 1, max(id), now() FROM import");
            // the stored sums lose their rows behind the triggers' back
            s.execute("DELETE FROM scope_month_sums");
            s.execute("DELETE FROM scope_population_sums");
            before = definitions(c);
        }

        // every R__ file edited, as Flyway sees an edit: another checksum
        int repeatables = 0;
        try (Stream<Path> files = Files.list(Path.of("sql"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().startsWith("R__")) {
                    text += "\n-- edited\n";
                    repeatables++;
                }
                Files.writeString(edited.resolve(file.getFileName()), text);
            }
        }
        MigrateResult result = flyway("filesystem:" + edited).load().migrate();

        assertThat(result.migrationsExecuted).isEqualTo(repeatables).isGreaterThanOrEqualTo(4);
        try (Connection c = scratchConnection(); Statement s = c.createStatement()) {
            assertSameDefinitions(definitions(c), before);
            assertThat(count(s, "SELECT count(*) FROM scope_month_sums WHERE scope_id = '5001' AND ukp_stays = 10"))
                    .isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM scope_population_sums WHERE scope_id = '5001' AND population = 1000"))
                    .isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM indicator_value WHERE scope_id = '5001' AND month = DATE '2025-03-01' "
                    + "AND indicator_id = 'zero_day_share' AND time_window = 'month' AND value = 0.9")).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepTheAdminsEditsOfTheReferenceDataWhenTheDataFileRunsAgain() throws Exception {
        flyway("classpath:db/migration").load().migrate();
        try (Connection c = scratchConnection(); Statement s = c.createStatement()) {
            // what the admin does through the API: rename, move, a new member, a corrected old number
            s.execute("UPDATE municipality SET name = 'Tydal kommune', region_id = 'trondheimsomradet' WHERE number = '5033'");
            s.execute("INSERT INTO municipality (number, name, region_id, member_from) "
                    + "VALUES ('5035', 'Stjørdal', 'vaernesregionen', DATE '2026-01-01')");
            s.execute("UPDATE municipality_number_mapping SET note = 'rettet' WHERE old_number = '1601'");
            s.execute("INSERT INTO municipality_number_mapping (old_number, current_number, old_name, valid_until) "
                    + "VALUES ('1714', '5035', 'Stjørdal', DATE '2017-12-31')");
        }
        Files.writeString(edited.resolve("R__reference_data.sql"),
                Files.readString(Path.of("sql", "R__reference_data.sql")) + "\n-- edited\n");
        try (Stream<Path> files = Files.list(Path.of("sql"))) {
            for (Path file : files.toList()) {
                if (!Files.exists(edited.resolve(file.getFileName()))) {
                    Files.copy(file, edited.resolve(file.getFileName()));
                }
            }
        }

        MigrateResult result = flyway("filesystem:" + edited).load().migrate();

        assertThat(result.migrationsExecuted).isEqualTo(1);
        try (Connection c = scratchConnection(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM municipality")).isEqualTo(21);
            assertThat(count(s, "SELECT count(*) FROM municipality WHERE number = '5033' AND name = 'Tydal kommune' "
                    + "AND region_id = 'trondheimsomradet' AND member_from = DATE '2000-01-01'")).isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM municipality WHERE number = '5035' AND member_from = DATE '2026-01-01'"))
                    .isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM municipality_number_mapping WHERE old_number = '1601' AND note = 'rettet'"))
                    .isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM municipality_number_mapping WHERE old_number = '1714'")).isEqualTo(1);
            // a row the file has and the database lost comes back
            s.execute("DELETE FROM municipality_number_mapping WHERE old_number = '1665'");
        }
        Files.writeString(edited.resolve("R__reference_data.sql"),
                Files.readString(edited.resolve("R__reference_data.sql")) + "-- edited again\n");
        flyway("filesystem:" + edited).load().migrate();
        try (Connection c = scratchConnection(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM municipality_number_mapping WHERE old_number = '1665' "
                    + "AND current_number = '5033'")).isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM municipality WHERE number = '5033' AND name = 'Tydal kommune'"))
                    .isEqualTo(1);
        }
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway(String location) throws SQLException {
        HikariDataSource service = dataSource.unwrap(HikariDataSource.class);
        return Flyway.configure()
                .dataSource(scratchUrl(), service.getUsername(), service.getPassword())
                .locations(location);
    }

    private Connection scratchConnection() throws SQLException {
        HikariDataSource service = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(scratchUrl(), service.getUsername(), service.getPassword());
    }

    /** The service's URL with the scratch database in place of its own. */
    private String scratchUrl() throws SQLException {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + scratch + (query < 0 ? "" : url.substring(query));
    }

    private static Map<String, String> definitions(Connection connection) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(DEFINITIONS)) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getString(2));
            }
        }
        return result;
    }

    private static void assertSameDefinitions(Map<String, String> actual, Map<String, String> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, definition) -> assertThat(actual.get(name)).as(name).isEqualTo(definition));
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
