package no.ukp.monitor.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The windows of months an indicator is computed over, for a report month M. */
public enum Window {
    /** M alone. */
    MONTH("month"),
    /** January..M of M's year. */
    YTD("ytd"),
    /** The 12 months ending with M. */
    ROLLING12("rolling12"),
    /** ytd × 12 / months elapsed; only for indicators whose catalogue lists it. */
    PROJECTED_YEAR("projectedYear");

    private final String key;

    Window(String key) {
        this.key = key;
    }

    /** The name in the API, the views and the catalogue, e.g. {@code rolling12}. */
    @JsonValue
    public String key() {
        return key;
    }

    public static Optional<Window> of(String key) {
        return Arrays.stream(values()).filter(w -> w.key.equals(key)).findFirst();
    }

    /** For names the database guarantees (check constraints). */
    static Window known(String key) {
        return of(key).orElseThrow(() -> new IllegalStateException("unknown window " + key));
    }
}
