package no.ukp.monitor.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The benchmark writes, truncates and deletes: it runs on a database given by URL only when that
 * database is empty or holds nothing but an earlier benchmark data set (every import in the audit
 * made by the benchmark, no target versions added, no regions but the reference data's and the
 * benchmark's). Anything else is refused before the service even starts: it never wipes someone's
 * real data.
 */
final class DatabaseGuard {

    /** Imports the benchmark makes carry file names starting with this. */
    static final String FILE_PREFIX = "benchmark-";
    /** The regions of sql/R__reference_data.sql. */
    private static final List<String> REFERENCE_REGIONS = List.of("trondheim", "trondheimsomradet", "trondelag-sor-vest",
            "fjellregionen", "fosenregionen", "vaernesregionen");

    private DatabaseGuard() {
    }

    /** What was found. */
    enum State { EMPTY, BENCHMARK_DATA }

    /** Throws {@link IllegalStateException} with the reasons unless the database may be used. */
    static State check(BenchmarkSettings.ExternalDatabase database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            List<String> tables = strings(s, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
            if (tables.isEmpty()) {
                return State.EMPTY;
            }
            if (!tables.contains("flyway_schema_history") || !tables.contains("import")) {
                throw refuse(database, List.of("it has tables that are not the UKP monitor's: "
                        + String.join(", ", tables.subList(0, Math.min(10, tables.size())))));
            }
            List<String> reasons = new ArrayList<>();
            long foreignImports = count(s, "SELECT count(*) FROM import WHERE file_name IS NULL OR file_name NOT LIKE '"
                    + FILE_PREFIX + "%'");
            if (foreignImports > 0) {
                reasons.add(foreignImports + " imports in the audit were not made by the benchmark");
            }
            if (tables.contains("indicator_target")) {
                long targets = count(s, "SELECT count(*) FROM indicator_target WHERE created_by <> 'migration'");
                if (targets > 0) {
                    reasons.add(targets + " target versions were added by users");
                }
            }
            if (tables.contains("measure")) {
                long measures = count(s, "SELECT count(*) FROM measure WHERE parent_id IS NULL AND description IS DISTINCT FROM '"
                        + NationalDataSet.PLAN_DESCRIPTION + "'");
                if (measures > 0) {
                    reasons.add(measures + " measures of the action plan were not made by the benchmark");
                }
            }
            List<String> regions = strings(s, "SELECT id FROM region WHERE id NOT LIKE '" + SyntheticReference.PREFIX + "%' ORDER BY 1");
            regions.removeAll(REFERENCE_REGIONS);
            if (!regions.isEmpty()) {
                reasons.add("it has regions that are neither the reference data's nor the benchmark's: " + regions);
            }
            if (!reasons.isEmpty()) {
                throw refuse(database, reasons);
            }
            return State.BENCHMARK_DATA;
        }
    }

    private static IllegalStateException refuse(BenchmarkSettings.ExternalDatabase database, List<String> reasons) {
        return new IllegalStateException("Refusing to run the benchmark on " + database.url() + ": the database is not empty and "
                + "does not hold only an earlier benchmark data set (" + String.join("; ", reasons) + "). The benchmark "
                + "truncates the fact tables; give it an empty database of its own (e.g. CREATE DATABASE ukp_benchmark).");
    }

    /**
     * Removes an earlier benchmark data set before the service starts by making the schema anew, so that
     * Flyway migrates from scratch (a migration edited or added since the earlier run does not matter; on
     * TimescaleDB the first migration creates the extension again). Returns false where this role may not
     * drop the schema: then {@link #clearBenchmarkData} empties the tables after the start instead.
     */
    static boolean recreateSchema(BenchmarkSettings.ExternalDatabase database) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Empties an earlier benchmark data set, after the service has migrated the schema. */
    static void clearBenchmarkData(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE monthly_statistics, monthly_statistics_revision, short_term_stays, short_term_stays_revision, "
                    + "snapshot, snapshot_revision, population, population_revision, scope_month_sums, import_message, import, "
                    + "measure, measure_revision, measure_status CASCADE");
            s.execute("DELETE FROM municipality WHERE region_id LIKE '" + SyntheticReference.PREFIX + "%'");
            s.execute("DELETE FROM region WHERE id LIKE '" + SyntheticReference.PREFIX + "%'");
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
