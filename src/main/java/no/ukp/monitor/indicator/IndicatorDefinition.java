package no.ukp.monitor.indicator;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
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

    /** The target a single month's value is held against (SPC): a twelfth of a yearly target ({@link #windowTarget}). */
    public Double monthlyTarget(BigDecimal target) {
        BigDecimal monthly = windowTarget(target, Window.MONTH, null);
        return monthly == null ? null : monthly.doubleValue();
    }

    /**
     * The target for the value of a window ending with {@code month} ({@code windowTarget} of the series and
     * exports): a yearly target pro rata, a twelfth for {@code month} and month-number twelfths for {@code ytd}
     * (1000 a year: 83.33 in a month, 500 by June), as it is for {@code rolling12} and {@code projectedYear};
     * any other target as it is in every window. Null without a target.
     */
    public BigDecimal windowTarget(BigDecimal target, Window window, YearMonth month) {
        if (target == null || targetPeriod != TargetPeriod.YEAR) {
            return target;
        }
        return switch (window) {
            case MONTH -> target.divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
            case YTD -> target.multiply(BigDecimal.valueOf(month.getMonthValue())).divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
            case ROLLING12, PROJECTED_YEAR -> target;
        };
    }

    /**
     * A value with the decimals people see (of the percent for shares and changes: 0.91234 with one
     * decimal is 0.912), half up; the CSV answers' values. Null stays null.
     */
    public BigDecimal rounded(BigDecimal value) {
        return value == null ? null : value.setScale(valueScale(), RoundingMode.HALF_UP);
    }

    /**
     * A target, a window's target or a statistic of the values (an SPC mean or limit) in a CSV answer:
     * two decimals more than the value (1000 / 12 = 83.33), half up, without trailing zeros.
     */
    public BigDecimal roundedTarget(BigDecimal target) {
        return target == null ? null : plain(target.setScale(valueScale() + 2, RoundingMode.HALF_UP));
    }

    private int valueScale() {
        return decimals + (unit.equals("share") || unit.equals("change") ? 2 : 0);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
