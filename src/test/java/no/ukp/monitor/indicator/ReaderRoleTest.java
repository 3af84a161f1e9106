package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import no.ukp.monitor.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Analysts log in as ukp_reader: they read the views and the facts, and write nothing. */
@DatabaseTest
@TestPropertySource(properties = "ukp.reader.password=reader-secret")
class ReaderRoleTest {

    @Autowired
    DataSource dataSource;

    @Test
    void shouldRunTheExampleQueriesOfTheReadmeAsTheReader() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```sql\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("README has an sql example block").isTrue();
        String[] queries = block.group(1).split(";\\s*\\n");
        assertThat(queries).hasSizeGreaterThanOrEqualTo(3);
        try (Connection reader = readerConnection(); Statement statement = reader.createStatement()) {
            for (String query : queries) {
                if (!query.isBlank()) {
                    statement.executeQuery(query).close();
                }
            }
        }
    }

    @Test
    void shouldReadTheIndicatorViewsAndFactsButWriteNothing() throws SQLException {
        try (Connection reader = readerConnection();
             Statement statement = reader.createStatement()) {
            for (String relation : new String[] {"indicator_value", "indicator_status", "indicator_coverage",
                    "monthly_statistics", "monthly_statistics_revision", "short_term_stays", "snapshot", "population",
                    "import", "municipality", "region", "indicator_target", "data_origin", "snapshot_latest"}) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + relation)) {
                    assertThat(rs.next()).as(relation).isTrue();
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ukp_reader");
            }
            assertThatThrownBy(() -> statement.executeUpdate(
                    "INSERT INTO region (id, name, sort_order) VALUES ('x', 'x', 1)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM monthly_statistics"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE indicator_target SET target = 0"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void shouldBoundTheReadersConnectionsStatementsAndIdleTransactions() throws SQLException {
        try (Connection owner = dataSource.getConnection(); Statement statement = owner.createStatement();
             ResultSet rs = statement.executeQuery("SELECT rolconnlimit, current_setting('max_connections')::int "
                     + "- current_setting('superuser_reserved_connections')::int FROM pg_roles WHERE rolname = 'ukp_reader'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(20);
            assertThat(rs.getInt(1) + 10).as("the reader and the service's pool fit the server").isLessThan(rs.getInt(2));
        }
        try (Connection reader = readerConnection(); Statement statement = reader.createStatement()) {
            assertThat(show(statement, "statement_timeout")).isEqualTo("1min");
            assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("5min");
        }
    }

    @Test
    void shouldNotLetTheReaderTakeAdvisoryLocksOrTheServicesLocks() throws SQLException {
        try (Connection reader = readerConnection(); Statement statement = reader.createStatement()) {
            // Flyway's migration lock at start is an advisory lock
            assertThatThrownBy(() -> statement.executeQuery("SELECT pg_try_advisory_lock(1)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeQuery("SELECT pg_advisory_xact_lock(hashtext('ukp_import'))"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM service_lock FOR UPDATE"))
                    .hasMessageContaining("permission denied");
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection readerConnection() throws SQLException {
        String url;
        try (Connection owner = dataSource.getConnection()) {
            url = owner.getMetaData().getURL().split("\\?")[0]; // the embedded URL carries ?user=postgres
        }
        return DriverManager.getConnection(url, "ukp_reader", "reader-secret");
    }
}
