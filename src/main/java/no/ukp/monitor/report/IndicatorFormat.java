package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.Window;

/**
 * How an indicator's figures read in Norwegian, from its catalogue entry (unit, decimals,
 * direction, how its target is read): "1 900", "75,9 %", "2,47 døgn", "−18,0 %", "13,1".
 */
final class IndicatorFormat {

    private IndicatorFormat() {
    }

    /**
     * A value in the indicator's unit. Shares and changes are fractions shown as percent; days with
     * no decimals are a count (UKP-døgn) and stand bare, days with decimals are a mean and say "døgn".
     */
    static String value(IndicatorDefinition indicator, BigDecimal value) {
        return switch (indicator.unit()) {
            case "share" -> NorwegianFormat.percent(value, indicator.decimals());
            case "change" -> NorwegianFormat.change(value, indicator.decimals());
            case "days" -> indicator.decimals() == 0 || value == null ? NorwegianFormat.decimal(value, indicator.decimals())
                    : NorwegianFormat.decimal(value, indicator.decimals()) + NorwegianFormat.SPACE + "døgn";
            default -> NorwegianFormat.decimal(value, indicator.decimals());
        };
    }

    /** "≤ 1 000 per år", "≥ 90 %", "≤ 2 døgn", "≤ −20 % mot 2023", "≤ 12 per 1 000 per år"; none: "Ingen målsetning". */
    static String target(IndicatorDefinition indicator, BigDecimal target, Integer baselineYear) {
        if (target == null) {
            return "Ingen målsetning";
        }
        String sign = indicator.direction().equals("at_least") ? "≥ " : "≤ ";
        String text = switch (indicator.unit()) {
            case "share" -> compact(target.movePointRight(2)) + NorwegianFormat.SPACE + "%";
            case "change" -> compact(target.movePointRight(2)) + NorwegianFormat.SPACE + "% mot "
                    + (baselineYear == null ? "basisåret" : baselineYear);
            case "per_1000" -> compact(target) + NorwegianFormat.SPACE + "per 1" + NorwegianFormat.SPACE + "000";
            // an apportioned target of a small municipality may be a couple of days: keep a decimal there
            case "days" -> indicator.decimals() == 0
                    ? target.compareTo(BigDecimal.valueOf(100)) < 0 ? NorwegianFormat.decimal(target, 1) : NorwegianFormat.integer(target)
                    : compact(target) + NorwegianFormat.SPACE + "døgn";
            default -> compact(target);
        };
        return sign + text + (indicator.targetPeriod() == IndicatorDefinition.TargetPeriod.YEAR ? " per år" : "");
    }

    /** The number format of a chart's value axis. */
    static NumberFormat axis(IndicatorDefinition indicator) {
        return switch (indicator.unit()) {
            case "share", "change" -> NorwegianFormat.pattern("0.#'" + NorwegianFormat.SPACE + "'%");
            case "days" -> indicator.decimals() == 0 ? NorwegianFormat.pattern("#,##0") : NorwegianFormat.pattern("0.0#");
            default -> NorwegianFormat.pattern("0.0#");
        };
    }

    /** "Måned", "Hittil i år", "Siste 12 måneder", "Enkel framskriving for året" (ytd × 12 / months, not the forecast). */
    static String window(Window window) {
        return switch (window) {
            case MONTH -> "Måned";
            case YTD -> "Hittil i år";
            case ROLLING12 -> "Siste 12 måneder";
            case PROJECTED_YEAR -> "Enkel framskriving for året";
        };
    }

    /** 90 → "90", 16.5 → "16,5", 2 → "2": no trailing zeros, at most two decimals. */
    private static String compact(BigDecimal value) {
        int decimals = Math.min(2, Math.max(0, value.stripTrailingZeros().scale()));
        return NorwegianFormat.decimal(value, decimals);
    }
}
