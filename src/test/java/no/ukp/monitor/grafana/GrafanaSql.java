package no.ukp.monitor.grafana;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the SQL of a Grafana 11 PostgreSQL panel, variable, annotation or alert query into the
 * statement Grafana sends to the database, in Grafana's three steps:
 * <ol>
 * <li>the frontend's template service replaces dashboard variables ({@code $x}, {@code ${x}},
 * {@code ${x:format}}, {@code [[x]]}, {@code [[x:format]]}); without a format the SQL data
 * source's {@code interpolateVariable} applies: a single value is inserted as it is with
 * {@code '} doubled, a multi-value or "All" variable becomes {@code 'a','b'};</li>
 * <li>the backend's global substitutions {@code $__interval_ms}, {@code $__interval},
 * {@code $__unixEpochFrom()}, {@code $__unixEpochTo()} (sqleng {@code Interpolate});</li>
 * <li>the PostgreSQL macro engine (pkg/tsdb/grafana-postgresql-datasource/macros.go):
 * {@code $__time}, {@code $__timeEpoch}, {@code $__timeFilter}, {@code $__timeFrom},
 * {@code $__timeTo}, {@code $__timeGroup}, {@code $__timeGroupAlias}, {@code $__unixEpochFilter},
 * {@code $__unixEpochNanoFilter}, {@code $__unixEpochNanoFrom}, {@code $__unixEpochNanoTo},
 * {@code $__unixEpochGroup}, {@code $__unixEpochGroupAlias}; with {@code timescaledb: true}
 * {@code $__timeGroup} becomes {@code time_bucket(...)}.</li>
 * </ol>
 * Times are formatted as Go formats them (RFC 3339 with trimmed nanoseconds, {@code %v} floats).
 */
public final class GrafanaSql {

    /** Grafana's variable syntax (public/app/features/variables/utils.ts, {@code variableRegex}). */
    static final Pattern VARIABLE = Pattern.compile(
            "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");
    /** The macro pattern of the PostgreSQL macro engine ({@code sExpr}). */
    static final Pattern MACRO = Pattern.compile("\\$([_a-zA-Z0-9]+)\\(([^)]*)\\)");
    private static final Pattern DATE_UNIT = Pattern.compile("^(\\d+)([dwMy])$");
    private static final Pattern GO_DURATION_PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");

    private GrafanaSql() {
    }

    /** The dashboard's time range, absolute. */
    public record TimeRange(Instant from, Instant to) {

        Duration length() {
            return Duration.between(from, to);
        }
    }

    /**
     * A dashboard variable's current value as Grafana's template service holds it.
     *
     * @param values     the selected values (one for a single-value variable)
     * @param texts      their display texts
     * @param multi      whether the variable allows several values (the value is then an array)
     * @param includeAll whether the variable has an "All" option
     * @param all        whether "All" is selected ({@code values} then holds every option)
     * @param allValue   the variable's custom all value, or null
     */
    public record Variable(String name, List<String> values, List<String> texts, boolean multi, boolean includeAll, boolean all,
                    String allValue) {

        static Variable single(String name, String value, String text) {
            return new Variable(name, List.of(value), List.of(text), false, false, false, null);
        }

        /** Whether the template service holds an array (a multi-value variable, or "All"). */
        boolean isArray() {
            return multi || all;
        }

        String text() {
            return all ? "All" : String.join(" + ", texts);
        }
    }

    /** Everything an expansion needs: variables, time range, interval and the data source's TimescaleDB flag. */
    public record Context(Map<String, Variable> variables, TimeRange range, Duration interval, boolean timescaledb) {
    }

    /** All three steps: what the database receives for {@code rawSql}. */
    public static String expand(String rawSql, Context context) {
        String sql = replaceVariables(rawSql, context);
        sql = globalInterpolate(sql, context.range(), context.interval());
        sql = interpolateMacros(sql, context.range(), context.timescaledb());
        Matcher leftover = VARIABLE.matcher(sql);
        if (leftover.find()) {
            throw new IllegalArgumentException("unresolved variable or macro " + leftover.group() + " in:\n" + sql);
        }
        return sql;
    }

    // ---- step 1: template variables (frontend) -----------------------------------------------

    static String replaceVariables(String sql, Context context) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = firstNonNull(m.group(1), m.group(2), m.group(4));
            String format = firstNonNull(m.group(3), m.group(6));
            if (m.group(5) != null) {
                throw new IllegalArgumentException("field paths (${" + name + "." + m.group(5) + "}) are not supported here");
            }
            String replacement = builtIn(name, format, context);
            if (replacement == null) {
                Variable variable = context.variables().get(name);
                replacement = variable == null ? m.group() : format(variable, format);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Grafana's global variables that make sense in SQL; null for any other name. */
    private static String builtIn(String name, String format, Context context) {
        TimeRange range = context.range();
        switch (name) {
            case "__from", "__to" -> {
                Instant at = name.equals("__from") ? range.from() : range.to();
                if (format == null) {
                    return Long.toString(at.toEpochMilli());
                }
                return switch (format) {
                    case "date", "date:iso" -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                            .withZone(ZoneOffset.UTC).format(at); // JavaScript's toISOString()
                    case "date:seconds" -> Long.toString(at.getEpochSecond());
                    default -> throw new IllegalArgumentException("unsupported format ${" + name + ":" + format + "}");
                };
            }
            case "__interval" -> {
                return formatInterval(context.interval());
            }
            case "__interval_ms" -> {
                return Long.toString(context.interval().toMillis());
            }
            case "__range" -> {
                return context.range().length().toSeconds() + "s";
            }
            case "__range_s" -> {
                return Long.toString(context.range().length().toSeconds());
            }
            case "__range_ms" -> {
                return Long.toString(context.range().length().toMillis());
            }
            case "__dashboard", "__org", "__user", "__timezone", "__rate_interval", "__all" ->
                    throw new IllegalArgumentException("the built-in variable $" + name + " is not supported by this check");
            default -> {
                return null;
            }
        }
    }

    /** TemplateSrv: the value of a variable in a format (null: the SQL data source's default). */
    static String format(Variable variable, String format) {
        if (variable.all() && variable.allValue() != null && !"text".equals(format) && !"queryparam".equals(format)) {
            return variable.allValue(); // Grafana inserts a custom all value unformatted
        }
        List<String> values = variable.values();
        boolean array = variable.isArray();
        if (format == null) {
            return interpolateSqlVariable(variable);
        }
        String id = format.contains(":") ? format.substring(0, format.indexOf(':')) : format;
        return switch (id) {
            case "csv", "raw" -> array ? String.join(",", values) : values.get(0);
            case "text" -> variable.text();
            case "pipe" -> array ? String.join("|", values) : values.get(0);
            case "sqlstring" -> quoteEach(array ? values : values.subList(0, 1), "'", "''");
            case "singlequote" -> quoteEach(array ? values : values.subList(0, 1), "'", "\\'");
            case "doublequote" -> quoteEach(array ? values : values.subList(0, 1), "\"", "\\\"");
            case "json" -> array
                    ? values.stream().map(GrafanaSql::json).collect(Collectors.joining(",", "[", "]"))
                    : json(values.get(0));
            case "glob" -> glob(values, array);
            case "lucene", "regex", "percentencode", "uriencode", "distributed", "queryparam", "date", "customqueryparam" ->
                    throw new IllegalArgumentException("variable format " + format + " is not meant for SQL; not supported here");
            default -> glob(values, array); // Grafana falls back to glob for an unknown format
        };
    }

    /** SqlDatasource.interpolateVariable (packages/grafana-sql). */
    private static String interpolateSqlVariable(Variable variable) {
        if (variable.isArray()) {
            return quoteEach(variable.values(), "'", "''");
        }
        String value = variable.values().get(0);
        return variable.includeAll() ? "'" + value.replace("'", "''") + "'" : value.replace("'", "''");
    }

    private static String quoteEach(List<String> values, String quote, String escapedQuote) {
        return values.stream().map(v -> quote + v.replace(quote, escapedQuote) + quote).collect(Collectors.joining(","));
    }

    private static String glob(List<String> values, boolean array) {
        if (array && values.size() > 1) {
            return "{" + String.join(",", values) + "}";
        }
        return values.get(0);
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- step 2: global substitutions (backend, sqleng) --------------------------------------

    static String globalInterpolate(String sql, TimeRange range, Duration interval) {
        return sql.replace("$__interval_ms", Long.toString(interval.toMillis()))
                .replace("$__interval", formatInterval(interval))
                .replace("$__unixEpochFrom()", Long.toString(range.from().getEpochSecond()))
                .replace("$__unixEpochTo()", Long.toString(range.to().getEpochSecond()));
    }

    /** gtime.FormatInterval. */
    static String formatInterval(Duration interval) {
        long ms = interval.toMillis();
        long second = 1000;
        long minute = 60 * second;
        long hour = 60 * minute;
        long day = 24 * hour;
        long year = 365 * day;
        if (ms >= year) {
            return ms / year + "y";
        }
        if (ms >= day) {
            return ms / day + "d";
        }
        if (ms >= hour) {
            return ms / hour + "h";
        }
        if (ms >= minute) {
            return ms / minute + "m";
        }
        if (ms >= second) {
            return ms / second + "s";
        }
        if (ms >= 1) {
            return ms + "ms";
        }
        return "1ms";
    }

    // ---- step 3: the PostgreSQL macro engine (backend) ----------------------------------------

    static String interpolateMacros(String sql, TimeRange range, boolean timescaledb) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("__timeGroup")) {
                // pre-5.3 compatibility: a ',' right after the macro means it should add AS "time"
                int index = sql.indexOf(m.group());
                if (index >= 0) {
                    index += m.group().length();
                    if (sql.length() > index && sql.charAt(index) == ',') {
                        name = "__timeGroupAlias";
                    }
                }
            }
            List<String> args = new ArrayList<>();
            for (String arg : m.group(2).split(",", -1)) {
                args.add(trimSpaces(arg));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(evaluateMacro(name, args, range, timescaledb)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String evaluateMacro(String name, List<String> args, TimeRange range, boolean timescaledb) {
        switch (name) {
            case "__time":
                return args.get(0) + " AS \"time\"";
            case "__timeEpoch":
                return "extract(epoch from " + args.get(0) + ") as \"time\"";
            case "__timeFilter":
                return args.get(0) + " BETWEEN '" + rfc3339Nano(range.from()) + "' AND '" + rfc3339Nano(range.to()) + "'";
            case "__timeFrom":
                return "'" + rfc3339Nano(range.from()) + "'";
            case "__timeTo":
                return "'" + rfc3339Nano(range.to()) + "'";
            case "__timeGroup": {
                if (args.size() < 2) {
                    throw new IllegalArgumentException("macro " + name + " needs time column and interval and optional fill value");
                }
                double seconds = parseInterval(strip(args.get(1), '\'')).toNanos() / 1e9;
                if (args.size() == 3) {
                    checkFill(args.get(2));
                }
                if (timescaledb) {
                    return "time_bucket('" + String.format(Locale.ROOT, "%.3f", seconds) + "s'," + args.get(0) + ")";
                }
                return "floor(extract(epoch from " + args.get(0) + ")/" + goFloat(seconds) + ")*" + goFloat(seconds);
            }
            case "__timeGroupAlias":
                return evaluateMacro("__timeGroup", args, range, timescaledb) + " AS \"time\"";
            case "__unixEpochFilter":
                return args.get(0) + " >= " + range.from().getEpochSecond() + " AND " + args.get(0) + " <= " + range.to().getEpochSecond();
            case "__unixEpochNanoFilter":
                return args.get(0) + " >= " + nanos(range.from()) + " AND " + args.get(0) + " <= " + nanos(range.to());
            case "__unixEpochNanoFrom":
                return nanos(range.from()).toString();
            case "__unixEpochNanoTo":
                return nanos(range.to()).toString();
            case "__unixEpochGroup": {
                if (args.size() < 2) {
                    throw new IllegalArgumentException("macro " + name + " needs time column and interval and optional fill value");
                }
                double seconds = parseInterval(strip(args.get(1), '\'')).toNanos() / 1e9;
                if (args.size() == 3) {
                    checkFill(args.get(2));
                }
                return "floor((" + args.get(0) + ")/" + goFloat(seconds) + ")*" + goFloat(seconds);
            }
            case "__unixEpochGroupAlias":
                return evaluateMacro("__unixEpochGroup", args, range, timescaledb) + " AS \"time\"";
            default:
                throw new IllegalArgumentException("unknown macro \"" + name + "\"");
        }
    }

    /** sqleng.SetupFillmode accepts NULL, previous or a number. */
    private static void checkFill(String fill) {
        if (fill.equals("NULL") || fill.equals("previous")) {
            return;
        }
        try {
            Double.parseDouble(fill);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("error parsing fill value " + fill);
        }
    }

    /** gtime.ParseInterval: {@code 5d}, {@code 2w}, {@code 1M}, {@code 1y} (calendar, UTC) or a Go duration. */
    static Duration parseInterval(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("invalid interval: empty");
        }
        Matcher unit = DATE_UNIT.matcher(text);
        if (unit.matches()) {
            int n = Integer.parseInt(unit.group(1));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            ZonedDateTime then = switch (unit.group(2)) {
                case "d" -> now.plusDays(n);
                case "w" -> now.plusDays(7L * n);
                case "M" -> now.plusMonths(n);
                default -> now.plusYears(n);
            };
            return Duration.between(now, then);
        }
        return parseGoDuration(text);
    }

    /** time.ParseDuration for non-negative durations such as {@code 1h30m}, {@code 300ms}, {@code 0}. */
    private static Duration parseGoDuration(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = GO_DURATION_PART.matcher(text);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
                throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
            }
            long unitNanos = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos)));
            at = m.end();
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** Go's {@code time.RFC3339Nano} in UTC: {@code 2024-01-31T23:00:00Z}, {@code ...:00.5Z}. */
    static String rfc3339Nano(Instant instant) {
        String seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC).format(instant);
        int nano = instant.getNano();
        if (nano == 0) {
            return seconds + "Z";
        }
        String fraction = String.format(Locale.ROOT, "%09d", nano).replaceAll("0+$", "");
        return seconds + "." + fraction + "Z";
    }

    /**
     * Go's {@code %v} of a float64 ({@code strconv 'g'} with the shortest digits): {@code %e} form when the decimal
     * exponent is below -4 or at least 6, so 86400 stays {@code 86400} but 30 days become {@code 2.592e+06}.
     */
    static String goFloat(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale(); // decimal exponent of the first digit
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + exact.abs().toPlainString();
    }

    private static BigDecimal nanos(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).multiply(BigDecimal.valueOf(1_000_000_000L))
                .add(BigDecimal.valueOf(instant.getNano()));
    }

    private static String trimSpaces(String text) {
        return strip(text, ' ');
    }

    private static String strip(String text, char c) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == c) {
            start++;
        }
        while (end > start && text.charAt(end - 1) == c) {
            end--;
        }
        return text.substring(start, end);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
