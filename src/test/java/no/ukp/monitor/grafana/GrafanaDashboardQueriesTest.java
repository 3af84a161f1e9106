package no.ukp.monitor.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import no.ukp.monitor.grafana.GrafanaFiles.Dashboard;
import no.ukp.monitor.grafana.GrafanaFiles.Query;
import no.ukp.monitor.grafana.GrafanaSql.Variable;
import no.ukp.monitor.grafana.GrafanaVariables.Option;
import no.ukp.monitor.spc.SpcChart;
import no.ukp.monitor.forecast.ForecastStore;
import no.ukp.monitor.spc.SpcStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * No Grafana server can run here, so every query the dashboards and alert rules contain is run the
 * way Grafana would run it: variables and macros expanded as Grafana 11 expands them
 * ({@link GrafanaSql}), as the read-only role {@code ukp_reader}, against fixture data loaded
 * through the import endpoint. A panel repeated by a variable ({@code "repeat"}) runs once per value,
 * as Grafana shows one copy per value. Any SQL error fails with the dashboard, panel and statement. The
 * numbers of «UKP – måloppnåelse» (and of the other indicator dashboards) must equal
 * {@code /api/v1/kpis}; Prometheus panels may only use metrics the service exposes.
 */
@DatabaseTest
@TestPropertySource(properties = "ukp.reader.password=" + GrafanaDashboardQueriesTest.READER_PASSWORD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the fixture is loaded once; no test writes
class GrafanaDashboardQueriesTest {

    static final String READER_PASSWORD = "reader-secret";
    private static final String SPC = "/api/v1/kpis/spc";
    /** The variable over the indicator catalogue that the per-indicator panels repeat by. */
    static final String INDICATOR = "indikator";
    private static final Logger log = LoggerFactory.getLogger(GrafanaDashboardQueriesTest.class);
    private static final Pattern INDICATOR_VIEWS = Pattern.compile(
            "\\b(indicator_value|indicator_status|indicator_coverage|spc_summary|indicator_forecast)\\b");
    /** The colours of "Making Data Count": blue improvement / pass, orange concern / fail, grey common cause / hit and miss. */
    private static final Map<String, String> MDC_COLOURS = Map.of(
            SpcChart.Variation.SPECIAL_CAUSE_IMPROVEMENT.words(), "#0072C6", SpcChart.Variation.SPECIAL_CAUSE_CONCERN.words(), "#FF6600",
            SpcChart.Variation.COMMON_CAUSE.words(), "#7F7F7F", SpcChart.Assurance.CONSISTENT_PASS.words(), "#0072C6",
            SpcChart.Assurance.CONSISTENT_FAIL.words(), "#FF6600", SpcChart.Assurance.INCONSISTENT.words(), "#7F7F7F");
    /** Options of a variable tried one by one when there are more: evenly spread, first and last included. */
    private static final int MAX_OPTIONS = 30;
    private static final int SAMPLED_OPTIONS = 8;
    /** Reads the API's decimals exactly (Jackson's default reads them as doubles). */
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The colour of each status wherever a dashboard colours a status code (grafana_status). */
    private static final Map<String, String> STATUS_COLOURS = Map.of("green", "green", "yellow", "yellow", "red", "red",
            "no_data", "#8e8e8e", "no_target", "blue");

    /** An indicator as the dashboards show it (view grafana_indicator, read as ukp_reader). */
    record Display(String id, String shortName, String unit, int decimals, BigDecimal scale, String heading) {

        /** The value as the tables built by «Grouping to matrix» show it: round(value × scale, decimals). */
        BigDecimal shown(BigDecimal value) {
            return value.multiply(scale).setScale(decimals, RoundingMode.HALF_UP);
        }
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    DataSource dataSource;
    @Autowired
    SpcStore spcStore;
    @Autowired
    ForecastStore forecastStore;

    private GrafanaFixture fixture;
    private Connection reader;
    private boolean timescaledb;
    private Instant now;
    /** How many statements ran with TimescaleDB's time_bucket(), the expansion of $__timeGroup with timescaledb: true. */
    private int timeBucketRuns;
    /** grafana_indicator by indicator id, in the catalogue's order. */
    private Map<String, Display> display;
    /** grafana_status: the code of each status. */
    private Map<String, Integer> statusCodes;

    @BeforeAll
    void load() throws SQLException {
        TestDatabase.clean(dsl);
        dsl.execute("TRUNCATE measure, measure_revision, measure_status"); // the fixture's plan is the whole plan
        fixture = new GrafanaFixture(rest, dsl);
        fixture.load();
        spcStore.refresh(); // as after every import, but waited for
        forecastStore.refresh();
        now = Instant.now();
        String url;
        try (Connection owner = dataSource.getConnection()) {
            url = owner.getMetaData().getURL().split("\\?")[0]; // the embedded URL carries ?user=postgres
        }
        reader = DriverManager.getConnection(url, "ukp_reader", READER_PASSWORD);
        assertThat(single(reader, "SELECT current_user")).isEqualTo("ukp_reader");
        boolean extension = Boolean.TRUE.equals(single(reader, "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')"));
        if ("true".equals(System.getenv("UKP_EXPECT_TIMESCALEDB"))) {
            assertThat(extension).as("UKP_EXPECT_TIMESCALEDB=true but the timescaledb extension is not loaded").isTrue();
        }
        // Grafana expands $__timeGroup to time_bucket() when the data source says timescaledb: true (it does); on a
        // plain PostgreSQL, which has no time_bucket(), the check expands as Grafana does with timescaledb: false.
        timescaledb = extension && GrafanaFiles.datasourceSaysTimescaledb();
        display = readDisplay(reader);
        statusCodes = new HashMap<>();
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT status, code FROM grafana_status")) {
            while (rs.next()) {
                statusCodes.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(statusCodes).as("a code for every status").containsOnlyKeys(STATUS_COLOURS.keySet());
        assertThat(new HashSet<>(statusCodes.values())).as("distinct codes").hasSize(STATUS_COLOURS.size());
        log.info("Dashboard queries run as ukp_reader on {} (macros expanded with timescaledb={})",
                extension ? "TimescaleDB" : "PostgreSQL", timescaledb);
    }

    @AfterAll
    void close() throws SQLException {
        if (reader != null) {
            reader.close();
        }
    }

    // ---- every query runs ----------------------------------------------------------------------

    @Test
    void shouldRunEveryPanelVariableAndAnnotationQueryAsReaderForEveryVariableValue() {
        int runs = 0;
        for (Dashboard dashboard : GrafanaFiles.dashboards()) {
            Map<String, List<Option>> options = new LinkedHashMap<>();
            Map<String, Variable> defaults = resolveVariables(dashboard, options);
            List<Map<String, Variable>> combinations = new ArrayList<>();
            combinations.add(defaults);
            for (JsonNode v : dashboard.variables()) {
                String name = v.path("name").asText();
                for (Variable alternative : alternatives(v, options.get(name))) {
                    Map<String, Variable> combination = new LinkedHashMap<>(defaults);
                    combination.put(name, alternative);
                    combinations.add(combination);
                }
            }
            for (Map<String, Variable> variables : combinations) {
                runs += runDashboard(dashboard, variables);
            }
        }
        log.info("{} dashboard queries run as ukp_reader", runs);
        assertThat(runs).isGreaterThan(100);
        assertThat(timeBucketRuns > 0).as("$__timeGroup expanded to time_bucket() exactly when running on TimescaleDB")
                .isEqualTo(timescaledb);
    }

    /** Runs every SQL query of the dashboard once with these variable values; returns how many ran. */
    private int runDashboard(Dashboard dashboard, Map<String, Variable> variables) {
        GrafanaSql.Context context = context(dashboard, variables);
        int runs = 0;
        for (JsonNode v : dashboard.variables()) {
            if (v.path("type").asText().equals("query")) {
                Result result = run(GrafanaVariables.variableSql(v), context, "dashboard «" + dashboard.title() + "», variable $" + v.path("name").asText());
                assertThat(result.rows()).as("variable $%s of «%s» has options", v.path("name").asText(), dashboard.title()).isNotEmpty();
                runs++;
            }
        }
        for (JsonNode annotation : dashboard.annotations()) {
            if (annotation.path("target").has("rawSql")) {
                String where = "dashboard «" + dashboard.title() + "», annotation «" + annotation.path("name").asText() + "»";
                Result result = run(annotation.path("target").path("rawSql").asText(), context, where);
                assertThat(result.columns()).as(where).contains("time", "text");
                assertThat(result.rows()).as(where + " marks something").isNotEmpty();
                runs++;
            }
        }
        Map<JsonNode, Set<String>> columnsByPanel = new LinkedHashMap<>();
        Map<JsonNode, Boolean> longSeries = new HashMap<>();
        for (Query query : dashboard.queries()) {
            if (!query.isSql()) {
                continue;
            }
            assertThat(query.datasourceUid()).as(query.where()).isEqualTo(GrafanaFiles.POSTGRES_UID);
            // a repeated panel runs once per value of its variable; the field names checked are those of every copy
            for (Map<String, Variable> copy : GrafanaVariables.repeats(query.panel(), variables)) {
                String where = query.where() + " with " + describe(copy);
                Result result = run(query.sql(), context(dashboard, copy), where);
                runs++;
                checkFormat(query, result, where);
                // an XmR chart (spc_point) has only the months with a value: none where the scope has no such data
                if (INDICATOR_VIEWS.matcher(query.sql()).find() && !query.sql().contains("spc_point")) {
                    assertThat(result.rows()).as("%s reads the indicator views and must show rows", where).isNotEmpty();
                }
                Result shown = transformed(query.panel(), result, where);
                columnsByPanel.computeIfAbsent(query.panel(), p -> new LinkedHashSet<>()).addAll(fieldNames(query, shown));
                longSeries.merge(query.panel(), isLongWithValues(query, result), Boolean::logicalOr);
            }
        }
        columnsByPanel.forEach((panel, columns) -> {
            // a repeated panel's overrides may name a field only some copies have: checked over all of them
            boolean everyCopy = !panel.has("repeat") || variables.get(panel.path("repeat").asText()).all();
            if (!longSeries.get(panel) && everyCopy) {
                checkFieldNames(dashboard, panel, columns);
            }
        });
        return runs;
    }

    /**
     * The names Grafana gives the fields: the columns, but for a time series of {@code time, metric, value} the
     * metric values (the SQL data source names such series by the metric alone, as before Grafana 8).
     */
    private static List<String> fieldNames(Query query, Result result) {
        if (query.format().equals("time_series") && result.columns().size() == 3 && result.columns().contains("metric")) {
            int metric = result.columns().indexOf("metric");
            return result.rows().stream().map(r -> String.valueOf(r.get(metric))).distinct().toList();
        }
        return result.columns();
    }

    /** A long time series with several value columns: Grafana names its fields by column and metric label (not checked). */
    private static boolean isLongWithValues(Query query, Result result) {
        return result.columns().contains("metric") && !(query.format().equals("time_series") && result.columns().size() == 3);
    }

    /** What Grafana itself would refuse after the database answered. */
    private static void checkFormat(Query query, Result result, String where) {
        assertThat(query.format()).as(where).isIn("table", "time_series");
        if (!query.format().equals("time_series")) {
            return;
        }
        assertThat(result.columns()).as("%s: a time series query needs a column named time", where).contains("time");
        for (int i = 0; i < result.columns().size(); i++) {
            String column = result.columns().get(i);
            if (!column.equals("time") && !column.equals("metric")) {
                assertThat(result.numeric().get(i)).as("%s: column %s of a time series must be numeric", where, column).isTrue();
            }
        }
        int time = result.columns().indexOf("time");
        double previous = Double.NEGATIVE_INFINITY;
        for (List<Object> row : result.rows()) {
            double at = epoch(row.get(time));
            assertThat(at).as("%s: time series rows must be sorted by time", where).isGreaterThanOrEqualTo(previous);
            previous = at;
        }
    }

    /** Field names the panel's options and overrides refer to must be names the queries return (after its transformations). */
    private static void checkFieldNames(Dashboard dashboard, JsonNode panel, Set<String> columns) {
        String where = "dashboard «" + dashboard.title() + "», panel «" + panel.path("title").asText() + "»";
        Set<String> visible = columns; // the names after the panel's transformations
        String fields = panel.path("options").path("reduceOptions").path("fields").asText("");
        if (fields.startsWith("/") && fields.endsWith("/") && fields.length() > 1) {
            Pattern regex = Pattern.compile(fields.substring(1, fields.length() - 1));
            assertThat(visible).as("%s shows the fields %s", where, fields).anyMatch(c -> regex.matcher(c).find());
        }
        for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
            String matcher = override.path("matcher").path("id").asText();
            String name = override.path("matcher").path("options").asText();
            if (matcher.equals("byName")) {
                assertThat(visible).as("%s overrides the field «%s»", where, name).contains(name);
            } else if (matcher.equals("byRegexp")) {
                Pattern regex = Pattern.compile(name.startsWith("/") ? name.substring(1, name.lastIndexOf('/')) : name);
                assertThat(visible).as("%s overrides the fields %s", where, name).anyMatch(c -> regex.matcher(c).find());
            }
        }
    }

    // ---- transformations ---------------------------------------------------------------------------

    /**
     * The fields a panel shows from one query's answer, after those of its transformations that change the fields, as
     * Grafana 11 applies them in order: «Grouping to matrix» ({@code groupingToMatrix}: one row per distinct value of the
     * row field and one field per distinct value of the column field, both in the order they first appear, named by the
     * value; the first field named {@code row\column}; a missing or null cell is the empty value) and «Organize fields»
     * ({@code organize}: excludeByName, renameByName). {@code configFromData} changes field config only.
     */
    static Result transformed(JsonNode panel, Result result, String where) {
        for (JsonNode t : panel.path("transformations")) {
            JsonNode o = t.path("options");
            switch (t.path("id").asText()) {
                case "groupingToMatrix" -> {
                    // Grafana's transformer leaves the data as it is unless the panel has exactly one frame
                    assertThat(panel.path("targets").size()).as("%s: Grouping to matrix works on one query", where).isEqualTo(1);
                    result = matrix(result, o.path("rowField").asText("Time"), o.path("columnField").asText("Time"),
                            o.path("valueField").asText("Value"), o.path("emptyValue").asText("empty"), where);
                }
                case "organize" -> result = organize(result, o, where);
                case "configFromData" -> {
                }
                default -> fail(where + ": transformation " + t.path("id").asText() + " is not emulated here");
            }
        }
        return result;
    }

    private static Result matrix(Result in, String rowField, String columnField, String valueField, String emptyValue, String where) {
        int row = in.columns().indexOf(rowField);
        int column = in.columns().indexOf(columnField);
        int value = in.columns().indexOf(valueField);
        assertThat(row >= 0 && column >= 0 && value >= 0).as("%s: Grouping to matrix finds its fields %s, %s and %s in %s",
                where, rowField, columnField, valueField, in.columns()).isTrue();
        Object empty = switch (emptyValue) {
            case "null" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> "";
        };
        Set<Object> rowKeys = new LinkedHashSet<>();
        Set<Object> columnKeys = new LinkedHashSet<>();
        Map<Object, Map<Object, Object>> cells = new HashMap<>();
        for (List<Object> r : in.rows()) {
            rowKeys.add(r.get(row));
            columnKeys.add(r.get(column));
            cells.computeIfAbsent(r.get(column), c -> new HashMap<>()).put(r.get(row), r.get(value));
        }
        List<String> names = new ArrayList<>(List.of(rowField + "\\" + columnField));
        List<Boolean> numeric = new ArrayList<>(List.of(false));
        for (Object c : columnKeys) {
            names.add(String.valueOf(c));
            numeric.add(in.numeric().get(value));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Object key : rowKeys) {
            List<Object> r = new ArrayList<>();
            r.add(key);
            for (Object c : columnKeys) {
                Object cell = cells.get(c).get(key);
                r.add(cell == null ? empty : cell);
            }
            rows.add(r);
        }
        return new Result(names, numeric, rows);
    }

    private static Result organize(Result in, JsonNode options, String where) {
        Set<String> excluded = new LinkedHashSet<>();
        options.path("excludeByName").fields().forEachRemaining(e -> {
            if (e.getValue().asBoolean()) {
                excluded.add(e.getKey());
            }
        });
        Map<String, String> renamed = new HashMap<>();
        options.path("renameByName").fields().forEachRemaining(e -> renamed.put(e.getKey(), e.getValue().asText()));
        assertThat(options.path("indexByName").size()).as("%s: organize reorders nothing (not emulated)", where).isZero();
        assertThat(in.columns()).as("%s: organize hides fields that exist", where).containsAll(excluded);
        assertThat(in.columns()).as("%s: organize renames fields that exist", where).containsAll(renamed.keySet());
        List<String> names = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < in.columns().size(); i++) {
            if (!excluded.contains(in.columns().get(i))) {
                kept.add(i);
                names.add(renamed.getOrDefault(in.columns().get(i), in.columns().get(i)));
                numeric.add(in.numeric().get(i));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : in.rows()) {
            rows.add(kept.stream().map(r::get).toList());
        }
        return new Result(names, numeric, rows);
    }

    /** grafana_indicator, read as the given connection's user, by id in the catalogue's order. */
    private static Map<String, Display> readDisplay(Connection connection) throws SQLException {
        Map<String, Display> result = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, short_name, unit, decimals, scale, heading FROM grafana_indicator ORDER BY sort_order, id")) {
            while (rs.next()) {
                result.put(rs.getString(1), new Display(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBigDecimal(5), rs.getString(6)));
            }
        }
        return result;
    }

    // ---- the måloppnåelse panels show the API's figures ----------------------------------------

    @Test
    void shouldShowTheSameFiguresAsTheApiOnMaloppnaelse() {
        Dashboard dashboard = GrafanaFiles.dashboard("ukp-maloppnaelse");
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(dashboard, options);

        JsonNode latest = api("/api/v1/kpis");
        assertThat(defaults.get("maaned").values()).as("the month variable opens on the API's default month")
                .containsExactly(latest.path("month").asText());
        assertThat(defaults.get("omraade").values()).containsExactly("total");

        JsonNode statPanel = repeatedPanel(dashboard, "stat");
        assertThat(options.get(INDICATOR)).extracting(Option::value).as("one stat panel per indicator of the catalogue, in its order")
                .containsExactlyElementsOf(ids(latest));
        assertThat(statPanel.path("options").path("reduceOptions").path("calcs").toString())
                .as("the stat panels show the last row (the selected month)").isEqualTo("[\"last\"]");
        String region = dsl.fetchOne("SELECT region_id FROM municipality WHERE number = ?", fixture.lateMunicipality).get(0, String.class);
        List<String> scopes = List.of("total", "region:" + region, "municipality:" + fixture.municipalities.get(0),
                "municipality:" + fixture.lateMunicipality, "municipality:" + fixture.gapMunicipality);
        List<YearMonth> months = List.of(fixture.last, fixture.last.minusMonths(5), fixture.gapMonth);
        int compared = 0;
        for (String scope : scopes) {
            assertThat(options.get("omraade")).extracting(Option::value).contains(scope);
            for (YearMonth month : months) {
                JsonNode api = api("/api/v1/kpis?month=" + month + "&scope=" + scope);
                Map<String, Variable> variables = new LinkedHashMap<>(defaults);
                variables.put("maaned", option(dashboard, "maaned", options, month.toString()));
                variables.put("omraade", option(dashboard, "omraade", options, scope));
                GrafanaSql.Context context = context(dashboard, variables);
                String at = month + " " + scope;
                Map<String, Map<String, Variable>> copies = repeatsById(statPanel, variables);
                assertThat(copies.keySet()).as("the stat panel is shown for every indicator").containsExactlyElementsOf(ids(api));

                for (JsonNode indicator : api.path("indicators")) {
                    String id = indicator.path("id").asText();
                    Result result = run(statPanel.path("targets").get(0).path("rawSql").asText(), context(dashboard, copies.get(id)),
                            "måloppnåelse " + id + " " + at);
                    Map<String, Object> shown = result.last();
                    String window = indicator.path("statusWindow").asText();
                    assertSame(shown.get("Verdi"), indicator.path("values").path(window), id + " value (" + window + ") " + at);
                    assertSame(shown.get("Mål"), indicator.path("target"), id + " target " + at);
                    assertThat(shown.get("Status")).as(id + " status " + at).isEqualTo(indicator.path("status").asText());
                    assertThat(epochMonth(shown.get("time"))).as(id + " last row is the selected month").isEqualTo(month);
                    compared++;
                }

                JsonNode windowsPanel = panelWithColumn(dashboard, "Vindu");
                Result windows = transformed(windowsPanel, run(windowsPanel.path("targets").get(0).path("rawSql").asText(), context,
                        "måloppnåelse all windows " + at), "måloppnåelse all windows");
                Map<String, Map<String, Object>> byWindow = new HashMap<>();
                windows.maps().forEach(row -> byWindow.put((String) row.get("Vindu"), row));
                Map<String, String> windowLabels = Map.of("month", "Valgt måned", "ytd", "Hittil i år", "rolling12", "Siste 12 måneder",
                        "projectedYear", "Enkel framskriving for året");
                assertThat(byWindow).as("a row per window and the targets").hasSize(windowLabels.size() + 1);
                for (JsonNode indicator : api.path("indicators")) {
                    Display d = display.get(indicator.path("id").asText());
                    String column = d.heading();
                    assertThat(windows.columns()).as("a column per indicator of the catalogue, headed by its short name")
                            .contains(column);
                    windowLabels.forEach((window, label) -> {
                        JsonNode expected = indicator.path("values").path(window); // missing: no such window (null in the table)
                        assertShown(byWindow.get(label).get(column), expected, d, column + " " + window + " " + at);
                    });
                    assertShown(byWindow.get("Mål (statusvindu)").get(column), indicator.path("target"), d, column + " target " + at);
                    String allStays = d.shortName() + ", alle UKP-opphold";
                    if (indicator.has("valuesAllStays")) {
                        for (String window : List.of("month", "ytd", "rolling12")) {
                            assertShown(byWindow.get(windowLabels.get(window)).get(allStays),
                                    indicator.path("valuesAllStays").path(window), d, "all stays " + window + " " + at);
                        }
                    } else {
                        assertThat(windows.columns()).as("%s: no all-stays column", d.id()).doesNotContain(allStays);
                    }
                }

                Result coverage = run(panelWithColumn(dashboard, "Dekning").path("targets").get(0).path("rawSql").asText(), context,
                        "måloppnåelse coverage " + at);
                Map<String, Object> cov = coverage.last();
                assertThat(((Number) cov.get("Rapporterte kommune-måneder")).intValue()).as("reported " + at)
                        .isEqualTo(api.path("coverage").path("reported").asInt());
                assertThat(((Number) cov.get("Forventet")).intValue()).as("expected " + at)
                        .isEqualTo(api.path("coverage").path("expected").asInt());
                assertThat(cov.get("Dekning")).as("complete " + at)
                        .isEqualTo(api.path("coverage").path("complete").asBoolean() ? "komplett" : "ufullstendig");

                Result origin = run(panelWithColumn(dashboard, "Dataopphav").path("targets").get(0).path("rawSql").asText(), context,
                        "måloppnåelse origin");
                assertThat(origin.last().get("Dataopphav")).isEqualTo(api.path("synthetic").asBoolean() ? "syntetisk" : "ekte");
            }
        }
        assertThat(compared).as("every indicator of the catalogue, every scope and month")
                .isEqualTo(scopes.size() * months.size() * dsl.fetchCount(dsl.selectFrom("indicator")));
    }

    @Test
    void shouldShowTheSameFiguresAsTheApiOnKommunerAndUtvikling() {
        Dashboard kommuner = GrafanaFiles.dashboard("ukp-kommuner");
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(kommuner, options);
        GrafanaSql.Context context = context(kommuner, defaults);
        String month = defaults.get("maaned").values().get(0);

        JsonNode municipalityPanel = panelWithColumn(kommuner, "Kommune");
        Result municipalities = transformed(municipalityPanel, run(municipalityPanel.path("targets").get(0).path("rawSql").asText(),
                context, "kommuner"), "kommuner");
        Map<String, String> scopeByMunicipality = new HashMap<>();
        dsl.fetch("SELECT number, name FROM municipality").forEach(r -> scopeByMunicipality.put(
                r.get(1, String.class) + " (" + r.get(0, String.class) + ")", "municipality:" + r.get(0, String.class)));
        assertThat(municipalities.rows()).hasSize(fixture.municipalities.size());
        for (Map<String, Object> row : municipalities.maps()) {
            compareWideRow(row, scopeByMunicipality.get((String) row.get("Kommune")), month);
        }
        JsonNode regionPanel = panelWithColumn(kommuner, "Område");
        Result regions = transformed(regionPanel, run(regionPanel.path("targets").get(0).path("rawSql").asText(), context, "regioner"),
                "regioner");
        Map<String, String> scopeByName = new HashMap<>();
        scopeByName.put("Helsefellesskapet", "total");
        dsl.fetch("SELECT id, name FROM region").forEach(r -> scopeByName.put(r.get(1, String.class), "region:" + r.get(0, String.class)));
        assertThat(regions.rows()).hasSize(scopeByName.size());
        for (Map<String, Object> row : regions.maps()) {
            compareWideRow(row, scopeByName.get((String) row.get("Område")), month);
        }

        Dashboard utvikling = GrafanaFiles.dashboard("ukp-utvikling");
        Map<String, List<Option>> utviklingOptions = new LinkedHashMap<>();
        Map<String, Variable> utviklingDefaults = resolveVariables(utvikling, utviklingOptions);
        for (String scope : List.of("total", "municipality:" + fixture.municipalities.get(0))) {
            Map<String, Variable> variables = new LinkedHashMap<>(utviklingDefaults);
            variables.put("omraade", option(utvikling, "omraade", utviklingOptions, scope));
            GrafanaSql.Context utviklingContext = context(utvikling, variables);
            JsonNode api = api("/api/v1/kpis?month=" + fixture.last + "&scope=" + scope);
            JsonNode panel = panelWithSeries(utvikling, "Per måned");
            Map<String, Map<String, Variable>> copies = repeatsById(panel, variables);
            assertThat(copies.keySet()).as("one trend panel per indicator of the catalogue").containsExactlyElementsOf(ids(api));
            for (JsonNode indicator : api.path("indicators")) {
                String id = indicator.path("id").asText();
                Result series = run(panel.path("targets").get(0).path("rawSql").asText(), context(utvikling, copies.get(id)),
                        "utvikling " + id).wide();
                Map<String, Object> lastMonth = series.last();
                assertThat(epochMonth(lastMonth.get("time"))).isEqualTo(fixture.last);
                assertSame(lastMonth.get("Per måned"), indicator.path("values").path("month"), "utvikling " + id + " month " + scope);
                assertSame(lastMonth.get("Siste 12 måneder"), indicator.path("values").path("rolling12"), "utvikling " + id + " rolling12 " + scope);
                assertSame(lastMonth.get("Mål"), indicator.path("target"), "utvikling " + id + " target " + scope);
                if (id.equals("avg_ukp_days")) {
                    assertSame(lastMonth.get("Alle UKP-opphold, siste 12 måneder"), indicator.path("valuesAllStays").path("rolling12"),
                            "utvikling all stays " + scope);
                } else {
                    assertThat(series.columns()).as("utvikling %s: no all-stays series", id).doesNotContain("Alle UKP-opphold, siste 12 måneder");
                }
            }
            // «Status måned for måned»: a series per indicator of the catalogue, named by its short name, the status as its code
            JsonNode timelinePanel = utvikling.panels().stream().filter(p -> p.path("type").asText().equals("state-timeline"))
                    .findFirst().orElseThrow();
            Result timeline = run(timelinePanel.path("targets").get(0).path("rawSql").asText(), utviklingContext,
                    "utvikling status " + scope).wide();
            assertThat(timeline.columns().subList(1, timeline.columns().size())).as("a series per indicator, in the catalogue's order")
                    .containsExactlyElementsOf(display.values().stream().map(Display::shortName).toList());
            Map<String, Object> lastMonth = timeline.last();
            assertThat(epochMonth(lastMonth.get("time"))).isEqualTo(fixture.last);
            for (JsonNode indicator : api.path("indicators")) {
                String name = display.get(indicator.path("id").asText()).shortName();
                assertThat(((Number) lastMonth.get(name)).intValue()).as("utvikling status %s %s", name, scope)
                        .isEqualTo(statusCodes.get(indicator.path("status").asText()));
            }
        }
    }

    @Test
    void shouldShowTheCataloguesRatePerThousandOnKommuner() {
        Dashboard kommuner = GrafanaFiles.dashboard("ukp-kommuner");
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(kommuner, options);
        String month = defaults.get("maaned").values().get(0);
        String column = "UKP-døgn per 1 000 innbyggere";
        JsonNode panel = panelWithColumn(kommuner, column);
        assertThat(panel.path("targets").get(0).path("rawSql").asText()).as("the rate is the catalogue's indicator, not computed anew")
                .contains("'ukp_days_per_1000'").doesNotContain("population");
        Result rates = run(panel.path("targets").get(0).path("rawSql").asText(), context(kommuner, defaults), "kommuner rate");
        Map<String, String> numberByName = new HashMap<>();
        dsl.fetch("SELECT number, name FROM municipality").forEach(r -> numberByName.put(r.get(1, String.class), r.get(0, String.class)));
        assertThat(rates.rows()).as("every municipality (the default selection is every region)").hasSize(fixture.municipalities.size());
        assertThat(rates.maps()).as("rates where the population is known").anyMatch(row -> row.get(column) != null);
        for (Map<String, Object> row : rates.maps()) {
            String number = numberByName.get((String) row.get("Kommune"));
            JsonNode api = api("/api/v1/kpis?month=" + month + "&scope=municipality:" + number);
            for (JsonNode indicator : api.path("indicators")) {
                if (indicator.path("id").asText().equals("ukp_days_per_1000")) {
                    assertSame(row.get(column), indicator.path("values").path("rolling12"), "rate " + number);
                }
            }
        }
    }

    /**
     * «UKP – kommuner»'s decomposition panels (issue 17) call the same SQL function as
     * {@code /api/v1/analysis/decomposition}: the total's change and contributions, and every municipality's, as the API.
     */
    @Test
    void shouldShowTheApisDecompositionOnKommuner() {
        Dashboard kommuner = GrafanaFiles.dashboard("ukp-kommuner");
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(kommuner, options);
        String month = defaults.get("maaned").values().get(0);
        JsonNode api = api("/api/v1/analysis/decomposition?scope=total&window=ytd&month=" + month);
        assertThat(api.path("change").isNumber()).as("the fixture has the same months a year earlier").isTrue();

        JsonNode barPanel = panelWithColumn(kommuner, "Bidrag (UKP-døgn)");
        Result bars = run(barPanel.path("targets").get(0).path("rawSql").asText(), context(kommuner, defaults), "kommuner decomposition bars");
        assertThat(bars.rows()).hasSize(3);
        assertSame(bars.rows().get(0).get(1), api.path("contributions").path("stays"), "bar: stays");
        assertSame(bars.rows().get(1).get(1), api.path("contributions").path("shareWithDays"), "bar: share with days");
        assertSame(bars.rows().get(2).get(1), api.path("contributions").path("meanDays"), "bar: mean days");

        JsonNode tablePanel = panelWithColumn(kommuner, "Bidrag: opphold");
        Result table = run(tablePanel.path("targets").get(0).path("rawSql").asText(), context(kommuner, defaults), "kommuner decomposition");
        assertThat(table.rows()).as("the total, then every municipality (every region is selected)").hasSize(1 + fixture.municipalities.size());
        Map<String, JsonNode> rowsByName = new HashMap<>();
        rowsByName.put("Helsefellesskapet", api);
        api.path("members").forEach(m -> rowsByName.put(m.path("scope").path("name").asText(), m));
        for (Map<String, Object> row : table.maps()) {
            JsonNode expected = rowsByName.get((String) row.get("Kommune"));
            assertThat(expected).as("a row of the API for %s", row.get("Kommune")).isNotNull();
            String what = "decomposition " + row.get("Kommune");
            assertSame(row.get("Endring"), expected.path("change"), what + " change");
            assertSame(row.get("UKP-døgn i år"), expected.path("current").path("ukpDays"), what + " now");
            assertSame(row.get("UKP-døgn i fjor"), expected.path("previous").path("ukpDays"), what + " a year earlier");
            assertSame(row.get("Bidrag: opphold"), expected.path("contributions").path("stays"), what + " stays");
            assertSame(row.get("Bidrag: andel med døgn"), expected.path("contributions").path("shareWithDays"), what + " share");
            assertSame(row.get("Bidrag: døgn per opphold"), expected.path("contributions").path("meanDays"), what + " mean days");
        }
    }

    /** Every value mapping of a status code (grafana_status) gives that status its colour, and maps every code. */
    @Test
    void shouldShowTheSameNationalRankingAsTheApiOnNasjonaltAndTheVisionOnMaloppnaelse() {
        Dashboard nasjonalt = GrafanaFiles.dashboard("ukp-nasjonalt");
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(nasjonalt, options);
        JsonNode api = api("/api/v1/national/ranking");
        assertThat(defaults.get("aar").values()).as("the year opens on the latest with national figures")
                .containsExactly(api.path("year").asText());
        for (Option year : options.get("aar")) {
            JsonNode ranking = api("/api/v1/national/ranking?year=" + year.value());
            Map<String, Variable> variables = new LinkedHashMap<>(defaults);
            variables.put("aar", option(nasjonalt, "aar", options, year.value()));
            JsonNode ours = ranking.path("ours");
            Map<String, Object> vision = single(nasjonalt, "Visjon: «Blant de beste i landet»", variables);
            assertThat(vision.get("Visjon")).isEqualTo(ours.path("status").asText());
            assertThat(vision.get("Plass")).isEqualTo(ours.path("rank").asInt() + " av " + ours.path("n").asInt());
            assertDouble(vision.get("Persentil"), ours.path("percentile"), "percentile");

            List<Map<String, Object>> bars = rows(nasjonalt, "Helsefellesskapene rangert: UKP-døgn per 1 000 innbyggere", variables);
            List<String> apiBars = new ArrayList<>();
            ranking.path("communities").forEach(c -> {
                if (!c.path("value").isNull()) {
                    apiBars.add(c.path("rank").asInt() + ". " + c.path("name").asText()
                            + (c.path("community").asText().equals(ours.path("community").asText()) ? " (vårt)" : "") + " "
                            + c.path("value").decimalValue().stripTrailingZeros().toPlainString());
                }
            });
            assertThat(bars).extracting(r -> r.get("Helsefellesskap") + " "
                    + ((BigDecimal) r.get("UKP-døgn per 1 000 innbyggere")).stripTrailingZeros().toPlainString())
                    .containsExactlyElementsOf(apiBars);

            List<Map<String, Object>> municipalities = rows(nasjonalt, "Våre kommuner blant alle kommuner", variables);
            JsonNode standardised = api("/api/v1/national/ranking?year=" + year.value() + "&measure=ukp_days_per_1000_standardised");
            assertThat(municipalities).hasSize(ranking.path("ourMunicipalities").size());
            for (int i = 0; i < municipalities.size(); i++) {
                JsonNode place = ranking.path("ourMunicipalities").get(i);
                Map<String, Object> row = municipalities.get(i);
                assertThat(row.get("Kommune")).isEqualTo(place.path("name").asText() + " (" + place.path("municipality").asText() + ")");
                assertDouble(row.get("Per 1 000"), place.path("value"), "crude rate");
                assertThat(row.get("Plass")).isEqualTo(place.path("rank").asInt() + " av " + place.path("n").asInt());
                assertThat(row.get("Status")).isEqualTo(place.path("status").asText());
                JsonNode std = null;
                for (JsonNode s : standardised.path("ourMunicipalities")) {
                    if (s.path("municipality").equals(place.path("municipality"))) {
                        std = s;
                    }
                }
                assertThat(std).isNotNull();
                assertDouble(row.get("Standardisert"), std.path("value"), "standardised rate");
                assertThat(row.get("Status, standardisert")).isEqualTo(std.path("status").asText());
            }
        }
        Dashboard maloppnaelse = GrafanaFiles.dashboard("ukp-maloppnaelse");
        Map<String, List<Option>> monthOptions = new LinkedHashMap<>();
        Map<String, Variable> monthDefaults = resolveVariables(maloppnaelse, monthOptions);
        // the latest year with national figures up to the chosen month's year (the fixture's are the two years before the last month's)
        Map<String, Object> vision = single(maloppnaelse, "Visjon: «Blant de beste i landet»", monthDefaults);
        JsonNode ours = api("/api/v1/national/ranking?year=" + (fixture.last.getYear() - 1)).path("ours");
        assertThat(vision.get("Visjon")).isEqualTo(ours.path("status").asText());
        assertThat(vision.get("Helsefellesskap")).isEqualTo(ours.path("name").asText() + " (" + (fixture.last.getYear() - 1) + ")");
    }

    /** The rows of the panel titled {@code title} with these variables, run as ukp_reader. */
    private List<Map<String, Object>> rows(Dashboard dashboard, String title, Map<String, Variable> variables) {
        JsonNode panel = dashboard.panels().stream().filter(p -> p.path("title").asText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(dashboard.title() + " has no panel «" + title + "»"));
        return run(panel.path("targets").path(0).path("rawSql").asText(), context(dashboard, variables), dashboard.title() + " / " + title).maps();
    }

    private Map<String, Object> single(Dashboard dashboard, String title, Map<String, Variable> variables) {
        List<Map<String, Object>> rows = rows(dashboard, title, variables);
        assertThat(rows).as("%s / %s", dashboard.title(), title).hasSize(1);
        return rows.get(0);
    }

    @Test
    void shouldColourEveryStatusCodeAsItsStatus() {
        int checked = 0;
        for (Dashboard dashboard : GrafanaFiles.dashboards()) {
            for (JsonNode panel : dashboard.panels()) {
                List<JsonNode> mappings = new ArrayList<>();
                panel.path("fieldConfig").path("defaults").path("mappings").forEach(mappings::add);
                for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
                    for (JsonNode property : override.path("properties")) {
                        if (property.path("id").asText().equals("mappings")) {
                            property.path("value").forEach(mappings::add);
                        }
                    }
                }
                if (!panel.path("targets").toString().contains("grafana_status")) {
                    continue; // codes of something else
                }
                for (JsonNode mapping : mappings) {
                    List<String> keys = new ArrayList<>();
                    mapping.path("options").fieldNames().forEachRemaining(keys::add);
                    if (!mapping.path("type").asText().equals("value") || keys.isEmpty() || !keys.stream().allMatch(k -> k.matches("\\d+"))) {
                        continue;
                    }
                    String where = dashboard.title() + " / " + panel.path("title").asText();
                    assertThat(keys).as("%s maps every status code", where)
                            .containsExactlyInAnyOrderElementsOf(statusCodes.values().stream().map(String::valueOf).toList());
                    statusCodes.forEach((status, code) -> assertThat(mapping.path("options").path(String.valueOf(code)).path("color").asText())
                            .as("%s: colour of %s (code %d)", where, status, code).isEqualTo(STATUS_COLOURS.get(status)));
                    checked++;
                }
            }
        }
        assertThat(checked).as("the two kommuner tables, utvikling's status timeline, tiltak's plan and status timeline").isEqualTo(5);
    }

    // ---- the action plan: «UKP – tiltak» and the «Tiltak» marks of «UKP – utvikling» -------------------------

    /** The template's words for the API's codes of priority and size. */
    private static final Map<String, String> PRIORITIES = Map.of("hoy", "Høy", "middel", "Middels", "lav", "Lav");
    private static final Map<String, String> SIZES = Map.of("stort", "Stort", "middels", "Middels", "lite", "Lite");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");
    /** The statuses a measure can have (measure_status_check). */
    private static final List<String> MEASURE_STATUSES = List.of("green", "yellow", "red");

    /**
     * «UKP – tiltak» shows the plan of {@code GET /api/v1/measures}: each measure's row, then its activities', with the
     * latest status (latest month, the one set last in it) and its comment; the status month by month of each measure;
     * for «Alle områder» every measure, for an area its own and those of the whole community. The statuses read as the
     * indicator statuses read: the legend's words and colours.
     */
    @Test
    void shouldShowThePlanOfTheApiOnTiltak() {
        Dashboard dashboard = GrafanaFiles.dashboard("ukp-tiltak");
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(dashboard, options);
        assertThat(defaults.get("omraade").values()).as("opens on the whole plan").containsExactly("alle");
        JsonNode measures = api("/api/v1/measures");
        assertThat(measures).as("the fixture's plan").hasSizeGreaterThanOrEqualTo(4);
        Map<String, String> scopeNames = new HashMap<>();
        dsl.fetch("SELECT scope_type, scope_id, scope_name FROM indicator_scope").forEach(r -> scopeNames.put(
                no.ukp.monitor.reference.Scope.key(r.get(0, String.class), r.get(1, String.class)), r.get(2, String.class)));
        JsonNode table = panelWithColumn(dashboard, "Tiltak");
        JsonNode timeline = dashboard.panels().stream().filter(p -> p.path("type").asText().equals("state-timeline")).findFirst()
                .orElseThrow();

        List<String> scopes = List.of("alle", "total", "municipality:" + fixture.municipalities.get(0),
                "municipality:" + fixture.municipalities.get(1), "municipality:" + fixture.lateMunicipality);
        Set<Integer> sizes = new HashSet<>();
        int statuses = 0;
        for (String scope : scopes) {
            Map<String, Variable> variables = new LinkedHashMap<>(defaults);
            variables.put("omraade", option(dashboard, "omraade", options, scope));
            GrafanaSql.Context context = context(dashboard, variables);
            List<JsonNode> shown = new ArrayList<>();
            measures.forEach(m -> {
                String of = m.path("scope").asText();
                if (scope.equals("alle") || of.equals("total") || of.equals(scope)) {
                    shown.add(m);
                }
            });
            sizes.add(shown.size());

            List<Map<String, Object>> expected = new ArrayList<>();
            for (JsonNode measure : shown) {
                expected.add(planRow(measure, measure, scopeNames));
                measure.path("activities").forEach(a -> expected.add(planRow(measure, a, scopeNames)));
            }
            String where = "tiltak plan " + scope;
            Result plan = transformed(table, run(table.path("targets").get(0).path("rawSql").asText(), context, where), where);
            assertThat(plan.columns()).as("the template's columns, in its order").containsExactlyElementsOf(expected.get(0).keySet());
            assertThat(plan.maps()).as("%s: the API's measures, each followed by its activities", where).containsExactlyElementsOf(expected);

            Map<String, Map<YearMonth, Integer>> expectedSeries = new LinkedHashMap<>();
            for (JsonNode measure : shown) {
                for (JsonNode status : measure.path("statuses")) { // newest first: the first of a month is its status
                    expectedSeries.computeIfAbsent(measure.path("title").asText() + " (" + scopeNames.get(measure.path("scope").asText())
                            + ")", k -> new TreeMap<>()).putIfAbsent(YearMonth.parse(status.path("month").asText()),
                            statusCodes.get(status.path("status").asText()));
                }
            }
            Map<String, Map<YearMonth, Integer>> series = new LinkedHashMap<>();
            run(timeline.path("targets").get(0).path("rawSql").asText(), context, "tiltak status " + scope).rows().forEach(r ->
                    series.computeIfAbsent((String) r.get(1), k -> new TreeMap<>()).put(epochMonth(r.get(0)), ((Number) r.get(2)).intValue()));
            assertThat(series).as("tiltak status month by month %s: each measure's current status of each month", scope)
                    .containsExactlyInAnyOrderEntriesOf(expectedSeries);
            statuses += expectedSeries.values().stream().mapToInt(Map::size).sum();
        }
        assertThat(sizes).as("the areas show different parts of the plan").hasSizeGreaterThan(2);
        assertThat(statuses).as("statuses compared").isPositive();

        boolean synthetic = false;
        for (JsonNode measure : measures) {
            synthetic |= measure.path("synthetic").asBoolean();
            for (JsonNode activity : measure.path("activities")) {
                synthetic |= activity.path("synthetic").asBoolean();
            }
        }
        Result origin = run(panelWithColumn(dashboard, "Dataopphav").path("targets").get(0).path("rawSql").asText(),
                context(dashboard, defaults), "tiltak origin");
        assertThat(origin.last().get("Dataopphav")).isEqualTo(synthetic ? "syntetisk" : "ekte");

        // the statuses in the words and colours of the indicator statuses (måloppnåelse's stat panels)
        Map<String, JsonNode> indicatorLegend = valueMappings(repeatedPanel(GrafanaFiles.dashboard("ukp-maloppnaelse"), "stat"));
        for (JsonNode panel : List.of(table, timeline)) {
            Map<String, JsonNode> legend = valueMappings(panel);
            for (String status : MEASURE_STATUSES) {
                String where = "tiltak / " + panel.path("title").asText() + ": " + status;
                JsonNode mapped = legend.get(String.valueOf(statusCodes.get(status)));
                assertThat(mapped).as(where).isNotNull();
                assertThat(mapped.path("text").asText()).as(where).isEqualTo(indicatorLegend.get(status).path("text").asText());
                assertThat(mapped.path("color").asText()).as(where).isEqualTo(indicatorLegend.get(status).path("color").asText());
            }
        }
    }

    /**
     * The «Tiltak» annotation of «UKP – utvikling» marks, at its start month, exactly the measures (not activities) of the
     * selected area and of the whole community that are linked to an indicator, naming the indicators; read as ukp_reader,
     * who may read the plan and not change it.
     */
    @Test
    void shouldMarkTheStartOfTheMeasuresOfTheAreaAndOfTheWholeCommunityOnUtvikling() throws SQLException {
        for (String table : List.of("measure", "measure_revision", "measure_status")) {
            assertThat(single(reader, "SELECT has_table_privilege('" + table + "', 'SELECT')")).as("ukp_reader reads %s", table)
                    .isEqualTo(true);
            assertThat(single(reader, "SELECT has_table_privilege('" + table + "', 'INSERT, UPDATE, DELETE')"))
                    .as("ukp_reader cannot change %s", table).isEqualTo(false);
        }
        Dashboard utvikling = GrafanaFiles.dashboard("ukp-utvikling");
        List<JsonNode> annotations = utvikling.annotations().stream().filter(a -> a.path("name").asText().equals("Tiltak")).toList();
        assertThat(annotations).as("one annotation «Tiltak»").hasSize(1);
        String sql = annotations.get(0).path("target").path("rawSql").asText();
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(utvikling, options);
        JsonNode measures = api("/api/v1/measures");
        String region = dsl.fetchOne("SELECT region_id FROM municipality WHERE number = ?", fixture.municipalities.get(0)).get(0, String.class);
        List<String> scopes = List.of("total", "region:" + region, "municipality:" + fixture.municipalities.get(0),
                "municipality:" + fixture.municipalities.get(1), "municipality:" + fixture.lateMunicipality);
        int withoutIndicators = 0;
        int elsewhere = 0;
        for (String scope : scopes) {
            Map<String, Variable> variables = new LinkedHashMap<>(defaults);
            variables.put("omraade", option(utvikling, "omraade", options, scope));
            Map<String, YearMonth> expected = new TreeMap<>();
            for (JsonNode measure : measures) {
                String of = measure.path("scope").asText();
                if (!of.equals("total") && !of.equals(scope)) {
                    elsewhere++;
                } else if (measure.path("indicators").isEmpty()) {
                    withoutIndicators++;
                } else {
                    expected.put(measure.path("title").asText(), YearMonth.parse(measure.path("startMonth").asText()));
                }
            }
            Map<String, YearMonth> marked = new TreeMap<>();
            for (Map<String, Object> row : run(sql, context(utvikling, variables), "utvikling «Tiltak» " + scope).maps()) {
                String text = (String) row.get("text");
                assertThat(row.get("tags")).as(text).isEqualTo("tiltak");
                JsonNode measure = null;
                for (JsonNode m : measures) {
                    if (text.contains(m.path("title").asText())) {
                        measure = m;
                    }
                }
                assertThat(measure).as("«%s» names a measure of the API", text).isNotNull();
                for (JsonNode indicator : measure.path("indicators")) {
                    assertThat(text).as("%s: names its indicators by their short names", scope).contains(display.get(indicator.asText()).shortName());
                }
                assertThat(marked.put(measure.path("title").asText(), epochMonth(row.get("time")))).as("%s: marked once", text).isNull();
            }
            assertThat(marked).as("«Tiltak» on utvikling for %s: the start month of each measure of the area and of the whole "
                    + "community with indicators", scope).isEqualTo(expected);
        }
        assertThat(withoutIndicators).as("a measure without indicators was left out").isPositive();
        assertThat(elsewhere).as("measures of other areas were left out").isPositive();
    }

    /** A row of the plan as «UKP – tiltak» should show it, from the API's measure and the measure or activity of the row. */
    private Map<String, Object> planRow(JsonNode measure, JsonNode row, Map<String, String> scopeNames) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Tiltak", measure.path("title").asText());
        expected.put("Aktivitet", row == measure ? "" : row.path("title").asText());
        expected.put("Periode", month(row.path("startMonth")) + "–" + (text(row.path("endMonth")) == null ? "" : month(row.path("endMonth"))));
        expected.put("Prioritet", row.hasNonNull("priority") ? PRIORITIES.get(row.path("priority").asText()) : null);
        expected.put("Omfang", row.hasNonNull("size") ? SIZES.get(row.path("size").asText()) : null);
        expected.put("Ansvarlig", text(row.path("owner")));
        expected.put("Område", scopeNames.get(row.path("scope").asText()));
        List<String> ids = new ArrayList<>();
        row.path("indicators").forEach(i -> ids.add(i.asText()));
        expected.put("Indikatorer", ids.isEmpty() ? null : String.join(", ", display.values().stream()
                .filter(d -> ids.contains(d.id())).map(Display::shortName).toList()));
        JsonNode latest = row.path("statuses").path(0);
        expected.put("Status", latest.isMissingNode() ? null : statusCodes.get(latest.path("status").asText()));
        expected.put("Kommentar", text(latest.path("comment")));
        expected.put("Måned", latest.isMissingNode() ? null : month(latest.path("month")));
        return expected;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static String month(JsonNode yearMonth) {
        return YearMonth.parse(yearMonth.asText()).format(MONTH);
    }

    /** The value mappings of a panel (its defaults and overrides), by the value they map. */
    private static Map<String, JsonNode> valueMappings(JsonNode panel) {
        List<JsonNode> mappings = new ArrayList<>();
        panel.path("fieldConfig").path("defaults").path("mappings").forEach(mappings::add);
        panel.path("fieldConfig").path("overrides").forEach(o -> o.path("properties").forEach(p -> {
            if (p.path("id").asText().equals("mappings")) {
                p.path("value").forEach(mappings::add);
            }
        }));
        Map<String, JsonNode> byValue = new HashMap<>();
        mappings.stream().filter(m -> m.path("type").asText().equals("value"))
                .forEach(m -> m.path("options").properties().forEach(e -> byValue.put(e.getKey(), e.getValue())));
        return byValue;
    }

    /** The API's answer, every number exact. */
    private JsonNode api(String path) {
        String body = TestUsers.as(rest, "viewer").getForObject(path, String.class);
        try {
            return EXACT.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A row of a table built by «Grouping to matrix»: a value and a status column per indicator, and the coverage. */
    private void compareWideRow(Map<String, Object> row, String scope, String month) {
        assertThat(scope).as("the row %s names a scope", row).isNotNull();
        JsonNode api = api("/api/v1/kpis?month=" + month + "&scope=" + scope);
        assertThat(row).as("the columns of every indicator of the catalogue, and the coverage")
                .hasSize(1 + 2 * display.size() + 3);
        for (JsonNode indicator : api.path("indicators")) {
            Display d = display.get(indicator.path("id").asText());
            assertShown(row.get(d.heading()), indicator.path("values").path(indicator.path("statusWindow").asText()), d,
                    d.heading() + " " + scope);
            Object status = row.get("Status " + d.shortName());
            assertThat(status).as(d.shortName() + " status " + scope).isNotNull();
            assertThat(((Number) status).intValue()).as(d.shortName() + " status " + scope)
                    .isEqualTo(statusCodes.get(indicator.path("status").asText()));
        }
        int reported = api.path("coverage").path("reported").asInt();
        int expected = api.path("coverage").path("expected").asInt();
        assertThat(((Number) row.get("Rapportert")).intValue()).as("reported " + scope).isEqualTo(reported);
        assertThat(((Number) row.get("Forventet")).intValue()).as("expected " + scope).isEqualTo(expected);
        assertThat(((Number) row.get("Dekning")).doubleValue()).as("coverage " + scope)
                .isCloseTo((double) reported / expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    // ---- SPC: the charts the service stored are the API's ---------------------------------------------

    /**
     * «UKP – utvikling» draws each indicator's XmR chart and «UKP – måloppnåelse» lists its variation and assurance
     * from the charts the service stores (spc_point, spc_summary): month by month the values, each phase's mean and
     * limits, the target and the flagged months of {@code /api/v1/kpis/spc} without parameters, in the words of the
     * report; in a month other than the latest, måloppnåelse shows no verdict rather than the latest one.
     */
    @Test
    void shouldShowTheApisSpcOnUtviklingAndMaloppnaelse() {
        Dashboard utvikling = GrafanaFiles.dashboard("ukp-utvikling");
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(utvikling, options);
        JsonNode chartPanel = panelWithSeries(utvikling, "Gjennomsnitt");
        Dashboard maloppnaelse = GrafanaFiles.dashboard("ukp-maloppnaelse");
        Map<String, List<Option>> summaryOptions = new LinkedHashMap<>();
        Map<String, Variable> summaryDefaults = resolveVariables(maloppnaelse, summaryOptions);
        JsonNode summaryPanel = panelWithColumn(maloppnaelse, "Måloppnåelse");
        assertThat(summaryDefaults.get("maaned").values()).containsExactly(fixture.last.toString());

        String region = dsl.fetchOne("SELECT region_id FROM municipality WHERE number = ?", fixture.lateMunicipality).get(0, String.class);
        List<String> scopes = List.of("total", "region:" + region, "municipality:" + fixture.municipalities.get(0),
                "municipality:" + fixture.lateMunicipality, "municipality:" + fixture.gapMunicipality);
        int compared = 0;
        int flagged = 0;
        int withLimits = 0;
        for (String scope : scopes) {
            Map<String, Variable> variables = new LinkedHashMap<>(defaults);
            variables.put("omraade", option(utvikling, "omraade", options, scope));
            Map<String, Map<String, Variable>> copies = repeatsById(chartPanel, variables);
            assertThat(copies.keySet()).as("an SPC panel per indicator").containsExactlyElementsOf(display.keySet());
            Map<String, Variable> summaryVariables = new LinkedHashMap<>(summaryDefaults);
            summaryVariables.put("omraade", option(maloppnaelse, "omraade", summaryOptions, scope));
            Map<String, Map<String, Object>> summary = new HashMap<>();
            run(summaryPanel.path("targets").get(0).path("rawSql").asText(), context(maloppnaelse, summaryVariables),
                    "måloppnåelse SPC " + scope).maps().forEach(row -> summary.put((String) row.get("Indikator"), row));
            assertThat(summary.keySet()).as("a row per indicator").containsExactlyInAnyOrderElementsOf(
                    display.values().stream().map(Display::shortName).toList());

            for (Display d : display.values()) {
                String at = d.id() + " " + scope;
                JsonNode api = api(SPC + "?indicator=" + d.id() + "&scope=" + scope);
                Result chart = run(chartPanel.path("targets").get(0).path("rawSql").asText(), context(utvikling, copies.get(d.id())),
                        "utvikling SPC " + at).wide();
                Map<YearMonth, Map<String, Object>> shown = new LinkedHashMap<>();
                chart.maps().forEach(row -> shown.put(epochMonth(row.get("time")), row));
                List<YearMonth> months = new ArrayList<>();
                api.path("points").forEach(p -> months.add(YearMonth.parse(p.path("month").asText())));
                assertThat(shown.keySet()).as("%s: the API's months", at).containsExactlyElementsOf(months);
                for (JsonNode point : api.path("points")) {
                    Map<String, Object> row = shown.get(YearMonth.parse(point.path("month").asText()));
                    JsonNode phase = api.path("phases").get(point.path("phase").asInt());
                    String when = at + " " + point.path("month").asText();
                    assertDouble(row.get("Månedsverdi"), point.path("value"), when + " value");
                    assertDouble(row.get("Gjennomsnitt"), phase.path("mean"), when + " mean");
                    assertDouble(row.get("Øvre prosessgrense"), phase.path("upl"), when + " upper limit");
                    assertDouble(row.get("Nedre prosessgrense"), phase.path("lpl"), when + " lower limit");
                    assertDouble(row.get("Mål per måned"), api.path("target"), when + " target");
                    String variation = point.path("variation").asText();
                    assertDouble(row.get("Spesiell variasjon – forbedring"), variation.equals("improvement") ? point.path("value") : null,
                            when + " improvement");
                    assertDouble(row.get("Spesiell variasjon – bekymring"), variation.equals("concern") ? point.path("value") : null,
                            when + " concern");
                    flagged += variation.equals("common") ? 0 : 1;
                    withLimits += phase.path("upl").isNumber() ? 1 : 0;
                }

                Map<String, Object> row = summary.get(d.shortName());
                if (api.path("points").isEmpty()) { // no value in the 24 months (no short-term unit in the scope): no chart
                    assertThat(row.get("Variasjon")).as(at + " variation").isEqualTo("Ingen data");
                    assertThat(row.get("Måloppnåelse")).as(at + " assurance").isEqualTo("Ingen data");
                    compared++;
                    continue;
                }
                JsonNode phase = api.path("phases").get(api.path("phases").size() - 1);
                assertThat(row.get("Variasjon")).as(at + " variation").isEqualTo(api.path("variation").isNull() ? "Ikke vurdert"
                        : SpcChart.Variation.valueOf(api.path("variation").asText().toUpperCase(Locale.ROOT)).words());
                assertThat(row.get("Måloppnåelse")).as(at + " assurance").isEqualTo(!api.path("assurance").isNull()
                        ? SpcChart.Assurance.valueOf(api.path("assurance").asText().toUpperCase(Locale.ROOT)).words()
                        : api.path("target").isNull() ? "Ikke vurdert (ingen målsetning)" : "Ikke vurdert");
                assertShown(row.get("Gjennomsnitt"), phase.path("mean"), d, at + " mean");
                assertShown(row.get("Nedre prosessgrense"), phase.path("lpl"), d, at + " lower limit");
                assertShown(row.get("Øvre prosessgrense"), phase.path("upl"), d, at + " upper limit");
                assertShown(row.get("Mål per måned"), api.path("target"), d, at + " target");
                compared++;
            }

            Map<String, Variable> earlier = new LinkedHashMap<>(summaryVariables);
            earlier.put("maaned", option(maloppnaelse, "maaned", summaryOptions, fixture.last.minusMonths(5).toString()));
            assertThat(run(summaryPanel.path("targets").get(0).path("rawSql").asText(), context(maloppnaelse, earlier),
                    "måloppnåelse SPC earlier " + scope).maps()).as("no verdict of the latest month in an earlier one")
                    .allSatisfy(r -> assertThat(r.get("Variasjon")).isEqualTo("Ingen data"));
        }
        assertThat(compared).isEqualTo(scopes.size() * display.size());
        assertThat(withLimits).as("months of phases with limits compared").isPositive();
        assertThat(flagged).as("flagged months compared").isPositive();

        // the words the service stores are coloured as "Making Data Count" colours them
        JsonNode mappings = null;
        for (JsonNode override : summaryPanel.path("fieldConfig").path("overrides")) {
            if ("Variasjon".matches(override.path("matcher").path("options").asText())) {
                for (JsonNode property : override.path("properties")) {
                    if (property.path("id").asText().equals("mappings")) {
                        mappings = property.path("value");
                    }
                }
            }
        }
        assertThat(mappings).as("value mappings of the Variasjon column").isNotNull();
        Map<String, String> colours = new HashMap<>();
        for (JsonNode mapping : mappings) {
            mapping.path("options").properties().forEach(e -> colours.put(e.getKey(), e.getValue().path("color").asText()));
        }
        assertThat(colours).as("every variation and assurance in its MDC colour").containsAllEntriesOf(MDC_COLOURS);
        assertThat(MDC_COLOURS).as("every word the service can store").hasSize(
                SpcChart.Variation.values().length + SpcChart.Assurance.values().length);
    }

    /**
     * «UKP – måloppnåelse» shows each indicator's forecast of the year from the forecasts the service stores
     * (indicator_forecast): the figures of {@code /api/v1/analysis/forecast} without {@code year}, rounded as the
     * indicator is shown, or no figures and the API's reason where the history is too short.
     */
    @Test
    void shouldShowTheApisForecastOnMaloppnaelse() {
        Dashboard maloppnaelse = GrafanaFiles.dashboard("ukp-maloppnaelse");
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Variable> defaults = resolveVariables(maloppnaelse, options);
        JsonNode panel = panelWithColumn(maloppnaelse, "Sannsynlighet for å nå målet (%)");
        String region = dsl.fetchOne("SELECT region_id FROM municipality WHERE number = ?", fixture.lateMunicipality).get(0, String.class);
        int compared = 0;
        for (String scope : List.of("total", "region:" + region, "municipality:" + fixture.municipalities.get(0),
                "municipality:" + fixture.lateMunicipality, "municipality:" + fixture.gapMunicipality)) {
            Map<String, Variable> variables = new LinkedHashMap<>(defaults);
            variables.put("omraade", option(maloppnaelse, "omraade", options, scope));
            Map<String, Map<String, Object>> rows = new HashMap<>();
            run(panel.path("targets").get(0).path("rawSql").asText(), context(maloppnaelse, variables), "måloppnåelse forecast " + scope)
                    .maps().forEach(row -> rows.put((String) row.get("Indikator"), row));
            assertThat(rows.keySet()).as("a row per indicator").containsExactlyInAnyOrderElementsOf(
                    display.values().stream().map(Display::shortName).toList());
            for (Display d : display.values()) {
                String at = d.id() + " " + scope;
                JsonNode api = api("/api/v1/analysis/forecast?indicator=" + d.id() + "&scope=" + scope);
                Map<String, Object> row = rows.get(d.shortName());
                assertThat(((Number) row.get("År")).intValue()).as(at + " year").isEqualTo(api.path("year").asInt());
                assertShown(row.get("Prognose"), api.path("forecast"), d, at + " forecast");
                assertShown(row.get("80 % intervall fra"), api.path("lower80"), d, at + " lower80");
                assertShown(row.get("80 % intervall til"), api.path("upper80"), d, at + " upper80");
                assertShown(row.get("Mål"), api.path("target"), d, at + " target");
                JsonNode probability = api.path("probabilityTargetMet");
                assertThat(row.get("Sannsynlighet for å nå målet (%)") == null ? null
                        : new BigDecimal(row.get("Sannsynlighet for å nå målet (%)").toString())).as(at + " probability")
                        .isEqualTo(probability.isNull() ? null : probability.decimalValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP));
                assertThat(row.get("Metode")).as(at + " method").isEqualTo(api.path("method").isNull() ? null : api.path("method").asText());
                assertThat(row.get("Merknad")).as(at + " reason").isEqualTo(api.path("reason").isNull() ? null : api.path("reason").asText());
                JsonNode mase = api.path("backtest").path("mase");
                assertThat(row.get("MASE (backtest)") == null ? null : new BigDecimal(row.get("MASE (backtest)").toString()))
                        .as(at + " MASE").isEqualTo(mase.isNumber() ? mase.decimalValue().setScale(2, RoundingMode.HALF_UP) : null);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(5 * display.size());
    }

    /** A double as the API and the database both hold it: the same double, or both absent. */
    private static void assertDouble(Object shown, JsonNode api, String what) {
        if (api == null || api.isMissingNode() || api.isNull()) {
            assertThat(shown).as(what + ": the API has no value").isNull();
            return;
        }
        assertThat(shown).as(what + ": the API has " + api).isNotNull();
        assertThat(((Number) shown).doubleValue()).as(what).isEqualTo(api.doubleValue());
    }

    // ---- the catalogue drives the repeated panels -------------------------------------------------

    @Test
    void shouldShowEachIndicatorOfTheCatalogueInItsUnit() {
        Map<String, String> unitOf = new HashMap<>();
        Map<String, Integer> decimalsOf = new HashMap<>();
        dsl.fetch("SELECT id, unit, decimals FROM indicator").forEach(r -> {
            unitOf.put(r.get(0, String.class), r.get(1, String.class));
            decimalsOf.put(r.get(0, String.class), r.get(2, Integer.class));
        });
        assertThat(display.keySet()).as("ukp_reader reads grafana_indicator: every indicator of the catalogue")
                .containsExactlyInAnyOrderElementsOf(unitOf.keySet());
        int checked = 0;
        for (Dashboard dashboard : GrafanaFiles.dashboards()) {
            Map<String, List<Option>> options = new LinkedHashMap<>();
            Map<String, Variable> defaults = resolveVariables(dashboard, options);
            for (JsonNode panel : repeatedPanels(dashboard)) {
                Map<String, Map<String, Variable>> copies = repeatsById(panel, defaults);
                assertThat(copies.keySet()).as("«%s» opens with a panel for every indicator", dashboard.title())
                        .containsExactlyInAnyOrderElementsOf(unitOf.keySet());
                copies.forEach((id, variables) -> {
                    Map<String, Object> config = displayConfig(reader, dashboard, panel, variables, id);
                    // the views hold shares and changes as fractions (0.9 = 90 %)
                    if (unitOf.get(id).equals("share") || unitOf.get(id).equals("change")) {
                        assertThat(config.get("unit")).as("%s (%s) in percent", id, unitOf.get(id)).isEqualTo("percentunit");
                    }
                    // the catalogue's decimals are those of the value as people see it, as Grafana's (of the percent with percentunit)
                    assertThat(((Number) config.get("decimals")).intValue()).as("%s: the catalogue's decimals", id)
                            .isEqualTo(decimalsOf.get(id));
                });
                checked++;
            }
        }
        assertThat(checked).as("måloppnåelse's stat, utvikling's trend and SPC").isEqualTo(3);
    }

    /**
     * A row added to the catalogue (here in a transaction that is rolled back, read as ukp_reader) gets its own copy
     * of each repeated panel, whose queries run, without an edit of the dashboards; and every unit the catalogue
     * allows has a display unit.
     */
    @Test
    void shouldRepeatThePanelsForAnIndicatorAddedToTheCatalogue() throws SQLException {
        try (Connection owner = dataSource.getConnection()) {
            owner.setAutoCommit(false);
            try {
                List<String> units = allowedUnits(owner);
                assertThat(units).contains("days", "share", "change");
                int order = 1000;
                for (String unit : units) {
                    // the catalogue's columns; the others (decimals, windows, status_window, target_period, note) have defaults
                    execute(owner, "INSERT INTO indicator (id, sort_order, name, short_name, direction, unit, description) VALUES ('grafana_test_"
                            + unit + "', " + order++ + ", 'Testindikator (" + unit + ")', 'Test " + unit + "', 'at_most', '" + unit
                            + "', 'Bare for testen.')");
                }
                execute(owner, "SET LOCAL ROLE ukp_reader");
                int catalogue = ((Number) single(owner, "SELECT count(*) FROM indicator")).intValue();
                Map<String, Display> shown = readDisplay(owner);
                int added = 0;
                int tables = 0;
                for (Dashboard dashboard : GrafanaFiles.dashboards()) {
                    Map<String, List<Option>> options = new LinkedHashMap<>();
                    Map<String, Variable> defaults = resolveVariables(owner, dashboard, options);
                    // the panels that make a column or series of each indicator from rows of grafana_indicator
                    for (JsonNode panel : dashboard.panels()) {
                        String sql = panel.path("targets").path(0).path("rawSql").asText();
                        if (panel.has("repeat") || !sql.contains("grafana_indicator") || sql.contains("FROM measure")) {
                            continue; // the plan names each measure's indicators in one cell, no column per indicator
                        }
                        String where = dashboard.title() + " / " + panel.path("title").asText() + " with the added indicators";
                        GrafanaFiles.Query query = dashboard.queries().stream().filter(q -> q.panel() == panel).findFirst().orElseThrow();
                        Result result = transformed(panel, run(owner, sql, context(dashboard, defaults), where), where);
                        List<String> fields = fieldNames(query, result);
                        for (String unit : units) {
                            Display d = shown.get("grafana_test_" + unit);
                            // a column or series of its own, or (a table with a row per indicator) a row of its own
                            boolean ownRow = result.columns().contains("Indikator")
                                    && result.maps().stream().anyMatch(r -> d.shortName().equals(r.get("Indikator")));
                            assertThat(ownRow || fields.stream().anyMatch(f -> f.equals(d.heading()) || f.equals(d.shortName())))
                                    .as("%s: a column, series or row of its own for %s", where, d.id()).isTrue();
                        }
                        tables++;
                    }
                    List<JsonNode> panels = repeatedPanels(dashboard);
                    if (panels.isEmpty()) {
                        continue;
                    }
                    assertThat(options.get(INDICATOR)).extracting(Option::value).as("the new rows come last, by sort_order")
                            .hasSize(catalogue).endsWith(units.stream().map(u -> "grafana_test_" + u).toArray(String[]::new));
                    for (JsonNode panel : panels) {
                        Map<String, Map<String, Variable>> copies = repeatsById(panel, defaults);
                        assertThat(copies).as("«%s»: one copy per catalogue row", panel.path("title").asText()).hasSize(catalogue);
                        for (String unit : units) {
                            String id = "grafana_test_" + unit;
                            for (JsonNode target : panel.path("targets")) {
                                run(owner, target.path("rawSql").asText(), context(dashboard, copies.get(id)),
                                        dashboard.title() + " / " + id + " / " + target.path("refId").asText());
                            }
                            assertThat(displayConfig(owner, dashboard, panel, copies.get(id), id).get("unit"))
                                    .as("display unit of catalogue unit %s", unit).isNotNull().isNotEqualTo("none");
                            added++;
                        }
                    }
                }
                assertThat(added).isEqualTo(3 * units.size());
                assertThat(tables).as("kommuner's two tables, måloppnåelse's windows, SPC and forecast, utvikling's status timeline").isEqualTo(6);
            } finally {
                owner.rollback();
            }
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("indicator").where("id LIKE 'grafana_test_%'"))).as("rolled back").isZero();
    }

    /** The units the catalogue's check constraint allows ({@code unit IN ('days', ...)}). */
    private static List<String> allowedUnits(Connection connection) throws SQLException {
        String definition = (String) single(connection, "SELECT string_agg(pg_get_constraintdef(c.oid), ' ') FROM pg_constraint c "
                + "WHERE c.conrelid = 'indicator'::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%unit%'");
        assertThat(definition).as("the check constraint on indicator.unit").isNotNull();
        List<String> units = new ArrayList<>();
        Matcher m = Pattern.compile("'([a-z_0-9]+)'").matcher(definition);
        while (m.find()) {
            units.add(m.group(1));
        }
        return units;
    }

    /**
     * What the panel's configFromData transformation takes as the field config for this copy: the config query's row, by
     * the config each of its fields is mapped to ({@code unit}, {@code decimals}).
     */
    private Map<String, Object> displayConfig(Connection connection, Dashboard dashboard, JsonNode panel, Map<String, Variable> variables,
                                              String id) {
        JsonNode config = null;
        for (JsonNode t : panel.path("transformations")) {
            if (t.path("id").asText().equals("configFromData")) {
                config = t.path("options");
            }
        }
        assertThat(config).as("«%s»: configFromData", panel.path("title").asText()).isNotNull();
        String refId = config.path("configRefId").asText();
        Map<String, String> fieldByConfig = new HashMap<>();
        for (JsonNode mapping : config.path("mappings")) {
            fieldByConfig.put(mapping.path("handlerKey").asText(), mapping.path("fieldName").asText());
        }
        assertThat(fieldByConfig).as("«%s»: unit and decimals from the config query", panel.path("title").asText())
                .containsKeys("unit", "decimals");
        JsonNode target = null;
        for (JsonNode t : panel.path("targets")) {
            if (t.path("refId").asText().equals(refId)) {
                target = t;
            }
        }
        assertThat(target).as("«%s»: the config query %s", panel.path("title").asText(), refId).isNotNull();
        Result result = run(connection, target.path("rawSql").asText(), context(dashboard, variables), dashboard.title() + " unit of " + id);
        assertThat(result.rows()).as("unit of %s: one row", id).hasSize(1);
        Map<String, Object> row = result.maps().get(0);
        Map<String, Object> byConfig = new HashMap<>();
        fieldByConfig.forEach((key, field) -> {
            assertThat(row).as("«%s»: the config query's field %s", panel.path("title").asText(), field).containsKey(field);
            byConfig.put(key, row.get(field));
        });
        return byConfig;
    }

    private static List<JsonNode> repeatedPanels(Dashboard dashboard) {
        return dashboard.panels().stream().filter(p -> p.has("repeat")).toList();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    // ---- alert rules -----------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheAlertRuleQueriesAsReaderAndAgreeWithTheApi() {
        Map<String, List<Map<String, Object>>> rowsByRule = new LinkedHashMap<>();
        for (var file : GrafanaFiles.yamlFiles(GrafanaFiles.ALERTING).entrySet()) {
            for (Map<String, Object> group : (List<Map<String, Object>>) file.getValue().get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    for (Map<String, Object> data : (List<Map<String, Object>>) rule.get("data")) {
                        if (!GrafanaFiles.POSTGRES_UID.equals(data.get("datasourceUid"))) {
                            continue;
                        }
                        Map<String, Object> model = (Map<String, Object>) data.get("model");
                        Map<String, Object> relative = (Map<String, Object>) data.get("relativeTimeRange");
                        GrafanaSql.TimeRange range = new GrafanaSql.TimeRange(
                                now.minusSeconds(((Number) relative.get("from")).longValue()),
                                now.minusSeconds(((Number) relative.get("to")).longValue()));
                        GrafanaSql.Context context = new GrafanaSql.Context(Map.of(), range, Duration.ofMinutes(1), timescaledb);
                        Result result = run((String) model.get("rawSql"), context, file.getKey() + ", rule " + rule.get("uid"));
                        assertThat(result.numeric().stream().filter(n -> n).count())
                                .as("rule %s: one numeric column, the others become labels", rule.get("uid")).isEqualTo(1);
                        rowsByRule.put((String) rule.get("uid"), result.maps());
                    }
                }
            }
        }
        assertThat(rowsByRule).containsOnlyKeys("ukp-indikator-rod-total", "ukp-manglende-maanedstall");

        JsonNode api = api("/api/v1/kpis");
        Map<String, Integer> red = new HashMap<>();
        rowsByRule.get("ukp-indikator-rod-total").forEach(r -> red.put((String) r.get("indikator"), ((Number) r.get("rod")).intValue()));
        assertThat(red).as("one series per indicator of the catalogue").hasSize(dsl.fetchCount(dsl.selectFrom("indicator")));
        for (JsonNode indicator : api.path("indicators")) {
            assertThat(red.get(indicator.path("id").asText())).as("alert for %s", indicator.path("id").asText())
                    .isEqualTo(indicator.path("status").asText().equals("red") ? 1 : 0);
        }

        // the fixture lacks the last two months of one municipality and one month of another; months
        // whose deadline (the 15th of the following month) has passed fire, from the measurement start
        YearMonth start = YearMonth.parse(dsl.fetchOne("SELECT value FROM indicator_setting WHERE key = 'measurement_start_month'").get(0, String.class));
        java.time.LocalDate today = java.time.LocalDate.now(GrafanaFixture.OSLO);
        Set<String> expected = new TreeSet<>();
        for (YearMonth m = start; m.isBefore(YearMonth.now(GrafanaFixture.OSLO)); m = m.plusMonths(1)) {
            boolean overdue = today.isAfter(m.plusMonths(1).atDay(15));
            boolean missing = m.isBefore(fixture.first) || m.isAfter(fixture.last.minusMonths(2)) || m.equals(fixture.gapMonth);
            if (overdue && missing) {
                expected.add(m.toString());
            }
        }
        assertThat(rowsByRule.get("ukp-manglende-maanedstall")).extracting(r -> (String) r.get("maaned"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    // ---- Prometheus panels -------------------------------------------------------------------------

    @Test
    void shouldUseOnlyMetricsTheServiceExposesInThePrometheusPanels() {
        System.gc(); // jvm_gc_pause_seconds appears with the first collection; make sure there was one
        String exposition = TestUsers.as(rest, "viewer").getForObject("/actuator/prometheus", String.class);
        Map<String, List<Map<String, String>>> series = PromQl.parseExposition(exposition);
        int checked = 0;
        for (Dashboard dashboard : GrafanaFiles.dashboards()) {
            for (Query query : dashboard.queries()) {
                if (query.isSql()) {
                    continue;
                }
                assertThat(query.datasourceUid()).as(query.where()).isEqualTo(GrafanaFiles.PROMETHEUS_UID);
                for (PromQl.Selector selector : PromQl.selectors(query.expr())) {
                    String where = query.where() + ": " + selector;
                    checked++;
                    if (selector.metric().equals("up")) {
                        continue; // written by Prometheus itself for every scrape target
                    }
                    assertThat(series).as("%s: the service exposes %s", where, selector.metric()).containsKey(selector.metric());
                    for (PromQl.Matcher matcher : selector.matchers()) {
                        if (matcher.label().equals("job") || matcher.label().equals("instance")) {
                            continue; // added by Prometheus from the scrape configuration
                        }
                        assertThat(series.get(selector.metric())).as("%s: label %s", where, matcher.label())
                                .anyMatch(labels -> labels.containsKey(matcher.label()));
                        if (matcher.op().equals("=")) {
                            assertThat(series.get(selector.metric())).as("%s: some series has %s", where, matcher)
                                    .anyMatch(labels -> matcher.value().equals(labels.get(matcher.label())));
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    // ---- variables ------------------------------------------------------------------------------

    /** Evaluates the dashboard's variables in order, as Grafana does on load; returns the default selection. */
    private Map<String, Variable> resolveVariables(Dashboard dashboard, Map<String, List<Option>> optionsByName) {
        return resolveVariables(reader, dashboard, optionsByName);
    }

    private Map<String, Variable> resolveVariables(Connection connection, Dashboard dashboard, Map<String, List<Option>> optionsByName) {
        return GrafanaVariables.resolve(dashboard, optionsByName, variables -> context(dashboard, variables), (sql, context, where) -> {
            Result result = run(connection, sql, context, where);
            return new GrafanaVariables.Answer(result.columns(), result.rows());
        });
    }

    /** The other selections tried: each option (or a spread of them), and for a multi-value variable two at once and All. */
    private static List<Variable> alternatives(JsonNode v, List<Option> options) {
        String name = v.path("name").asText();
        boolean multi = v.path("multi").asBoolean(false);
        boolean includeAll = v.path("includeAll").asBoolean(false);
        String allValue = GrafanaVariables.allValue(v);
        List<Option> tried = new ArrayList<>();
        if (options.size() <= MAX_OPTIONS) {
            tried.addAll(options);
        } else {
            for (int i = 0; i < SAMPLED_OPTIONS; i++) {
                tried.add(options.get(i * (options.size() - 1) / (SAMPLED_OPTIONS - 1)));
            }
        }
        List<Variable> result = new ArrayList<>();
        for (Option o : tried) {
            result.add(new Variable(name, List.of(o.value()), List.of(o.text()), multi, includeAll, false, allValue));
        }
        if (multi && options.size() >= 2) {
            result.add(new Variable(name, List.of(options.get(0).value(), options.get(1).value()),
                    List.of(options.get(0).text(), options.get(1).text()), true, includeAll, false, allValue));
        }
        if (includeAll) {
            result.add(GrafanaVariables.all(name, options, multi, allValue));
        }
        return result;
    }

    private static Variable option(Dashboard dashboard, String name, Map<String, List<Option>> options, String value) {
        JsonNode v = dashboard.variables().stream().filter(x -> x.path("name").asText().equals(name)).findFirst().orElseThrow();
        Option o = options.get(name).stream().filter(x -> x.value().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("variable $" + name + " has no option " + value));
        return new Variable(name, List.of(o.value()), List.of(o.text()), v.path("multi").asBoolean(false),
                v.path("includeAll").asBoolean(false), false, null);
    }

    private static String describe(Map<String, Variable> variables) {
        if (variables.isEmpty()) {
            return "no variables";
        }
        StringBuilder s = new StringBuilder();
        variables.forEach((name, v) -> s.append('$').append(name).append('=').append(v.all() ? "All" : v.values()).append(' '));
        return s.toString().trim();
    }

    // ---- running -----------------------------------------------------------------------------------

    private GrafanaSql.Context context(Dashboard dashboard, Map<String, Variable> variables) {
        return dashboard.context(variables, now, timescaledb);
    }

    /** The database's answer: column names, whether each is numeric, and the rows. */
    record Result(List<String> columns, List<Boolean> numeric, List<List<Object>> rows) {

        List<Map<String, Object>> maps() {
            List<Map<String, Object>> result = new ArrayList<>();
            for (List<Object> row : rows) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    map.put(columns.get(i), row.get(i));
                }
                result.add(map);
            }
            return result;
        }

        /** A time series of {@code time, metric, value} as Grafana shows it: one row per time, one column per metric. */
        Result wide() {
            assertThat(columns).containsExactly("time", "metric", "value");
            Map<Object, Map<String, Object>> byTime = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(List.of("time"));
            for (List<Object> row : rows) {
                String metric = (String) row.get(1);
                if (!names.contains(metric)) {
                    names.add(metric);
                }
                byTime.computeIfAbsent(row.get(0), t -> new LinkedHashMap<>()).put(metric, row.get(2));
            }
            List<List<Object>> wide = new ArrayList<>();
            byTime.forEach((time, values) -> {
                List<Object> row = new ArrayList<>(List.of(time));
                names.subList(1, names.size()).forEach(n -> row.add(values.get(n)));
                wide.add(row);
            });
            List<Boolean> numeric = new ArrayList<>(List.of(false));
            names.subList(1, names.size()).forEach(n -> numeric.add(true));
            return new Result(names, numeric, wide);
        }

        /** What a stat panel with the "last" reducer shows: the last row. */
        Map<String, Object> last() {
            assertThat(rows).as("rows").isNotEmpty();
            return maps().get(rows.size() - 1);
        }
    }

    private Result run(String rawSql, GrafanaSql.Context context, String where) {
        return run(reader, rawSql, context, where);
    }

    private Result run(Connection connection, String rawSql, GrafanaSql.Context context, String where) {
        String sql;
        try {
            sql = GrafanaSql.expand(rawSql, context);
        } catch (IllegalArgumentException e) {
            return fail(where + ": Grafana could not expand the query: " + e.getMessage() + "\n" + rawSql);
        }
        if (sql.contains("time_bucket(")) {
            timeBucketRuns++;
        }
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false); // Grafana sends the text as it is
            try (ResultSet rs = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Boolean> numeric = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    numeric.add(isNumeric(meta.getColumnType(i)));
                }
                GrafanaVariables.Answer answer = GrafanaVariables.Answer.read(rs);
                return new Result(answer.columns(), numeric, answer.rows());
            }
        } catch (SQLException e) {
            return fail(where + ": SQL error as ukp_reader: " + e.getMessage() + "\n--- SQL as Grafana sends it:\n" + sql);
        }
    }

    private static boolean isNumeric(int type) {
        return switch (type) {
            case Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DOUBLE, Types.REAL, Types.FLOAT -> true;
            default -> false;
        };
    }

    private static Object single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static double epoch(Object time) {
        if (time instanceof Timestamp t) {
            return t.getTime() / 1000.0;
        }
        if (time instanceof java.time.OffsetDateTime t) {
            return t.toEpochSecond();
        }
        if (time instanceof Number n) {
            return n.doubleValue();
        }
        throw new AssertionError("time column of type " + (time == null ? "null" : time.getClass()));
    }

    /** The month of a {@code CAST(month AS timestamptz)} value (the session runs in the JVM's time zone). */
    private static YearMonth epochMonth(Object time) {
        return YearMonth.from(((Timestamp) time).toLocalDateTime());
    }

    private static void assertSame(Object shown, JsonNode api, String what) {
        if (api.isMissingNode() || api.isNull()) {
            assertThat(shown).as(what + ": the API has no value").isNull();
            return;
        }
        assertThat(shown).as(what + ": the API has " + api).isNotNull();
        assertThat(new BigDecimal(shown.toString())).as(what).isEqualByComparingTo(api.decimalValue());
    }

    /** A value of a table built by «Grouping to matrix»: the API's value as people read it (grafana_indicator). */
    private static void assertShown(Object shown, JsonNode api, Display display, String what) {
        if (api.isMissingNode() || api.isNull()) {
            assertThat(shown).as(what + ": the API has no value").isNull();
            return;
        }
        assertThat(shown).as(what + ": the API has " + api).isNotNull();
        assertThat(new BigDecimal(shown.toString())).as(what + ": the API has " + api).isEqualByComparingTo(display.shown(api.decimalValue()));
    }

    private static List<String> ids(JsonNode kpis) {
        List<String> ids = new ArrayList<>();
        kpis.path("indicators").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** The one panel of this type that is repeated by the catalogue variable. */
    private static JsonNode repeatedPanel(Dashboard dashboard, String type) {
        List<JsonNode> panels = dashboard.panels().stream()
                .filter(p -> p.path("type").asText().equals(type) && p.path("repeat").asText().equals(INDICATOR)).toList();
        assertThat(panels).as("«%s»: one %s panel repeated by $%s", dashboard.title(), type, INDICATOR).hasSize(1);
        return panels.get(0);
    }

    /** The selection of each copy of a repeated panel, by the indicator it shows. */
    private static Map<String, Map<String, Variable>> repeatsById(JsonNode panel, Map<String, Variable> variables) {
        Map<String, Map<String, Variable>> copies = new LinkedHashMap<>();
        for (Map<String, Variable> copy : GrafanaVariables.repeats(panel, variables)) {
            copies.put(copy.get(INDICATOR).values().get(0), copy);
        }
        return copies;
    }

    /** The panel repeated per indicator whose query names the series {@code name}. */
    private static JsonNode panelWithSeries(Dashboard dashboard, String name) {
        List<JsonNode> panels = dashboard.panels().stream().filter(p -> p.path("repeat").asText().equals(INDICATOR)
                && p.path("targets").path(0).path("rawSql").asText().contains("'" + name + "'")).toList();
        assertThat(panels).as("«%s»: one panel repeated by $%s with the series %s", dashboard.title(), INDICATOR, name).hasSize(1);
        return panels.get(0);
    }

    private static JsonNode panelWithColumn(Dashboard dashboard, String column) {
        return dashboard.panels().stream()
                .filter(p -> p.path("targets").path(0).path("rawSql").asText().contains("AS \"" + column + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("«" + dashboard.title() + "» has no panel with the column " + column));
    }
}
