package no.ukp.monitor.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana files of the repository as Grafana reads them: provisioning YAML under
 * {@code grafana/provisioning/} and dashboard JSON under {@code grafana/dashboards/} (paths
 * relative to the project directory, Maven's working directory for tests).
 */
public final class GrafanaFiles {

    public static final Path PROVISIONING = Path.of("grafana/provisioning");
    public static final Path DASHBOARDS = Path.of("grafana/dashboards");
    public static final Path DATASOURCES = PROVISIONING.resolve("datasources");
    static final Path DASHBOARD_PROVIDERS = PROVISIONING.resolve("dashboards");
    static final Path ALERTING = PROVISIONING.resolve("alerting");

    public static final String POSTGRES_UID = "ukp-timescaledb";
    public static final String PROMETHEUS_UID = "ukp-prometheus";
    static final String POSTGRES_TYPE = "grafana-postgresql-datasource";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaFiles() {
    }

    /** One dashboard file. */
    public record Dashboard(Path file, JsonNode json) {

        public String title() {
            return json.path("title").asText();
        }

        public String uid() {
            return json.path("uid").asText();
        }

        /** Every panel, rows' nested panels included, in file order. */
        public List<JsonNode> panels() {
            List<JsonNode> result = new ArrayList<>();
            collect(json.path("panels"), result);
            return result;
        }

        public List<JsonNode> variables() {
            List<JsonNode> result = new ArrayList<>();
            json.path("templating").path("list").forEach(result::add);
            return result;
        }

        List<JsonNode> annotations() {
            List<JsonNode> result = new ArrayList<>();
            json.path("annotations").path("list").forEach(result::add);
            return result;
        }

        /** Every query of a panel, with the data source that runs it. */
        public List<Query> queries() {
            List<Query> result = new ArrayList<>();
            for (JsonNode panel : panels()) {
                for (JsonNode target : panel.path("targets")) {
                    JsonNode datasource = target.has("datasource") ? target.get("datasource") : panel.path("datasource");
                    result.add(new Query(this, panel, target, datasource.path("uid").asText(), datasource.path("type").asText()));
                }
            }
            return result;
        }

        /** The default time range ({@code time.from}/{@code time.to}), resolved at {@code now}. */
        public GrafanaSql.TimeRange timeRange(Instant now) {
            return new GrafanaSql.TimeRange(dateMath(json.path("time").path("from").asText(), now, false),
                    dateMath(json.path("time").path("to").asText(), now, true));
        }

        /**
         * What Grafana expands this dashboard's queries with: the variables, the default time range at
         * {@code now} and its interval, and the data source's TimescaleDB flag.
         */
        public GrafanaSql.Context context(Map<String, GrafanaSql.Variable> variables, Instant now, boolean timescaledb) {
            GrafanaSql.TimeRange range = timeRange(now);
            // Grafana's interval: the range over the panel's data points (about 1 000), here a round minute or more
            Duration interval = Duration.ofMinutes(Math.max(1, range.length().toMinutes() / 1000));
            return new GrafanaSql.Context(variables, range, interval, timescaledb);
        }

        @Override
        public String toString() {
            return title() + " (" + file + ")";
        }

        private static void collect(JsonNode panels, List<JsonNode> into) {
            for (JsonNode panel : panels) {
                into.add(panel);
                if (panel.has("panels")) {
                    collect(panel.get("panels"), into);
                }
            }
        }
    }

    /** One target of a panel. */
    public record Query(Dashboard dashboard, JsonNode panel, JsonNode target, String datasourceUid, String datasourceType) {

        public boolean isSql() {
            return target.has("rawSql");
        }

        public String sql() {
            return target.path("rawSql").asText();
        }

        String expr() {
            return target.path("expr").asText();
        }

        /** Grafana's SQL data sources default to time_series when a query names no format. */
        String format() {
            return target.path("format").asText("time_series");
        }

        public String where() {
            return "dashboard «" + dashboard.title() + "», panel «" + panel.path("title").asText() + "» (id "
                    + panel.path("id").asText() + "), query " + target.path("refId").asText();
        }
    }

    public static List<Dashboard> dashboards() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(f -> new Dashboard(f, readJson(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard dashboard(String uid) {
        return dashboards().stream().filter(d -> d.uid().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard with uid " + uid));
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** Every YAML file of a provisioning folder, parsed. */
    static Map<Path, Map<String, Object>> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Map<Path, Map<String, Object>> result = new java.util.TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).toList()) {
                result.put(file, new Yaml().load(Files.readString(file, StandardCharsets.UTF_8)));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the provisioned PostgreSQL data source says {@code timescaledb: true} (Grafana then expands $__timeGroup to time_bucket). */
    public static boolean datasourceSaysTimescaledb() {
        Map<String, Object> provisioning = new Yaml().load(read(DATASOURCES.resolve("ukp.yml")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> datasources = (List<Map<String, Object>>) provisioning.get("datasources");
        return datasources.stream().filter(d -> POSTGRES_UID.equals(d.get("uid")))
                .map(d -> ((Map<?, ?>) d.get("jsonData")).get("timescaledb")).anyMatch(Boolean.TRUE::equals);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern RELATIVE = Pattern.compile("now(?:([+-])(\\d+)([smhdwMy]))?(?:/([smhdwMy]))?");

    /**
     * Grafana's date math for dashboard time ranges ({@code now}, {@code now-2y}, {@code now-1M/M}),
     * in UTC, or an absolute ISO-8601 time or epoch milliseconds.
     */
    static Instant dateMath(String text, Instant now, boolean roundUp) {
        Matcher m = RELATIVE.matcher(text);
        if (!m.matches()) {
            if (text.matches("\\d+")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return Instant.parse(text);
        }
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        if (m.group(1) != null) {
            long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            at = at.plus(n, unit(m.group(3)));
        }
        if (m.group(4) != null) {
            ChronoUnit unit = unit(m.group(4));
            ZonedDateTime start = switch (unit) {
                case YEARS -> at.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
                case MONTHS -> at.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
                case WEEKS -> at.minusDays(at.getDayOfWeek().getValue() - 1L).truncatedTo(ChronoUnit.DAYS);
                default -> at.truncatedTo(unit);
            };
            at = roundUp ? start.plus(1, unit).minusNanos(1_000_000) : start;
        }
        return at.toInstant();
    }

    private static ChronoUnit unit(String unit) {
        return switch (unit) {
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            case "w" -> ChronoUnit.WEEKS;
            case "M" -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
    }
}
