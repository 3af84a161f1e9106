package no.ukp.monitor.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.ukp.monitor.grafana.GrafanaFiles.Dashboard;
import no.ukp.monitor.grafana.GrafanaFiles.Query;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana provisioning and dashboards as files: every file parses, uids are fixed and
 * resolve, nothing is left of an export ({@code ${DS_...}}, {@code __inputs}), Grafana reads
 * the data as {@code ukp_reader}, and the dashboards are the six of issue 5 and the action plan's
 * (issue 16), in Norwegian.
 * {@link GrafanaDashboardQueriesTest} runs their queries.
 */
class GrafanaProvisioningTest {

    static final Map<String, String> DASHBOARDS = new LinkedHashMap<>();

    static {
        DASHBOARDS.put("ukp-maloppnaelse", "UKP – måloppnåelse");
        DASHBOARDS.put("ukp-kommuner", "UKP – kommuner");
        DASHBOARDS.put("ukp-utvikling", "UKP – utvikling");
        DASHBOARDS.put("ukp-oyeblikksbilde", "UKP – øyeblikksbilde");
        DASHBOARDS.put("ukp-datakvalitet", "UKP – datakvalitet");
        DASHBOARDS.put("ukp-tjeneste", "UKP – tjeneste");
        DASHBOARDS.put("ukp-tiltak", "UKP – tiltak");
        DASHBOARDS.put("ukp-nasjonalt", "UKP – nasjonalt");
    }

    /** Data source references that are Grafana's own, not provisioned. */
    private static final Set<String> BUILT_IN_UIDS = Set.of("-- Grafana --", "-- Dashboard --", "-- Mixed --", "grafana", "__expr__");
    private static final Pattern UID = Pattern.compile("[a-zA-Z0-9_-]{1,40}");
    /** The variable over the indicator catalogue (table indicator) that per-indicator panels repeat by. */
    static final String REPEAT_VARIABLE = GrafanaDashboardQueriesTest.INDICATOR;
    /** SQL that picks one indicator by a literal id. */
    private static final Pattern ONE_INDICATOR = Pattern.compile("indicator_id\\s*(=|IN \\()\\s*'");
    /** A literal indicator id in SQL that picks indicators by id. */
    private static final Pattern INDICATOR_LITERAL = Pattern.compile("indicator_id\\s*(?:=|IN \\()\\s*'([a-z0-9_]+)'");

    @Test
    @SuppressWarnings("unchecked")
    void shouldProvisionTheTimescaleDbAsReaderAndPrometheusWithFixedUids() {
        Map<String, String> types = datasourceTypes();
        assertThat(types).containsEntry(GrafanaFiles.POSTGRES_UID, GrafanaFiles.POSTGRES_TYPE)
                .containsEntry(GrafanaFiles.PROMETHEUS_UID, "prometheus");

        for (Map<String, Object> file : GrafanaFiles.yamlFiles(GrafanaFiles.DATASOURCES).values()) {
            for (Map<String, Object> ds : (List<Map<String, Object>>) file.get("datasources")) {
                if (!GrafanaFiles.POSTGRES_TYPE.equals(ds.get("type")) && !"postgres".equals(ds.get("type"))) {
                    continue;
                }
                assertThat(ds.get("user")).as("Grafana reads as the read-only role, never as the owner or a superuser")
                        .isEqualTo("ukp_reader");
                Map<String, Object> jsonData = (Map<String, Object>) ds.get("jsonData");
                assertThat(jsonData).containsEntry("timescaledb", true).containsKey("database");
                assertThat(String.valueOf(((Map<String, Object>) ds.get("secureJsonData")).get("password")))
                        .as("password from the compose secret's file").isEqualTo("$__file{/run/secrets/reader_password}");
                assertThat(ds).doesNotContainKey("password").doesNotContainKey("basicAuthPassword");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLoadTheDashboardFilesIntoTheUkpFolderFromTheMountedPath() {
        String compose = GrafanaFiles.read(Path.of("docker-compose.yml"));
        List<Map<String, Object>> providers = new ArrayList<>();
        GrafanaFiles.yamlFiles(GrafanaFiles.DASHBOARD_PROVIDERS).values()
                .forEach(f -> providers.addAll((List<Map<String, Object>>) f.get("providers")));
        assertThat(providers).hasSize(1);
        Map<String, Object> provider = providers.get(0);
        assertThat(provider).containsEntry("type", "file").containsEntry("folder", "UKP");
        String path = (String) ((Map<String, Object>) provider.get("options")).get("path");
        assertThat(compose).as("the provider reads the folder compose mounts grafana/dashboards at")
                .contains("./grafana/dashboards:" + path);
    }

    @Test
    void shouldHaveTheEightNorwegianDashboardsWithFixedUidsAndNoExportPlaceholders() {
        List<Dashboard> dashboards = GrafanaFiles.dashboards();
        Map<String, String> titles = new LinkedHashMap<>();
        dashboards.forEach(d -> titles.put(d.uid(), d.title()));
        assertThat(titles).containsExactlyInAnyOrderEntriesOf(DASHBOARDS);

        for (Dashboard d : dashboards) {
            String text = GrafanaFiles.read(d.file());
            assertThat(text).as("%s: no export placeholders", d).doesNotContain("${DS_").doesNotContain("__inputs")
                    .doesNotContain("__requires").doesNotContain("__elements");
            assertThat(d.uid()).as("%s uid", d).matches(UID);
            assertThat(d.json().path("id").isNull() || d.json().path("id").isMissingNode()).as("%s: no database id", d).isTrue();
            assertThat(d.json().path("schemaVersion").asInt()).as("%s schema", d).isBetween(36, 41);
            assertThat(d.json().path("tags").toString()).contains("\"ukp\"");
            assertThat(d.json().path("description").asText()).as("%s description", d).isNotBlank();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : d.panels()) {
                String where = d.title() + " / " + panel.path("title").asText();
                assertThat(ids.add(panel.path("id").asInt())).as("%s: panel ids are unique", where).isTrue();
                assertThat(panel.path("title").asText()).as("%s: every panel has a title", d).isNotBlank();
                assertThat(panel.has("gridPos")).as(where).isTrue();
                assertThat(panel.has("libraryPanel")).as("%s: no library panels (they are not provisioned)", where).isFalse();
            }
        }
    }

    @Test
    void shouldReferToProvisionedDataSourcesByUidEverywhere() {
        Map<String, String> types = datasourceTypes();
        for (Dashboard d : GrafanaFiles.dashboards()) {
            List<JsonNode> references = new ArrayList<>();
            d.panels().forEach(p -> {
                if (p.has("datasource")) {
                    references.add(p.get("datasource"));
                }
                p.path("targets").forEach(t -> references.add(t.path("datasource")));
            });
            d.variables().stream().filter(v -> v.has("datasource")).forEach(v -> references.add(v.get("datasource")));
            d.annotations().forEach(a -> references.add(a.path("datasource")));
            for (JsonNode ref : references) {
                assertThat(ref.isObject()).as("%s: datasource %s is a {type, uid} reference", d, ref).isTrue();
                String uid = ref.path("uid").asText();
                if (BUILT_IN_UIDS.contains(uid)) {
                    continue;
                }
                assertThat(types).as("%s: datasource uid %s is provisioned", d, uid).containsKey(uid);
                assertThat(ref.path("type").asText()).as("%s: type of %s", d, uid).isEqualTo(types.get(uid));
            }
            for (Query q : d.queries()) {
                if (q.isSql()) {
                    assertThat(q.target().path("rawQuery").asBoolean()).as(q.where()).isTrue();
                    assertThat(q.target().path("editorMode").asText()).as(q.where()).isEqualTo("code");
                    assertThat(q.format()).as(q.where()).isIn("table", "time_series");
                } else {
                    assertThat(q.expr()).as("%s: a Prometheus expression", q.where()).isNotBlank();
                }
            }
        }
    }

    @Test
    void shouldColourTheMaloppnaelseStatPanelsByTheServerComputedStatus() {
        Dashboard d = GrafanaFiles.dashboard("ukp-maloppnaelse");
        List<JsonNode> indicatorPanels = d.panels().stream()
                .filter(p -> p.path("type").asText().equals("stat") && p.path("targets").path(0).path("rawSql").asText().contains("FROM indicator_status"))
                .toList();
        assertThat(indicatorPanels).as("one stat panel, repeated per indicator").hasSize(1);
        Map<String, String> expected = Map.of("green", "Ingen avvik", "yellow", "Mindre avvik, men håndteres",
                "red", "Kritiske avvik, når ikke målsetning", "no_data", "Ingen data", "no_target", "Uten mål");
        for (JsonNode panel : indicatorPanels) {
            String where = panel.path("title").asText();
            JsonNode status = null;
            for (JsonNode o : panel.path("fieldConfig").path("overrides")) {
                if (o.path("matcher").path("options").asText().equals("Status")) {
                    for (JsonNode property : o.path("properties")) {
                        if (property.path("id").asText().equals("mappings")) {
                            status = property.path("value").path(0).path("options");
                        }
                    }
                }
            }
            assertThat(status).as("%s: value mappings on the Status field", where).isNotNull();
            for (var e : expected.entrySet()) {
                assertThat(status.path(e.getKey()).path("text").asText()).as("%s: %s", where, e.getKey()).isEqualTo(e.getValue());
                assertThat(status.path(e.getKey()).path("color").asText()).as("%s: colour of %s", where, e.getKey()).isNotBlank();
            }
            JsonNode steps = panel.path("fieldConfig").path("defaults").path("thresholds").path("steps");
            assertThat(steps.size()).as("%s: no limits copied into the panel; the service decides the colour", where).isLessThanOrEqualTo(1);
            panel.path("fieldConfig").path("overrides").forEach(o -> o.path("properties").forEach(p ->
                    assertThat(p.path("id").asText()).as("%s: no thresholds in overrides", where).isNotEqualTo("thresholds")));
            assertThat(panel.path("options").path("graphMode").asText()).as("%s: trend sparkline", where).isEqualTo("area");
            assertThat(panel.path("options").path("reduceOptions").path("fields").asText()).contains("Verdi").contains("Mål").contains("Status");
        }
        JsonNode help = d.panels().stream().filter(p -> p.path("type").asText().equals("text")).findFirst().orElseThrow();
        assertThat(help.path("options").path("content").asText()).as("the 0-day share depends on the hospital's registration")
                .contains("Andel UKP med opphold 0 døgn").contains("registrerer");
        assertThat(d.variables()).extracting(v -> v.path("name").asText()).containsExactly("maaned", "omraade", REPEAT_VARIABLE);
    }

    @Test
    void shouldMarkTheMeasurementStartAndTheMeasuresOnTheTrendDashboard() {
        Dashboard d = GrafanaFiles.dashboard("ukp-utvikling");
        assertThat(d.annotations()).anySatisfy(a -> assertThat(a.path("target").path("rawSql").asText())
                .contains("measurement_start_month"));
        assertThat(d.annotations()).as("the measures' starts, shown on every panel").anySatisfy(a -> {
            assertThat(a.path("name").asText()).isEqualTo("Tiltak");
            assertThat(a.path("enable").asBoolean()).isTrue();
            assertThat(a.has("filter")).isFalse();
            assertThat(a.path("target").path("rawSql").asText()).contains("FROM measure").contains("${omraade}")
                    .contains("'tiltak' AS \"tags\"");
        });
        assertThat(d.queries()).filteredOn(q -> q.panel().path("type").asText().equals("timeseries") && q.sql().contains("indicator_value"))
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.sql()).as(q.where()).contains("$__timeFilter(").contains("'Mål'"));
    }

    @Test
    void shouldExplainThePlanDashboardAndWhereThePlanIsEdited() {
        Dashboard d = GrafanaFiles.dashboard("ukp-tiltak");
        assertThat(d.variables()).extracting(v -> v.path("name").asText()).containsExactly("omraade");
        assertThat(d.panels()).extracting(p -> p.path("type").asText()).contains("stat", "table", "state-timeline", "text");
        JsonNode help = d.panels().stream().filter(p -> p.path("type").asText().equals("text")).findFirst().orElseThrow();
        assertThat(help.path("title").asText()).isEqualTo("Slik leses dashbordet");
        assertThat(help.path("options").path("content").asText()).as("legend, where the plan is edited, demo data")
                .contains("Ingen avvik").contains("Mindre avvik, men håndteres").contains("Kritiske avvik, når ikke målsetning")
                .contains("/tiltak").contains("/api/v1/measures").contains("syntetiske");
    }

    @Test
    void shouldRepeatThePerIndicatorPanelsByAVariableOverTheCatalogue() {
        int repeated = 0;
        for (Dashboard d : GrafanaFiles.dashboards()) {
            for (JsonNode panel : d.panels()) {
                String where = d.title() + " / " + panel.path("title").asText();
                String sql = panel.path("targets").path(0).path("rawSql").asText();
                boolean oneIndicator = List.of("stat", "timeseries").contains(panel.path("type").asText())
                        && ONE_INDICATOR.matcher(sql).find();
                assertThat(oneIndicator).as("%s shows one indicator named in its SQL; repeat it by $%s instead", where, REPEAT_VARIABLE)
                        .isFalse();
                if (!panel.has("repeat")) {
                    continue;
                }
                repeated++;
                String by = panel.path("repeat").asText();
                assertThat(by).as(where).isEqualTo(REPEAT_VARIABLE);
                JsonNode variable = d.variables().stream().filter(v -> v.path("name").asText().equals(by)).findFirst()
                        .orElseThrow(() -> new AssertionError(where + ": no variable $" + by));
                assertThat(variable.path("type").asText()).as("$%s is a query variable", by).isEqualTo("query");
                assertThat(GrafanaVariables.variableSql(variable)).as("$%s lists the catalogue", by)
                        .contains("AS __value").contains("AS __text").contains("FROM indicator i").contains("ORDER BY i.sort_order");
                assertThat(variable.path("refresh").asInt()).as("$%s asks the database on load, so a new indicator appears", by).isIn(1, 2);
                assertThat(variable.path("options").size()).as("$%s stores no options", by).isZero();
                assertThat(variable.path("multi").asBoolean() && variable.path("includeAll").asBoolean()).as(where).isTrue();
                assertThat(variable.path("current").path("value").toString()).as("$%s opens on All", by).contains("$__all");
                assertThat(panel.path("title").asText()).as(where).contains("${" + by + ":text}");
                assertThat(panel.path("repeatDirection").asText()).as(where).isEqualTo("h");
                assertThat(panel.path("maxPerRow").asInt()).as(where).isBetween(2, 4);
                panel.path("targets").forEach(t -> assertThat(t.path("rawSql").asText()).as("%s %s", where, t.path("refId").asText())
                        .contains("IN (${" + by + "})").doesNotContain("'${" + by).doesNotContain("'$" + by));
                // a repeated panel shares its field config, so the unit comes from the catalogue
                assertThat(panel.path("fieldConfig").path("defaults").has("unit")).as("%s: no fixed unit", where).isFalse();
                JsonNode config = null;
                for (JsonNode t : panel.path("transformations")) {
                    if (t.path("id").asText().equals("configFromData")) {
                        config = t.path("options");
                    }
                }
                assertThat(config).as("%s: unit from the query results (configFromData)", where).isNotNull();
                String refId = config.path("configRefId").asText();
                assertThat(panel.path("targets")).as(where).anySatisfy(t -> assertThat(t.path("refId").asText()).isEqualTo(refId));
                assertThat(config.path("mappings").toString()).as(where).contains("\"handlerKey\":\"unit\"")
                        .contains("\"handlerKey\":\"decimals\"");
                assertThat(panel.path("targets").toString()).as("%s: unit and decimals from grafana_indicator, one definition", where)
                        .contains("FROM grafana_indicator");
                assertThat(config.path("applyTo").path("options").asText()).as(where).isEqualTo("number");
            }
        }
        assertThat(repeated).as("måloppnåelse's stat panels, utvikling's trend and SPC panels").isEqualTo(3);
    }

    /**
     * A panel that shows several indicators takes them from the catalogue (grafana_indicator, indicator_status over
     * every indicator, a repeat): one column or series per indicator id written into its SQL would leave a new
     * indicator out until someone edits the dashboard.
     */
    @Test
    void shouldNameAtMostOneIndicatorByIdInAPanel() {
        int panels = 0;
        for (Dashboard d : GrafanaFiles.dashboards()) {
            for (JsonNode panel : d.panels()) {
                Set<String> ids = new HashSet<>();
                panel.path("targets").forEach(t -> {
                    java.util.regex.Matcher m = INDICATOR_LITERAL.matcher(t.path("rawSql").asText());
                    while (m.find()) {
                        ids.add(m.group(1));
                    }
                });
                assertThat(ids).as("%s / %s names indicators by id; take them from the catalogue", d.title(),
                        panel.path("title").asText()).hasSizeLessThanOrEqualTo(1);
                panels++;
            }
        }
        assertThat(panels).isGreaterThan(20);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldProvisionAlertRulesThatReferToExistingDataSourcesAndSteps() {
        Map<String, String> types = datasourceTypes();
        Map<Path, Map<String, Object>> files = GrafanaFiles.yamlFiles(GrafanaFiles.ALERTING);
        assertThat(files).isNotEmpty();
        Set<String> uids = new HashSet<>();
        for (var file : files.entrySet()) {
            assertThat(file.getValue()).containsEntry("apiVersion", 1);
            for (Map<String, Object> group : (List<Map<String, Object>>) file.getValue().get("groups")) {
                assertThat(group).containsEntry("folder", "UKP").containsKey("interval").containsKey("name");
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    String uid = (String) rule.get("uid");
                    assertThat(uids.add(uid)).as("unique rule uid %s", uid).isTrue();
                    assertThat(uid).matches(UID);
                    assertThat((String) rule.get("title")).as("%s: titles are interpolated by provisioning, so no $", uid).doesNotContain("$");
                    ((Map<String, Object>) rule.getOrDefault("labels", Map.of())).values()
                            .forEach(v -> assertThat(String.valueOf(v)).as("%s: labels are interpolated, so no $", uid).doesNotContain("$"));
                    Set<String> refIds = new HashSet<>();
                    for (Map<String, Object> data : (List<Map<String, Object>>) rule.get("data")) {
                        String ref = (String) data.get("refId");
                        refIds.add(ref);
                        String ds = (String) data.get("datasourceUid");
                        Map<String, Object> model = (Map<String, Object>) data.get("model");
                        assertThat(model).containsEntry("refId", ref);
                        if (ds.equals("__expr__")) {
                            assertThat(refIds).as("%s: expression %s uses an earlier step", uid, ref).contains((String) model.get("expression"));
                        } else {
                            assertThat(types).as("%s: datasource %s", uid, ds).containsKey(ds);
                            assertThat(data).containsKey("relativeTimeRange");
                            assertThat((String) model.get("rawSql")).as("%s: reads the views", uid).isNotBlank();
                        }
                    }
                    assertThat(refIds).as("%s: condition", uid).contains((String) rule.get("condition"));
                    assertThat(rule).containsKeys("noDataState", "execErrState", "for", "annotations");
                }
            }
        }
        assertThat(uids).containsExactlyInAnyOrder("ukp-indikator-rod-total", "ukp-manglende-maanedstall");
    }

    @Test
    void shouldNotWriteToTheDatabaseFromAnyQuery() {
        Pattern writes = Pattern.compile("\\b(INSERT|UPDATE|DELETE|TRUNCATE|DROP|ALTER|CREATE|GRANT|COPY)\\b", Pattern.CASE_INSENSITIVE);
        for (Dashboard d : GrafanaFiles.dashboards()) {
            for (Query q : d.queries()) {
                if (q.isSql()) {
                    assertThat(writes.matcher(q.sql()).find()).as("%s only reads", q.where()).isFalse();
                }
            }
        }
    }

    @Test
    void shouldKeepTheProvisioningFilesParseable() throws Exception {
        try (var files = Files.walk(GrafanaFiles.PROVISIONING)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(f.toString()).as("only YAML in provisioning").matches(".*\\.ya?ml$");
                Object parsed = new Yaml().load(GrafanaFiles.read(f));
                assertThat(parsed).as("%s parses", f).isInstanceOf(Map.class);
                assertThat(((Map<?, ?>) parsed).get("apiVersion")).as("%s apiVersion", f).isEqualTo(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> datasourceTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> file : GrafanaFiles.yamlFiles(GrafanaFiles.DATASOURCES).values()) {
            for (Map<String, Object> ds : (List<Map<String, Object>>) file.get("datasources")) {
                String uid = (String) ds.get("uid");
                assertThat(uid).as("datasource %s has a fixed uid", ds.get("name")).isNotBlank().matches(UID);
                assertThat(types.put(uid, (String) ds.get("type"))).as("unique uid %s", uid).isNull();
            }
        }
        return types;
    }
}
