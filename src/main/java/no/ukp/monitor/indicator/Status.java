package no.ukp.monitor.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The status of an indicator in a month and scope, as {@code indicator_status} judges it. */
public enum Status {
    GREEN("green", 0, "Ingen avvik"),
    YELLOW("yellow", 1, "Mindre avvik, men håndteres"),
    RED("red", 2, "Kritiske avvik, når ikke målsetning"),
    /** The window has no data. */
    NO_DATA("no_data", -1, "Ingen data"),
    /** No target applies to the scope. */
    NO_TARGET("no_target", -1, "Ingen målsetning");

    private final String key;
    private final double gauge;
    private final String text;

    Status(String key, double gauge, String text) {
        this.key = key;
        this.gauge = gauge;
        this.text = text;
    }

    /** The committee's words for it, as the report and the pages show them. */
    public String text() {
        return text;
    }

    /** The value of the Prometheus gauge {@code ukp_indicator_status}: 0 green, 1 yellow, 2 red, -1 no data or no target. */
    public double gauge() {
        return gauge;
    }

    @JsonValue
    public String key() {
        return key;
    }

    /** The view's status; null (no status row) is {@link #NO_DATA}. */
    public static Status of(String key) {
        return key == null ? NO_DATA : Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown status " + key));
    }
}
