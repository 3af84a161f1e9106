package no.ukp.monitor.spc;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Whether a series changed from a month on, as "Making Data Count" tests a change: the months
 * before {@code start} make the baseline phase (its mean and limits, its points judged among
 * themselves); the months from {@code start} on are judged by the four rules against the
 * baseline's mean and limits extended forward, not against limits of their own.
 *
 * @param start    the first month after the baseline
 * @param before   the baseline phase (null statistics with too few values for limits)
 * @param afterN   months with a value from {@code start} on
 * @param afterMean their mean, null without any
 * @param points   every month with a value, oldest first: phase 0 before {@code start}, 1 from it on
 * @param verdict  what the months from {@code start} show
 */
public record SpcChange(YearMonth start, SpcChart.Phase before, int afterN, Double afterMean, List<SpcChart.Point> points,
                        Verdict verdict) {

    /** The fewest months after the start before a change is judged. */
    public static final int MIN_AFTER = 7;

    /**
     * {@code too_early}: fewer than {@value #MIN_AFTER} months after the start, or a baseline too
     * short for limits; {@code improvement} / {@code concern}: the latest flagged month after the
     * start points that way; {@code no_change}: none is flagged.
     */
    public enum Verdict {
        TOO_EARLY, IMPROVEMENT, CONCERN, NO_CHANGE;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
