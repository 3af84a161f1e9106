package no.ukp.monitor.indicator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.reference.ScopeType;

/**
 * The answer of {@code GET /api/v1/kpis}: every indicator of the catalogue in one month and scope.
 *
 * @param month     the report month, {@code YYYY-MM}
 * @param synthetic true when the figures rest on the synthetic demo data
 */
@Schema(description = "Every UKP indicator of the catalogue for one month and scope, with values per window, targets, statuses and coverage.")
public record Kpis(String month, ScopeRef scope, Coverage coverage, boolean synthetic, String measurementStart,
                   List<Indicator> indicators) {

    /** The scope as in the contract: {@code {"type","id","name"}}. */
    public record ScopeRef(ScopeType type, String id, String name) {

        public static ScopeRef of(Scope scope) {
            return new ScopeRef(scope.type(), scope.id(), scope.name());
        }
    }

    @Schema(description = "Coverage of the status window (rolling 12 months): expected = municipalities × months, "
            + "reported = municipality-months with a somatikk row; complete when equal. Missing data never reads as good news.")
    public record Coverage(int expected, int reported, boolean complete) {
    }

    @JsonPropertyOrder({"id", "name", "direction", "unit"})
    @Schema(description = """
            One indicator of the catalogue (GET /api/v1/indicators) in this month and scope; its arithmetic is in the \
            catalogue's description and in the view indicator_value. Shares are fractions 0..1. A window without data \
            gives null, never 0.""")
    public record Indicator(
            @JsonIgnore IndicatorDefinition definition,
            @Schema(description = "the target valid in this month for this scope; ukp_days outside the total is the total target apportioned by population share")
            BigDecimal target,
            @Schema(description = "relative (fraction of the target) or absolute (in the unit)") String toleranceKind,
            BigDecimal tolerance,
            @Schema(description = "the limit between yellow and red") BigDecimal yellowLimit,
            @Schema(description = "judged on statusWindow") Status status,
            Window statusWindow,
            @Schema(description = "one value per window of the catalogue entry (month, ytd, rolling12, and projectedYear "
                    + "where listed); null where no data")
            Map<String, BigDecimal> values,
            @Schema(description = "avg_ukp_days only: the second series, mean UKP-days over all UKP stays")
            Map<String, BigDecimal> valuesAllStays) {

        @Schema(description = "an id of the catalogue, GET /api/v1/indicators")
        @JsonProperty
        public String id() {
            return definition.id();
        }

        @Schema(description = "Norwegian name")
        @JsonProperty
        public String name() {
            return definition.name();
        }

        @Schema(description = "at_most (lower is better) or at_least")
        @JsonProperty
        public String direction() {
            return definition.direction();
        }

        @Schema(description = "days, share, change or per_1000")
        @JsonProperty
        public String unit() {
            return definition.unit();
        }

        /** The value in a window, null where none. */
        public BigDecimal value(Window window) {
            return values.get(window.key());
        }
    }
}
