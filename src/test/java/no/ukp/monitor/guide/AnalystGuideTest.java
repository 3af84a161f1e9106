package no.ukp.monitor.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The analysts' guide (docs/analysts.md) is run, not just read: every SQL block as {@code ukp_reader},
 * every R block with Rscript (DBI + RPostgreSQL) and every Python block with Debian's python3
 * (psycopg, pandas), each connecting as {@code ukp_reader} through libpq's PG* variables, and what
 * each prints is held against the API's answer for the same question. The views the guide lists
 * exist with the columns it names, and every view is in the guide.
 */
@DatabaseTest
@TestPropertySource(properties = "ukp.reader.password=reader-secret")
class AnalystGuideTest {

    private static final Path GUIDE = Path.of("docs/analysts.md");
    /** Debian's interpreter, which has the packages scripts/ensure-test-packages.sh installs (not a pyenv one). */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Pattern BLOCK = Pattern.compile("```(sql|r|python)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("^# example: ([a-z0-9-]+)");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    DataSource dataSource;

    /** What each named R or Python example must print, as the API says it. */
    private final Map<String, Consumer<List<Map<String, String>>>> checks = Map.of(
            "status-now", this::checkStatusNow,
            "ukp-days-series", this::checkUkpDaysSeries,
            "drivers-of-change", this::checkDriversOfChange,
            "target-this-year", this::checkTargetThisYear,
            "export-excel-nb", this::checkExportExcelNb);

    private java.time.OffsetDateTime imported;

    @BeforeEach
    void data() {
        TestDatabase.clean(dsl);
        imported = java.time.OffsetDateTime.now().minusSeconds(1);
        // three municipalities, 48 months (enough for a seasonal forecast) with a winter peak, fewer 0-day stays in the last year
        StringBuilder csv = new StringBuilder("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        String[] municipalities = {"5001", "5028", "5029"};
        for (int k = 0; k < 48; k++) {
            YearMonth month = YearMonth.of(2021, 7).plusMonths(k);
            int winter = month.getMonthValue() <= 2 || month.getMonthValue() == 12 ? 6 : 0;
            for (int m = 0; m < municipalities.length; m++) {
                int stays = 40 + 10 * m + winter;
                int zero = k < 36 ? stays - 8 - m : stays - 12 - m;
                csv.append(month).append(',').append(municipalities[m]).append(',').append(stays).append(',').append(zero)
                        .append(',').append(20 + 3 * m + 2 * winter + k / 8).append(',').append(9 + m).append(',').append(5)
                        .append('\n');
            }
        }
        new ImportClient(rest).store("monthly-statistics", csv.toString());
        new ImportClient(rest).store("population", "year,municipality,population\n2023,5001,210000\n2023,5028,17000\n"
                + "2023,5029,8500\n2024,5001,212000\n2024,5028,17200\n2024,5029,8600\n2025,5001,214000\n2025,5028,17400\n"
                + "2025,5029,8700\n");
    }

    /** The forecasts are stored in the background after an import: wait until those of this data are. */
    private void awaitForecasts(java.time.OffsetDateTime after) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (dsl.fetchCount(dsl.selectFrom("indicator_forecast").where(org.jooq.impl.DSL.field("computed_at",
                java.time.OffsetDateTime.class).gt(after)).and("scope_type = 'total'")) == 0) {
            assertThat(System.nanoTime()).as("the forecasts are stored within 120 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void shouldRunEverySqlExampleAsTheReader() throws Exception {
        List<String> sql = blocks("sql");
        assertThat(sql).as("the guide has SQL examples").isNotEmpty();
        try (Connection reader = readerConnection(); Statement statement = reader.createStatement()) {
            for (String block : sql) {
                for (String query : block.split(";\\s*\\n")) {
                    if (!query.strip().replaceAll("(?m)^--.*$", "").isBlank()) {
                        statement.execute(query); // a SELECT, or BEGIN / set_config / COMMIT around one
                    }
                }
            }
        }
    }

    @Test
    void shouldRunEveryRAndPythonExampleAsTheReaderAndPrintWhatTheApiSays() throws Exception {
        awaitForecasts(imported);
        Map<String, String> examples = new LinkedHashMap<>();
        for (String language : List.of("r", "python")) {
            for (String block : blocks(language)) {
                Matcher name = NAME.matcher(block);
                assertThat(name.find()).as("every %s block starts with «# example: <name>»:%n%s", language, block).isTrue();
                assertThat(checks).as("a check for example %s", name.group(1)).containsKey(name.group(1));
                examples.put(name.group(1), language + "\n" + block);
            }
        }
        assertThat(examples.keySet()).as("every check has its example").containsExactlyInAnyOrderElementsOf(checks.keySet());
        for (Map.Entry<String, String> example : examples.entrySet()) {
            String[] parts = example.getValue().split("\n", 2);
            List<Map<String, String>> printed = csv(run(parts[0], parts[1]));
            assertThat(printed).as("example %s prints rows", example.getKey()).isNotEmpty();
            checks.get(example.getKey()).accept(printed);
        }
    }

    @Test
    void shouldListViewsThatExistWithTheColumnsItNamesAndEveryView() throws Exception {
        String guide = Files.readString(GUIDE);
        String table = guide.substring(guide.indexOf("| view | one row per | columns |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Set<String> listed = new LinkedHashSet<>();
        try (Connection reader = readerConnection()) {
            for (String row : table.split("\n")) {
                String[] cells = row.split("(?<!\\\\)\\|");
                if (cells.length < 4 || !cells[1].contains("`")) {
                    continue;
                }
                List<String> relations = backticked(cells[1]);
                listed.addAll(relations);
                for (String relation : relations) {
                    assertThat(columns(reader, relation)).as("%s exists and the reader sees it", relation).isNotEmpty();
                }
                Set<String> columns = new LinkedHashSet<>();
                for (String relation : relations) {
                    columns.addAll(columns(reader, relation));
                }
                for (String column : backticked(cells[3])) {
                    assertThat(columns).as("%s has column %s", relations, column).contains(column);
                }
            }
            try (Statement statement = reader.createStatement();
                 ResultSet views = statement.executeQuery("SELECT table_name FROM information_schema.views WHERE table_schema = 'public'")) {
                while (views.next()) {
                    assertThat(guide).as("the guide names view %s", views.getString(1)).contains("`" + views.getString(1) + "`");
                }
            }
        }
        assertThat(listed).contains("indicator_value", "indicator_status");
    }

    private void checkStatusNow(List<Map<String, String>> printed) {
        JsonNode kpis = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?scope=total", JsonNode.class);
        Map<String, JsonNode> api = new LinkedHashMap<>();
        kpis.path("indicators").forEach(i -> api.put(i.path("id").asText(), i));
        assertThat(printed).extracting(r -> r.get("indicator_id")).containsExactlyInAnyOrderElementsOf(api.keySet());
        for (Map<String, String> row : printed) {
            JsonNode indicator = api.get(row.get("indicator_id"));
            assertThat(row.get("status")).as(row.get("indicator_id")).isEqualTo(indicator.path("status").asText());
            assertThat(row.get("status_window")).isEqualTo(indicator.path("statusWindow").asText());
            JsonNode value = indicator.path("values").path(row.get("status_window"));
            if (value.isNumber()) {
                assertThat(Double.parseDouble(row.get("value"))).as(row.get("indicator_id")).isCloseTo(value.asDouble(), within(1e-9));
            } else {
                assertThat(row.get("value")).as(row.get("indicator_id")).isIn("NA", "", null);
            }
        }
    }

    private void checkUkpDaysSeries(List<Map<String, String>> printed) {
        JsonNode series = TestUsers.as(rest, "viewer").getForObject(
                "/api/v1/kpis/series?indicator=ukp_days&scope=total&window=rolling12&from=2021-07&to=2025-06", JsonNode.class);
        List<JsonNode> points = new ArrayList<>();
        series.path("points").forEach(points::add);
        assertThat(printed).hasSize(points.size());
        for (int k = 0; k < points.size(); k++) {
            JsonNode point = points.get(k);
            Map<String, String> row = printed.get(k);
            assertThat(row.get("month")).startsWith(point.path("month").asText());
            assertThat(Double.parseDouble(row.get("value"))).isCloseTo(point.path("value").asDouble(), within(1e-9));
            assertThat(row.get("status")).isEqualTo(point.path("status").asText());
        }
    }

    private void checkDriversOfChange(List<Map<String, String>> printed) {
        JsonNode api = TestUsers.as(rest, "viewer").getForObject("/api/v1/analysis/decomposition?scope=total&window=ytd",
                JsonNode.class);
        Map<String, JsonNode> members = new LinkedHashMap<>();
        api.path("members").forEach(m -> members.put(m.path("scope").path("id").asText(), m));
        assertThat(printed).extracting(r -> r.get("scope_id")).containsExactlyInAnyOrderElementsOf(members.keySet());
        double sum = 0;
        for (Map<String, String> row : printed) {
            JsonNode member = members.get(row.get("scope_id"));
            assertThat(Double.parseDouble(row.get("change"))).isCloseTo(member.path("change").asDouble(), within(1e-9));
            assertThat(Double.parseDouble(row.get("contribution_mean_days")))
                    .isCloseTo(member.path("contributions").path("meanDays").asDouble(), within(1e-9));
            sum += Double.parseDouble(row.get("change"));
        }
        assertThat(sum).as("the members' changes add up to the community's").isCloseTo(api.path("change").asDouble(), within(1e-9));
        assertThat(Math.abs(Double.parseDouble(printed.get(0).get("change"))))
                .isGreaterThanOrEqualTo(Math.abs(Double.parseDouble(printed.get(printed.size() - 1).get("change"))));
    }

    private void checkTargetThisYear(List<Map<String, String>> printed) {
        assertThat(printed).isNotEmpty();
        int withForecast = 0;
        for (Map<String, String> row : printed) {
            JsonNode api = TestUsers.as(rest, "viewer").getForObject("/api/v1/analysis/forecast?scope=total&indicator="
                    + row.get("indicator_id"), JsonNode.class);
            assertThat(row.get("year")).isEqualTo(api.path("year").asText());
            if (api.path("forecast").isNumber()) {
                withForecast++;
                assertThat(Double.parseDouble(row.get("forecast"))).as(row.get("indicator_id"))
                        .isCloseTo(api.path("forecast").asDouble(), within(1e-9));
                assertThat(Double.parseDouble(row.get("lower80"))).isCloseTo(api.path("lower80").asDouble(), within(1e-9));
                assertThat(row.get("method")).isEqualTo(api.path("method").asText());
            } else {
                assertThat(row.get("forecast")).as(row.get("indicator_id")).isEmpty();
                assertThat(row.get("reason")).isEqualTo(api.path("reason").asText());
            }
        }
        assertThat(withForecast).as("48 months are enough for a forecast of the year").isPositive();
    }

    private void checkExportExcelNb(List<Map<String, String>> printed) {
        JsonNode kpis = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis?scope=total", JsonNode.class);
        Map<String, JsonNode> api = new LinkedHashMap<>();
        kpis.path("indicators").forEach(i -> api.put(i.path("id").asText(), i));
        assertThat(printed).extracting(r -> r.get("indicator")).containsExactlyInAnyOrderElementsOf(api.keySet());
        for (Map<String, String> row : printed) {
            JsonNode indicator = api.get(row.get("indicator"));
            assertThat(row.get("window")).isEqualTo(indicator.path("statusWindow").asText());
            assertThat(row.get("status")).isEqualTo(indicator.path("status").asText());
            JsonNode value = indicator.path("values").path(row.get("window"));
            if (value.isNumber()) {
                // rounded to the indicator's decimals in the file (a share: its percent's decimals + 2)
                assertThat(Double.parseDouble(row.get("value"))).as(row.get("indicator")).isCloseTo(value.asDouble(), within(0.006));
            }
        }
    }

    /** Runs an example with the reader's connection in libpq's variables; what it prints to standard output. */
    private String run(String language, String code) throws Exception {
        Path script = Files.createTempFile("ukp-example", language.equals("r") ? ".R" : ".py");
        try {
            Files.writeString(script, code);
            ProcessBuilder process = new ProcessBuilder(language.equals("r") ? List.of("Rscript", "--vanilla", script.toString())
                    : List.of(PYTHON, script.toString()));
            URI database = URI.create(databaseUrl().substring("jdbc:".length()));
            process.environment().putAll(Map.of("PGHOST", database.getHost(), "PGPORT", String.valueOf(database.getPort()),
                    "PGDATABASE", database.getPath().substring(1), "PGUSER", "ukp_reader", "PGPASSWORD", "reader-secret",
                    "UKP_URL", rest.getRootUri(), "UKP_ANALYST_PASSWORD", TestUsers.PASSWORD));
            Path err = Files.createTempFile("ukp-example", ".err");
            process.redirectError(err.toFile());
            Process started;
            try {
                started = process.start();
            } catch (IOException e) {
                throw new AssertionError("cannot start " + process.command().get(0) + ": ./mvnw verify installs it "
                        + "(scripts/ensure-test-packages.sh)", e);
            }
            String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(started.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(started.exitValue()).as("%s example failed:%n%s%n%s", language, code, Files.readString(err)).isZero();
            Files.delete(err);
            return out;
        } finally {
            Files.delete(script);
        }
    }

    private List<String> blocks(String language) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(GUIDE));
        while (block.find()) {
            if (block.group(1).equals(language)) {
                blocks.add(block.group(2));
            }
        }
        return blocks;
    }

    /** Rows of a CSV as R's write.csv and pandas' to_csv write it: a header, quotes around some fields. */
    static List<Map<String, String>> csv(String text) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : text.strip().split("\r?\n")) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)").matcher(line);
            int at = 0;
            while (at <= line.length() && cell.find(at)) {
                cells.add(cell.group(1) != null ? cell.group(1).replace("\"\"", "\"") : cell.group(2));
                at = cell.end() + 1;
            }
            if (header == null) {
                header = cells;
            } else {
                Map<String, String> row = new LinkedHashMap<>();
                for (int k = 0; k < header.size(); k++) {
                    row.put(header.get(k), k < cells.size() ? cells.get(k) : null);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> backticked(String cell) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("`([a-z_0-9]+)`").matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static Set<String> columns(Connection reader, String relation) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (var statement = reader.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, relation);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private String databaseUrl() throws SQLException {
        try (Connection owner = dataSource.getConnection()) {
            return owner.getMetaData().getURL().split("\\?")[0]; // the embedded URL carries ?user=postgres
        }
    }

    private Connection readerConnection() throws SQLException {
        return DriverManager.getConnection(databaseUrl(), "ukp_reader", "reader-secret");
    }
}
