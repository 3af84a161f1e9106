package no.ukp.monitor.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ukp.monitor.grafana.GrafanaFiles.Dashboard;
import no.ukp.monitor.grafana.GrafanaSql.Variable;

/**
 * A dashboard's template variables as Grafana 11 evaluates them when the dashboard loads: in
 * order, each query variable's SQL run with the selections of the variables before it, the saved
 * selection (or "All", or the first option when the saved one is gone) as the default. Used by the
 * dashboard check and by the benchmark, which both run the panels with the default selection.
 */
public final class GrafanaVariables {

    private GrafanaVariables() {
    }

    /** One option of a variable. */
    public record Option(String value, String text) {
    }

    /** What the database answers to a query: column names (labels) and rows. */
    public record Answer(List<String> columns, List<List<Object>> rows) {

        /** Reads every row of the result. */
        public static Answer read(ResultSet rs) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return new Answer(columns, rows);
        }
    }

    /** Runs a variable's SQL, expanded in {@code context}, as the data source's user. */
    @FunctionalInterface
    public interface Runner {
        Answer run(String rawSql, GrafanaSql.Context context, String where);
    }

    /**
     * Evaluates the dashboard's variables in order, as Grafana does on load; fills {@code optionsByName}
     * with every variable's options and returns the default selection. {@code contextOf} gives the
     * expansion context for the selections made so far.
     */
    public static Map<String, Variable> resolve(Dashboard dashboard, Map<String, List<Option>> optionsByName,
                                                java.util.function.Function<Map<String, Variable>, GrafanaSql.Context> contextOf,
                                                Runner runner) {
        Map<String, Variable> current = new LinkedHashMap<>();
        for (JsonNode v : dashboard.variables()) {
            String name = v.path("name").asText();
            String type = v.path("type").asText();
            List<Option> options = switch (type) {
                case "query" -> {
                    assertThat(v.path("regex").asText("")).as("variable $%s: no regex filter", name).isEmpty();
                    assertThat(v.path("sort").asInt(0)).as("variable $%s keeps the query's order", name).isZero();
                    yield metricFindValues(runner.run(variableSql(v), contextOf.apply(current), "variable $" + name));
                }
                case "custom" -> customOptions(v.path("query").asText());
                case "constant", "textbox" -> List.of(new Option(v.path("query").asText(), v.path("query").asText()));
                default -> throw new AssertionError("variable $" + name + ": type " + type + " is not checked here");
            };
            assertThat(options).as("variable $%s of «%s» has options", name, dashboard.title()).isNotEmpty();
            optionsByName.put(name, options);
            current.put(name, defaultSelection(v, options));
        }
        return current;
    }

    /**
     * Grafana's repeat by variable: a panel with {@code "repeat": "x"} is shown once per selected value of {@code $x}
     * (every option when "All" is selected), each copy expanded with its one value (Grafana's {@code scopedVars}); a
     * panel without {@code repeat} is shown once with the selection as it is. Returns the selection of each copy.
     */
    public static List<Map<String, Variable>> repeats(JsonNode panel, Map<String, Variable> selection) {
        String by = panel.path("repeat").asText("");
        if (by.isEmpty()) {
            return List.of(selection);
        }
        Variable variable = selection.get(by);
        assertThat(variable).as("panel «%s» repeats by $%s, a variable of its dashboard", panel.path("title").asText(), by).isNotNull();
        List<Map<String, Variable>> copies = new ArrayList<>();
        for (int i = 0; i < variable.values().size(); i++) {
            Map<String, Variable> copy = new LinkedHashMap<>(selection);
            // Grafana keeps the variable's multi/includeAll flags: the SQL data source quotes the single value
            copy.put(by, new Variable(by, List.of(variable.values().get(i)), List.of(variable.texts().get(i)),
                    variable.multi(), variable.includeAll(), false, variable.allValue()));
            copies.add(copy);
        }
        return copies;
    }

    /** The SQL of a query variable (a plain string, or an object with {@code rawSql}). */
    public static String variableSql(JsonNode v) {
        JsonNode query = v.path("query");
        return query.isObject() ? query.path("rawSql").asText() : query.asText();
    }

    /** Grafana's ResponseParser.transformMetricFindResponse: __text/__value, else every value of every column; unique texts. */
    static List<Option> metricFindValues(Answer answer) {
        List<Option> options = new ArrayList<>();
        Set<String> texts = new LinkedHashSet<>();
        int text = answer.columns().indexOf("__text");
        int value = answer.columns().indexOf("__value");
        if (text >= 0 && value >= 0) {
            for (List<Object> row : answer.rows()) {
                if (texts.add(String.valueOf(row.get(text)))) {
                    options.add(new Option(String.valueOf(row.get(value)), String.valueOf(row.get(text))));
                }
            }
        } else {
            for (int c = 0; c < answer.columns().size(); c++) {
                for (List<Object> row : answer.rows()) {
                    String t = String.valueOf(row.get(c));
                    if (texts.add(t)) {
                        options.add(new Option(t, t));
                    }
                }
            }
        }
        return options;
    }

    /** A custom variable's query: {@code text : value} pairs separated by commas ({@code \,} is a comma). */
    static List<Option> customOptions(String query) {
        List<Option> options = new ArrayList<>();
        Matcher m = Pattern.compile("(?:\\\\,|[^,])+").matcher(query);
        while (m.find()) {
            String item = m.group();
            Matcher pair = Pattern.compile("^\\s*(.+)\\s:\\s(.+)$").matcher(item);
            if (pair.matches()) {
                options.add(new Option(pair.group(2).trim(), pair.group(1).trim()));
            } else {
                String text = item.replace("\\,", ",").trim();
                options.add(new Option(text, text));
            }
        }
        return options;
    }

    static Variable defaultSelection(JsonNode v, List<Option> options) {
        String name = v.path("name").asText();
        boolean multi = v.path("multi").asBoolean(false);
        boolean includeAll = v.path("includeAll").asBoolean(false);
        String allValue = allValue(v);
        JsonNode current = v.path("current").path("value");
        List<String> selected = new ArrayList<>();
        if (current.isArray()) {
            current.forEach(c -> selected.add(c.asText()));
        } else if (current.isTextual()) {
            selected.add(current.asText());
        }
        if (includeAll && (selected.isEmpty() || selected.contains("$__all"))) {
            return all(name, options, multi, allValue);
        }
        List<Option> chosen = options.stream().filter(o -> selected.contains(o.value())).toList();
        if (chosen.isEmpty()) {
            chosen = List.of(options.get(0)); // Grafana selects the first option when the saved one is gone
        }
        return new Variable(name, chosen.stream().map(Option::value).toList(), chosen.stream().map(Option::text).toList(),
                multi, includeAll, false, allValue);
    }

    /** The variable's custom all value, or null. */
    static String allValue(JsonNode v) {
        return v.path("allValue").isTextual() && !v.path("allValue").asText().isEmpty() ? v.path("allValue").asText() : null;
    }

    static Variable all(String name, List<Option> options, boolean multi, String allValue) {
        return new Variable(name, options.stream().map(Option::value).toList(), options.stream().map(Option::text).toList(),
                multi, true, true, allValue);
    }
}
