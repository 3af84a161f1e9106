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

    private Connection readerConnection() throws SQLException {
        String url;
        try (Connection owner = dataSource.getConnection()) {
            url = owner.getMetaData().getURL().split("\\?")[0]; // the embedded URL carries ?user=postgres
        }
        return DriverManager.getConnection(url, "ukp_reader", "reader-secret");
    }
}
