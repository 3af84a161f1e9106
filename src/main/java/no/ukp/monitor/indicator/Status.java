package no.ukp.monitor.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The status of an indicator in a month and scope, as {@code indicator_status} judges it. */
public enum Status {
    GREEN("green", 0),
    YELLOW("yellow", 1),
    RED("red", 2),
    /** The window has no data. */
    NO_DATA("no_data", -1),
    /** No target applies to the scope. */
    NO_TARGET("no_target", -1);

    private final String key;
    private final double gauge;

    Status(String key, double gauge) {
        this.key = key;
        this.gauge = gauge;
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
