package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.grafana.GrafanaFiles.Dashboard;
import no.ukp.monitor.grafana.GrafanaFiles;
import no.ukp.monitor.grafana.GrafanaSql;
import no.ukp.monitor.grafana.GrafanaVariables;

/**
 * Every query of every dashboard in {@code grafana/dashboards/}: the variable queries, the
 * annotation queries and each SQL target of every panel, expanded with the dashboard's default
 * variable selection and default time range exactly as Grafana 11 expands them
 * ({@link GrafanaSql}, {@link GrafanaVariables}), run over JDBC as the read-only role
 * {@code ukp_reader} (Grafana's data source user), every row read. A panel repeated by a variable
 * ({@code "repeat"}) is shown once per selected value, so each of its queries is timed once per copy,
 * expanded with that copy's value ({@link GrafanaVariables#repeats}); the value is in the figure's
 * name. Prometheus panels are no SQL: listed as not applicable.
 */
final class PanelQueryLatency {

    /**
     * One query; {@code copy} the value of a repeated panel's copy ({@code indikator=ukp_days}), else null;
     * {@code millis} null when not applicable.
     */
    record Figure(String dashboard, String panel, String copy, String refId, String kind, String datasource, Integer rows,
                  Stats millis, Integer planned, Boolean cutShort, String note) {

        String label() {
            return dashboard + " / " + panel + (copy == null ? "" : " [" + copy + "]") + (refId.isEmpty() ? "" : " / " + refId);
        }

        boolean applicable() {
            return millis != null;
        }
    }

    private PanelQueryLatency() {
    }

    static List<Figure> measure(ServiceUnderTest service, boolean timescaledbLoaded, Repetitions repetitions, Progress progress)
            throws Exception {
        boolean timescaledb = timescaledbLoaded && GrafanaFiles.datasourceSaysTimescaledb();
        Instant now = Instant.now();
        List<Figure> figures = new ArrayList<>();
        try (Connection reader = service.readerConnection()) {
            for (Dashboard dashboard : GrafanaFiles.dashboards()) {
                Map<String, List<GrafanaVariables.Option>> options = new LinkedHashMap<>();
                Map<String, GrafanaSql.Variable> defaults = GrafanaVariables.resolve(dashboard, options,
                        variables -> dashboard.context(variables, now, timescaledb),
                        (sql, context, where) -> answer(reader, GrafanaSql.expand(sql, context)));
                GrafanaSql.Context context = dashboard.context(defaults, now, timescaledb);
                for (JsonNode v : dashboard.variables()) {
                    if (v.path("type").asText().equals("query")) {
                        figures.add(time(reader, dashboard, "variable $" + v.path("name").asText(), null, "", "variable",
                                GrafanaVariables.variableSql(v), context, repetitions));
                    }
                }
                for (JsonNode annotation : dashboard.json().path("annotations").path("list")) {
                    if (annotation.path("target").has("rawSql")) {
                        figures.add(time(reader, dashboard, "annotation «" + annotation.path("name").asText() + "»", null, "",
                                "annotation", annotation.path("target").path("rawSql").asText(), context, repetitions));
                    }
                }
                for (GrafanaFiles.Query query : dashboard.queries()) {
                    String panel = query.panel().path("title").asText();
                    String refId = query.target().path("refId").asText();
                    if (!query.isSql()) {
                        figures.add(new Figure(dashboard.uid(), panel, null, refId, "panel", query.datasourceUid(), null, null,
                                null, null, "n/a: " + query.datasourceType() + ", not SQL"));
                        continue;
                    }
                    String by = query.panel().path("repeat").asText("");
                    for (Map<String, GrafanaSql.Variable> copy : GrafanaVariables.repeats(query.panel(), defaults)) {
                        String value = by.isEmpty() ? null : by + "=" + copy.get(by).values().get(0);
                        figures.add(time(reader, dashboard, panel, value, refId, "panel", query.sql(),
                                dashboard.context(copy, now, timescaledb), repetitions));
                    }
                }
                long measured = figures.stream().filter(f -> f.dashboard().equals(dashboard.uid()) && f.applicable()).count();
                double worst = figures.stream().filter(f -> f.dashboard().equals(dashboard.uid()) && f.applicable())
                        .mapToDouble(f -> f.millis().p95()).max().orElse(0);
                progress.step("Grafana %s: %d SQL queries, worst p95 %.1f ms", dashboard.uid(), measured, worst);
            }
        }
        return figures;
    }

    private static Figure time(Connection reader, Dashboard dashboard, String panel, String copy, String refId, String kind,
                               String rawSql, GrafanaSql.Context context, Repetitions repetitions) throws Exception {
        String sql = GrafanaSql.expand(rawSql, context);
        int[] rows = new int[1];
        Repetitions.Timings t = repetitions.time(() -> rows[0] = readAll(reader, sql));
        return new Figure(dashboard.uid(), panel, copy, refId, kind, GrafanaFiles.POSTGRES_UID, rows[0], t.millis(), t.planned(),
                t.cutShort(), null);
    }

    /** Runs the statement as Grafana sends it and reads every value of every row; returns the row count. */
    private static int readAll(Connection reader, String sql) throws SQLException {
        try (Statement statement = reader.createStatement()) {
            statement.setEscapeProcessing(false); // Grafana sends the text as it is
            try (ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                int rows = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
                return rows;
            }
        }
    }

    private static GrafanaVariables.Answer answer(Connection reader, String sql) {
        try (Statement statement = reader.createStatement()) {
            statement.setEscapeProcessing(false);
            try (ResultSet rs = statement.executeQuery(sql)) {
                return GrafanaVariables.Answer.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("variable query failed as ukp_reader: " + e.getMessage() + "\n" + sql, e);
        }
    }
}
