package no.ukp.monitor.spc;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The XmR chart of a monthly series as {@link XmrEngine} computes it: its phases with mean and
 * limits, every month with a value and the signals that flag it, the variation of the latest
 * point and the assurance of the latest phase against the target. The names are those of
 * {@code GET /api/v1/kpis/spc}; the Norwegian words for them live with whoever shows them.
 *
 * @param direction the indicator's good direction
 * @param target    the target on the scale of the monthly values, or null
 * @param phases    oldest first; phase {@code i} is {@code points[].phase == i}
 * @param points    the months with a value, oldest first
 * @param variation the latest point's, null when its phase has too few points for limits
 * @param assurance the latest phase against the target, null without target or limits
 */
public record SpcChart(Direction direction, Double target, List<Phase> phases, List<Point> points,
                       Variation variation, Assurance assurance) {

    /** One month's value; null where the month has none. */
    public record Observation(YearMonth month, Double value) {
    }

    /**
     * A run of consecutive months with its own mean and limits. {@code n} counts the months with a
     * value; with fewer than the minimum the statistics are null.
     */
    @Schema(name = "SpcPhase", description = "A run of consecutive months with its own mean, process limits and 2-sigma band; "
            + "null statistics with fewer values (n) than ukp.spc.min-points.")
    public record Phase(@Schema(type = "string", example = "2023-01") YearMonth from,
                        @Schema(type = "string", example = "2025-06") YearMonth to, int n, Double mean, Double lpl, Double upl,
                        Double lowerTwoSigma, Double upperTwoSigma) {

        /** Whether the phase has limits, and so its points signals. */
        public boolean hasLimits() {
            return mean != null;
        }
    }

    /** A month with a value, the phase it belongs to, the rules that flag it and what that means. */
    @Schema(name = "SpcPoint", description = "A month with a value: its phase (index into phases), the rules that flag it "
            + "and its variation.")
    public record Point(@Schema(type = "string", example = "2023-01") YearMonth month, double value, int phase,
                        List<Signal> signals, PointVariation variation) {
    }

    /** One rule flagging one point, upwards (above the mean, or rising) or downwards. */
    @Schema(name = "SpcSignal", type = "string", allowableValues = {"outside_limits", "shift", "trend", "two_of_three"})
    public record Signal(Rule rule, boolean up) {

        /** In the API a signal is the rule's name alone. */
        @JsonValue
        public String key() {
            return rule.key();
        }
    }

    /** Lower is better (at_most) or higher is better (at_least), as the catalogue says. */
    public enum Direction {
        AT_MOST, AT_LEAST;

        /** The catalogue's {@code direction}. */
        public static Direction of(String direction) {
            return "at_least".equals(direction) ? AT_LEAST : AT_MOST;
        }

        boolean improves(boolean up) {
            return up == (this == AT_LEAST);
        }

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The special-cause rules in the order analysis.md numbers them; {@link #rank} orders them for
     * a point flagged both ways (outside limits beats trend beats two of three beats shift).
     */
    public enum Rule {
        OUTSIDE_LIMITS(4), SHIFT(1), TREND(3), TWO_OF_THREE(2);

        final int rank;

        Rule(int rank) {
            this.rank = rank;
        }

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A point's variation: special cause in the good direction, in the bad one, or none. */
    public enum PointVariation {
        IMPROVEMENT, CONCERN, COMMON;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The series' variation: its latest point's, as the "Making Data Count" variation icon. */
    public enum Variation {
        COMMON_CAUSE, SPECIAL_CAUSE_IMPROVEMENT, SPECIAL_CAUSE_CONCERN;

        static Variation of(PointVariation point) {
            return switch (point) {
                case IMPROVEMENT -> SPECIAL_CAUSE_IMPROVEMENT;
                case CONCERN -> SPECIAL_CAUSE_CONCERN;
                case COMMON -> COMMON_CAUSE;
            };
        }

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** In the committee's words, as the report and the dashboards say it. */
        public String words() {
            return switch (this) {
                case COMMON_CAUSE -> "Vanlig variasjon";
                case SPECIAL_CAUSE_IMPROVEMENT -> "Spesiell variasjon – forbedring";
                case SPECIAL_CAUSE_CONCERN -> "Spesiell variasjon – bekymring";
            };
        }
    }

    /** Whether the process, as it runs, will meet the target every month, never, or either. */
    public enum Assurance {
        CONSISTENT_PASS, CONSISTENT_FAIL, INCONSISTENT;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** In the committee's words, as the report and the dashboards say it. */
        public String words() {
            return switch (this) {
                case CONSISTENT_PASS -> "Vil nå målet";
                case CONSISTENT_FAIL -> "Vil ikke nå målet uten endring";
                case INCONSISTENT -> "Kan både nå og ikke nå målet";
            };
        }
    }

    /** The variation in the committee's words; "Ikke vurdert" where there is none (too few points). */
    public String variationWords() {
        return variation == null ? "Ikke vurdert" : variation.words();
    }

    /** The assurance in the committee's words; where there is none, why not. */
    public String assuranceWords() {
        return assurance != null ? assurance.words() : target == null ? "Ikke vurdert (ingen målsetning)" : "Ikke vurdert";
    }

    /** The latest phase: the one the latest month belongs to; null when the series is empty. */
    public Phase latestPhase() {
        return phases.isEmpty() ? null : phases.get(phases.size() - 1);
    }
}
