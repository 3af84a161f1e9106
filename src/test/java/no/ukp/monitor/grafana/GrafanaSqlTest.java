package no.ukp.monitor.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.grafana.GrafanaSql.Context;
import no.ukp.monitor.grafana.GrafanaSql.TimeRange;
import no.ukp.monitor.grafana.GrafanaSql.Variable;
import org.junit.jupiter.api.Test;

/**
 * The expansion of {@link GrafanaSql} against the behaviour of Grafana's sources: the PostgreSQL
 * macro engine (pkg/tsdb/grafana-postgresql-datasource/macros.go and its tests), sqleng's global
 * substitutions, the SQL data source's {@code interpolateVariable} and the template service's
 * variable syntax and formats.
 */
class GrafanaSqlTest {

    private static final TimeRange RANGE = new TimeRange(Instant.parse("2018-04-12T18:00:00Z"), Instant.parse("2018-04-12T18:05:00.5Z"));

    private static Context context(boolean timescaledb, Variable... variables) {
        Map<String, Variable> map = new java.util.LinkedHashMap<>();
        for (Variable v : variables) {
            map.put(v.name(), v);
        }
        return new Context(map, RANGE, Duration.ofMinutes(1), timescaledb);
    }

    @Test
    void shouldExpandTheTimeMacrosLikeGrafana() {
        Context c = context(false);
        assertThat(GrafanaSql.expand("WHERE $__timeFilter(time_column)", c))
                .isEqualTo("WHERE time_column BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00.5Z'");
        assertThat(GrafanaSql.expand("select $__timeFrom(), $__timeTo()", c))
                .isEqualTo("select '2018-04-12T18:00:00Z', '2018-04-12T18:05:00.5Z'");
        assertThat(GrafanaSql.expand("select $__time(time_column)", c)).isEqualTo("select time_column AS \"time\"");
        assertThat(GrafanaSql.expand("select $__timeEpoch(time)", c)).isEqualTo("select extract(epoch from time) as \"time\"");
        assertThat(GrafanaSql.expand("WHERE $__unixEpochFilter(time)", c)).isEqualTo("WHERE time >= 1523556000 AND time <= 1523556300");
        assertThat(GrafanaSql.expand("WHERE $__unixEpochNanoFilter(time)", c))
                .isEqualTo("WHERE time >= 1523556000000000000 AND time <= 1523556300500000000");
        assertThat(GrafanaSql.expand("select $__unixEpochNanoFrom(), $__unixEpochNanoTo()", c))
                .isEqualTo("select 1523556000000000000, 1523556300500000000");
        assertThat(GrafanaSql.expand("select $__unixEpochFrom(), $__unixEpochTo()", c)).isEqualTo("select 1523556000, 1523556300");
    }

    @Test
    void shouldGroupByTimeWithOrWithoutTimescaleDb() {
        assertThat(GrafanaSql.expand("GROUP BY $__timeGroup(time_column,'5m')", context(false)))
                .isEqualTo("GROUP BY floor(extract(epoch from time_column)/300)*300");
        assertThat(GrafanaSql.expand("GROUP BY $__timeGroup(time_column, '5m', NULL)", context(false)))
                .isEqualTo("GROUP BY floor(extract(epoch from time_column)/300)*300");
        assertThat(GrafanaSql.expand("select $__timeGroupAlias(time_column,'5m')", context(false)))
                .isEqualTo("select floor(extract(epoch from time_column)/300)*300 AS \"time\"");
        assertThat(GrafanaSql.expand("GROUP BY $__timeGroup(time_column,'5m')", context(true)))
                .isEqualTo("GROUP BY time_bucket('300.000s',time_column)");
        assertThat(GrafanaSql.expand("select $__timeGroupAlias(t.taken_at, '1d')", context(true)))
                .isEqualTo("select time_bucket('86400.000s',t.taken_at) AS \"time\"");
        assertThat(GrafanaSql.expand("select $__timeGroupAlias(t.taken_at, '1d')", context(false)))
                .isEqualTo("select floor(extract(epoch from t.taken_at)/86400)*86400 AS \"time\"");
        // Go prints large floats in %e form
        assertThat(GrafanaSql.expand("$__timeGroup(c, '30d')", context(false)))
                .isEqualTo("floor(extract(epoch from c)/2.592e+06)*2.592e+06");
        assertThat(GrafanaSql.expand("$__unixEpochGroupAlias(c, '1h')", context(false))).isEqualTo("floor((c)/3600)*3600 AS \"time\"");
        assertThat(GrafanaSql.expand("$__timeGroup(c, '500ms')", context(false))).isEqualTo("floor(extract(epoch from c)/0.5)*0.5");
        // before Grafana 5.3 $__timeGroup added the alias itself; a ',' right after it still does
        assertThat(GrafanaSql.expand("SELECT $__timeGroup(c,'1m'), avg(v)", context(false)))
                .isEqualTo("SELECT floor(extract(epoch from c)/60)*60 AS \"time\", avg(v)");
    }

    @Test
    void shouldRejectWhatGrafanaRejects() {
        assertThatThrownBy(() -> GrafanaSql.expand("$__timeGroup(c)", context(false))).hasMessageContaining("needs time column");
        assertThatThrownBy(() -> GrafanaSql.expand("$__timeGroup(c, 'often')", context(false))).hasMessageContaining("invalid duration");
        assertThatThrownBy(() -> GrafanaSql.expand("$__timeGroup(c, '1m', sometimes)", context(false))).hasMessageContaining("fill");
        assertThatThrownBy(() -> GrafanaSql.expand("$__nonsense(c)", context(false))).hasMessageContaining("unknown macro");
        assertThatThrownBy(() -> GrafanaSql.expand("WHERE x = '$undefined'", context(false))).hasMessageContaining("unresolved");
    }

    @Test
    void shouldReplaceVariablesInAllFourForms() {
        Variable month = Variable.single("maaned", "2025-06", "2025-06");
        Context c = context(false, month);
        assertThat(GrafanaSql.expand("'$maaned' '${maaned}' '[[maaned]]' '${maaned:csv}' '[[maaned:csv]]'", c))
                .isEqualTo("'2025-06' '2025-06' '2025-06' '2025-06' '2025-06'");
        // an unknown name is left alone by the template service, and then caught
        assertThat(GrafanaSql.replaceVariables("$maanedx", c)).isEqualTo("$maanedx");
    }

    @Test
    void shouldQuoteLikeTheSqlDataSource() {
        Variable single = Variable.single("s", "it's", "It's");
        Variable multi = new Variable("m", List.of("a", "b'c"), List.of("A", "B"), true, false, false, null);
        Variable all = new Variable("r", List.of("x", "y"), List.of("X", "Y"), true, true, true, null);
        Variable allCustom = new Variable("q", List.of("x", "y"), List.of("X", "Y"), true, true, true, "%");
        Variable oneOfMulti = new Variable("o", List.of("a"), List.of("A"), true, false, false, null);
        Variable singleWithAll = new Variable("w", List.of("a"), List.of("A"), false, true, false, null);
        Context c = context(false, single, multi, all, allCustom, oneOfMulti, singleWithAll);
        // single value: inserted as it is, quotes doubled; multi or All: quoted literals joined with commas
        assertThat(GrafanaSql.expand("$s|$m|$r|$q|$o|$w", c)).isEqualTo("it''s|'a','b''c'|'x','y'|%|'a'|'a'");
        assertThat(GrafanaSql.expand("${m:csv}|${r:csv}|${s:csv}", c)).isEqualTo("a,b'c|x,y|it's");
        assertThat(GrafanaSql.expand("${m:sqlstring}|${s:sqlstring}", c)).isEqualTo("'a','b''c'|'it''s'");
        assertThat(GrafanaSql.expand("${m:singlequote}|${m:doublequote}", c)).isEqualTo("'a','b\\'c'|\"a\",\"b'c\"");
        assertThat(GrafanaSql.expand("${m:pipe}|${m:raw}|${m:text}|${r:text}|${s:text}", c)).isEqualTo("a|b'c|a,b'c|A + B|All|It's");
        assertThat(GrafanaSql.expand("${m:json}|${m:glob}|${s:glob}", c)).isEqualTo("[\"a\",\"b'c\"]|{a,b'c}|it's");
    }

    @Test
    void shouldReplaceTheBuiltInTimeVariables() {
        Context c = context(false);
        assertThat(GrafanaSql.expand("$__from ${__to} ${__from:date:iso} ${__to:date:seconds}", c))
                .isEqualTo("1523556000000 1523556300500 2018-04-12T18:00:00.000Z 1523556300");
        assertThat(GrafanaSql.expand("$__interval $__interval_ms", c)).isEqualTo("1m 60000");
    }

    @Test
    void shouldFormatLikeGo() {
        assertThat(GrafanaSql.rfc3339Nano(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(GrafanaSql.rfc3339Nano(Instant.parse("2024-01-01T00:00:00.120Z"))).isEqualTo("2024-01-01T00:00:00.12Z");
        assertThat(GrafanaSql.goFloat(86400)).isEqualTo("86400");
        assertThat(GrafanaSql.goFloat(604800)).isEqualTo("604800");
        assertThat(GrafanaSql.goFloat(1e6)).isEqualTo("1e+06");
        assertThat(GrafanaSql.goFloat(0.5)).isEqualTo("0.5");
        assertThat(GrafanaSql.goFloat(0.00001)).isEqualTo("1e-05");
        assertThat(GrafanaSql.formatInterval(Duration.ofHours(36))).isEqualTo("1d");
        assertThat(GrafanaSql.parseInterval("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GrafanaSql.parseInterval("2w")).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void shouldExpandEachCopyOfARepeatedPanelWithItsOneValueQuoted() throws Exception {
        Variable all = GrafanaVariables.all("indikator",
                List.of(new GrafanaVariables.Option("ukp_days", "Antall UKP-døgn per år"), new GrafanaVariables.Option("o'brien", "O'Brien")),
                true, null);
        com.fasterxml.jackson.databind.JsonNode panel = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"title\": \"${indikator:text}\", \"repeat\": \"indikator\"}");
        List<Map<String, Variable>> copies = GrafanaVariables.repeats(panel, Map.of("indikator", all));
        assertThat(copies).hasSize(2);
        // Grafana's scopedVars hold a string; the SQL data source quotes it because the variable is multi-value
        assertThat(GrafanaSql.expand("WHERE id IN (${indikator}) -- ${indikator:text}", context(false, copies.get(0).get("indikator"))))
                .isEqualTo("WHERE id IN ('ukp_days') -- Antall UKP-døgn per år");
        assertThat(GrafanaSql.expand("WHERE id IN ($indikator)", context(false, copies.get(1).get("indikator"))))
                .isEqualTo("WHERE id IN ('o''brien')");
        // the panel without repeat: All, every value
        assertThat(GrafanaSql.expand("WHERE id IN ($indikator)", context(false, all))).isEqualTo("WHERE id IN ('ukp_days','o''brien')");
        com.fasterxml.jackson.databind.JsonNode plain = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"title\": \"x\"}");
        assertThat(GrafanaVariables.repeats(plain, Map.of("indikator", all))).containsExactly(Map.of("indikator", all));
    }
}
