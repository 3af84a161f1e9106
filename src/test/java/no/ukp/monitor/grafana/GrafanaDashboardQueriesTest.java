package no.ukp.monitor.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The variable over the indicator catalogue that the per-indicator panels repeat by. */
    static final String INDICATOR = "indikator";
    private static final Logger log = LoggerFactory.getLogger(GrafanaDashboardQueriesTest.class);
    private static final Pattern INDICATOR_VIEWS = Pattern.compile("\\b(indicator_value|indicator_status|indicator_coverage)\\b");
    /** Options of a variable tried one by one when there are more: evenly spread, first and last included. */
    private static final int MAX_OPTIONS = 30;
    private static final int SAMPLED_OPTIONS = 8;
    /** Reads the API's decimals exactly (Jackson's default reads them as doubles). */
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The short column names of the indicator tables, as the dashboards name them. */
    static final Map<String, String> SHORT_NAMES = new LinkedHashMap<>();

    static {
        SHORT_NAMES.put("ukp_days", "UKP-døgn");
        SHORT_NAMES.put("zero_day_share", "Andel 0 døgn");
        SHORT_NAMES.put("avg_ukp_days", "Snitt UKP-døgn");
        SHORT_NAMES.put("direct_home_share", "Andel rett hjem");
        SHORT_NAMES.put("readmission_30d_share", "Andel reinnlagt");
        SHORT_NAMES.put("short_term_los_change", "Endring korttid");
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    DataSource dataSource;

    private GrafanaFixture fixture;
    private Connection reader;
    private boolean timescaledb;
    private Instant now;
    /** How many statements ran with TimescaleDB's time_bucket(), the expansion of $__timeGroup with timescaledb: true. */
    private int timeBucketRuns;

    @BeforeAll
    void load() throws SQLException {
        TestDatabase.clean(dsl);
        fixture = new GrafanaFixture(rest, dsl);
        fixture.load();
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
                if (INDICATOR_VIEWS.matcher(query.sql()).find()) {
                    assertThat(result.rows()).as("%s reads the indicator views and must show rows", where).isNotEmpty();
                }
                columnsByPanel.computeIfAbsent(query.panel(), p -> new LinkedHashSet<>()).addAll(fieldNames(query, result));
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

    /** Field names the panel's options and overrides refer to must be names the queries return. */
    private static void checkFieldNames(Dashboard dashboard, JsonNode panel, Set<String> columns) {
        String where = "dashboard «" + dashboard.title() + "», panel «" + panel.path("title").asText() + "»";
        Set<String> visible = new LinkedHashSet<>(columns);
        for (JsonNode t : panel.path("transformations")) {
            if (t.path("id").asText().equals("organize")) {
                t.path("options").path("excludeByName").fieldNames().forEachRemaining(name -> {
                    assertThat(columns).as("%s hides a field that exists", where).contains(name);
                    visible.remove(name);
                });
            }
        }
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

                Result windows = run(panelWithColumn(dashboard, "Vindu").path("targets").get(0).path("rawSql").asText(), context,
                        "måloppnåelse all windows " + at);
                Map<String, Map<String, Object>> byWindow = new HashMap<>();
                windows.maps().forEach(row -> byWindow.put((String) row.get("Vindu"), row));
                Map<String, String> windowLabels = Map.of("month", "Valgt måned", "ytd", "Hittil i år", "rolling12", "Siste 12 måneder",
                        "projectedYear", "Prognose for hele året");
                for (JsonNode indicator : api.path("indicators")) {
                    String column = SHORT_NAMES.get(indicator.path("id").asText());
                    windowLabels.forEach((window, label) -> {
                        JsonNode expected = indicator.path("values").path(window); // missing: no such window (null in the table)
                        assertSame(byWindow.get(label).get(column), expected, column + " " + window + " " + at);
                    });
                    assertSame(byWindow.get("Mål (statusvindu)").get(column), indicator.path("target"), column + " target " + at);
                    if (indicator.path("id").asText().equals("avg_ukp_days")) {
                        for (String window : List.of("month", "ytd", "rolling12")) {
                            assertSame(byWindow.get(windowLabels.get(window)).get("Snitt alle UKP-opphold"),
                                    indicator.path("valuesAllStays").path(window), "all stays " + window + " " + at);
                        }
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

        Result municipalities = run(panelWithColumn(kommuner, "Nr").path("targets").get(0).path("rawSql").asText(), context, "kommuner");
        assertThat(municipalities.rows()).hasSize(fixture.municipalities.size());
        for (Map<String, Object> row : municipalities.maps()) {
            compareWideRow(row, "municipality:" + row.get("Nr"), month);
        }
        Result regions = run(panelWithColumn(kommuner, "Område").path("targets").get(0).path("rawSql").asText(), context, "regioner");
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
            JsonNode panel = repeatedPanel(utvikling, "timeseries");
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
        }
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

    private void compareWideRow(Map<String, Object> row, String scope, String month) {
        JsonNode api = api("/api/v1/kpis?month=" + month + "&scope=" + scope);
        for (JsonNode indicator : api.path("indicators")) {
            String column = SHORT_NAMES.get(indicator.path("id").asText());
            assertSame(row.get(column), indicator.path("values").path(indicator.path("statusWindow").asText()), column + " " + scope);
            assertThat(row.get("Status " + column)).as(column + " status " + scope).isEqualTo(indicator.path("status").asText());
        }
        assertThat(((Number) row.get("Rapportert")).intValue()).as("reported " + scope).isEqualTo(api.path("coverage").path("reported").asInt());
        assertThat(((Number) row.get("Forventet")).intValue()).as("expected " + scope).isEqualTo(api.path("coverage").path("expected").asInt());
    }

    // ---- the catalogue drives the repeated panels -------------------------------------------------

    @Test
    void shouldShowEachIndicatorOfTheCatalogueInItsUnit() {
        Map<String, String> unitOf = new HashMap<>();
        dsl.fetch("SELECT id, unit FROM indicator").forEach(r -> unitOf.put(r.get(0, String.class), r.get(1, String.class)));
        int checked = 0;
        for (Dashboard dashboard : GrafanaFiles.dashboards()) {
            Map<String, List<Option>> options = new LinkedHashMap<>();
            Map<String, Variable> defaults = resolveVariables(dashboard, options);
            for (JsonNode panel : repeatedPanels(dashboard)) {
                Map<String, Map<String, Variable>> copies = repeatsById(panel, defaults);
                assertThat(copies.keySet()).as("«%s» opens with a panel for every indicator", dashboard.title())
                        .containsExactlyInAnyOrderElementsOf(unitOf.keySet());
                copies.forEach((id, variables) -> {
                    String unit = displayUnit(reader, dashboard, panel, variables, id);
                    // the views hold shares and changes as fractions (0.9 = 90 %)
                    if (unitOf.get(id).equals("share") || unitOf.get(id).equals("change")) {
                        assertThat(unit).as("%s (%s) in percent", id, unitOf.get(id)).isEqualTo("percentunit");
                    }
                });
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
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
                    execute(owner, "INSERT INTO indicator (id, name, direction, unit, sort_order) VALUES ('grafana_test_" + unit
                            + "', 'Testindikator (" + unit + ")', 'at_most', '" + unit + "', " + order++ + ")");
                }
                execute(owner, "SET LOCAL ROLE ukp_reader");
                int catalogue = ((Number) single(owner, "SELECT count(*) FROM indicator")).intValue();
                int added = 0;
                for (Dashboard dashboard : GrafanaFiles.dashboards()) {
                    List<JsonNode> panels = repeatedPanels(dashboard);
                    if (panels.isEmpty()) {
                        continue;
                    }
                    Map<String, List<Option>> options = new LinkedHashMap<>();
                    Map<String, Variable> defaults = resolveVariables(owner, dashboard, options);
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
                            assertThat(displayUnit(owner, dashboard, panel, copies.get(id), id)).as("display unit of catalogue unit %s", unit)
                                    .isNotEqualTo("none");
                            added++;
                        }
                    }
                }
                assertThat(added).isEqualTo(2 * units.size());
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

    /** What the panel's configFromData transformation takes as the unit: the config query's {@code unit} for this copy. */
    private String displayUnit(Connection connection, Dashboard dashboard, JsonNode panel, Map<String, Variable> variables, String id) {
        JsonNode config = null;
        for (JsonNode t : panel.path("transformations")) {
            if (t.path("id").asText().equals("configFromData")) {
                config = t.path("options");
            }
        }
        assertThat(config).as("«%s»: configFromData", panel.path("title").asText()).isNotNull();
        String refId = config.path("configRefId").asText();
        String field = null;
        for (JsonNode mapping : config.path("mappings")) {
            if (mapping.path("handlerKey").asText().equals("unit")) {
                field = mapping.path("fieldName").asText();
            }
        }
        JsonNode target = null;
        for (JsonNode t : panel.path("targets")) {
            if (t.path("refId").asText().equals(refId)) {
                target = t;
            }
        }
        assertThat(target).as("«%s»: the config query %s", panel.path("title").asText(), refId).isNotNull();
        Result result = run(connection, target.path("rawSql").asText(), context(dashboard, variables), dashboard.title() + " unit of " + id);
        assertThat(result.rows()).as("unit of %s: one row", id).hasSize(1);
        return (String) result.maps().get(0).get(field);
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

    private static JsonNode panelWithColumn(Dashboard dashboard, String column) {
        return dashboard.panels().stream()
                .filter(p -> p.path("targets").path(0).path("rawSql").asText().contains("AS \"" + column + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("«" + dashboard.title() + "» has no panel with the column " + column));
    }
}
