package no.ukp.monitor.grafana;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough PromQL and Prometheus text format to check that the dashboards' expressions name
 * metrics and labels the service exposes: the series selectors of an expression, and the series
 * of an {@code /actuator/prometheus} scrape.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "atan2", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PromQl() {
    }

    record Matcher(String label, String op, String value) {

        @Override
        public String toString() {
            return label + op + '"' + value + '"';
        }
    }

    record Selector(String metric, List<Matcher> matchers) {

        @Override
        public String toString() {
            return metric + matchers;
        }
    }

    /** The series selectors ({@code metric{label="value"}}) of an expression. */
    static List<Selector> selectors(String expr) {
        String text = expr
                .replaceAll("\\[[^\\]]*]", " ")                                              // range and subquery durations
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
        List<Selector> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') { // a string outside a selector, e.g. label_replace arguments
                int end = text.indexOf(c, i + 1);
                i = end < 0 ? text.length() : end + 1;
                continue;
            }
            if (c == '{') { // a selector without a metric name: {__name__="..."}
                int end = closingBrace(text, i);
                result.add(new Selector("", matchers(text.substring(i + 1, end))));
                i = end + 1;
                continue;
            }
            java.util.regex.Matcher id = IDENTIFIER.matcher(text);
            if ((Character.isLetter(c) || c == '_' || c == ':') && id.find(i) && id.start() == i
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.')) {
                String name = id.group();
                int after = skipSpaces(text, id.end());
                if (after < text.length() && text.charAt(after) == '(') {
                    i = id.end(); // a function or an aggregation
                    continue;
                }
                if (KEYWORDS.contains(name)) {
                    i = id.end();
                    continue;
                }
                List<Matcher> matchers = List.of();
                int next = id.end();
                if (after < text.length() && text.charAt(after) == '{') {
                    int end = closingBrace(text, after);
                    matchers = matchers(text.substring(after + 1, end));
                    next = end + 1;
                }
                result.add(new Selector(name, matchers));
                i = next;
                continue;
            }
            i++;
        }
        return result;
    }

    private static List<Matcher> matchers(String inside) {
        List<Matcher> result = new ArrayList<>();
        java.util.regex.Matcher m = MATCHER.matcher(inside);
        while (m.find()) {
            result.add(new Matcher(m.group(1), m.group(2), m.group(3)));
        }
        return result;
    }

    private static int closingBrace(String text, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed { in " + text);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Every series of a scrape, by metric name: the label sets. */
    static Map<String, List<Map<String, String>>> parseExposition(String exposition) {
        Map<String, List<Map<String, String>>> series = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            if (brace >= 0 && (space < 0 || brace < space)) {
                name = line.substring(0, brace);
                int end = closingBrace(line, brace);
                java.util.regex.Matcher m = MATCHER.matcher(line.substring(brace + 1, end));
                while (m.find()) {
                    labels.put(m.group(1), m.group(3).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            } else {
                name = line.substring(0, space);
            }
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(labels);
        }
        return series;
    }
}
