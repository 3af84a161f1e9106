package no.ukp.monitor.indicator;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/kpis}: the six indicators of one month and scope.
 *
 * @param month     the report month, {@code YYYY-MM}
 * @param synthetic true when the figures rest on the synthetic demo data
 */
@Schema(description = "The six UKP indicators for one month and scope, with values per window, targets, statuses and coverage.")
public record Kpis(String month, ScopeRef scope, Coverage coverage, boolean synthetic, String measurementStart,
                   List<Indicator> indicators) {

    /** The scope as in the contract: {@code {"type","id","name"}}. */
    public record ScopeRef(String type, String id, String name) {
    }

    @Schema(description = "Coverage of the status window (rolling 12 months): expected = municipalities × months, "
            + "reported = municipality-months with a somatikk row; complete when equal. Missing data never reads as good news.")
    public record Coverage(int expected, int reported, boolean complete) {
    }

    @Schema(description = """
            One indicator. Arithmetic (area somatikk, sums over the window's months and the scope's municipalities):
            ukp_days = Σ ukp_days (projectedYear = ytd × 12 / month number);
            zero_day_share = Σ zero_day_stays / Σ ukp_stays;
            avg_ukp_days = Σ ukp_days / Σ (ukp_stays − zero_day_stays), mean over stays with at least one UKP-day \
            (valuesAllStays: Σ ukp_days / Σ ukp_stays, the mean over all UKP stays);
            direct_home_share = Σ discharged_home / Σ ukp_stays;
            readmission_30d_share = Σ readmissions_30d / Σ ukp_stays over the rows where readmissions are known;
            short_term_los_change = (Σ los_days / Σ discharges) / (the same in the same calendar months of the baseline year) − 1.
            Shares are fractions 0..1. A window without data gives null, never 0.""")
    public record Indicator(
            @Schema(description = "ukp_days | zero_day_share | avg_ukp_days | direct_home_share | readmission_30d_share | short_term_los_change")
            String id,
            @Schema(description = "Norwegian name") String name,
            @Schema(description = "at_most (lower is better) or at_least") String direction,
            @Schema(description = "days, share or change") String unit,
            @Schema(description = "the target valid in this month for this scope; ukp_days outside the total is the total target apportioned by population share")
            BigDecimal target,
            @Schema(description = "relative (fraction of the target) or absolute (in the unit)") String toleranceKind,
            BigDecimal tolerance,
            @Schema(description = "the limit between yellow and red") BigDecimal yellowLimit,
            @Schema(description = "green | yellow | red | no_data | no_target, judged on statusWindow") String status,
            String statusWindow,
            @Schema(description = "month, ytd, rolling12 (and projectedYear for ukp_days); null where no data")
            Map<String, BigDecimal> values,
            @Schema(description = "avg_ukp_days only: the second series, mean UKP-days over all UKP stays")
            Map<String, BigDecimal> valuesAllStays) {
    }
}
