package no.ukp.monitor.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What an indicator is: one row of the catalogue (table {@code indicator}, rows in
 * {@code sql/R__indicator_catalogue.sql}). Everything that shows an indicator reads this instead
 * of switching on its id.
 */
@Schema(description = "One indicator of the catalogue.")
public record IndicatorDefinition(
        @Schema(description = "the id used everywhere else, e.g. ukp_days") String id,
        @Schema(description = "Norwegian name") String name,
        @Schema(description = "Norwegian short name for table headers and panel titles") String shortName,
        @Schema(description = "days | share (a fraction 0..1, shown as percent) | change (a fraction, shown as percent) | per_1000")
        String unit,
        @Schema(description = "at_most (lower is better) | at_least (higher is better)") String direction,
        @Schema(description = "decimals of the value as people see it (of the percent for shares and changes)") int decimals,
        @Schema(description = "Norwegian: what it measures and how it is computed") String description,
        @Schema(description = "the windows it has values for") List<Window> windows,
        @Schema(description = "the window its status is judged on where no target version says otherwise") Window statusWindow,
        @Schema(description = "year: the target is a yearly figure, monthly values are held against a twelfth of it; "
                + "month: the target applies to every window as it is") TargetPeriod targetPeriod,
        @Schema(description = "Norwegian note shown with it in the report, or null") String note) {

    /** How a target is read. */
    public enum TargetPeriod {
        YEAR, MONTH;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static TargetPeriod of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /** The target a single month's value is held against (SPC): a twelfth of a yearly target. */
    public Double monthlyTarget(BigDecimal target) {
        if (target == null) {
            return null;
        }
        return targetPeriod == TargetPeriod.YEAR ? target.doubleValue() / 12 : target.doubleValue();
    }
}
