package no.ukp.monitor.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.indicator.Window;

/**
 * What UKP-days would be over the 12 months ending with {@code month} with other stays, 0-day
 * share or mean days: baseline and scenario, each judged with the target of {@code ukp_days} for
 * the scope (analysis.md). Values unrounded.
 */
public record Scenario(
        String month,
        Kpis.ScopeRef scope,
        @Schema(description = "first month of the rolling 12 months") String from,
        Figures baseline,
        Figures scenario,
        @Schema(description = "the target of ukp_days for the scope in the month (apportioned for a region or municipality); "
                + "null: no target") BigDecimal target,
        @Schema(description = "the limit of yellow (above it: red)") BigDecimal yellowLimit,
        @Schema(description = "the window the target's status is judged on") Window statusWindow,
        @Schema(description = "the rolling 12 months are complete") boolean complete) {

    /** S, Z, M̄ and the UKP-days they give, with the status. */
    public record Figures(BigDecimal stays, BigDecimal zeroDayShare, BigDecimal meanDays, BigDecimal ukpDays, Status status) {
    }

    /**
     * What the scenario changes; null keeps the baseline's.
     *
     * @param staysChange  a fraction of the stays (−0.10 = 10 % fewer), above −1
     * @param zeroDayShare the 0-day share, 0..1
     * @param meanDays     the mean UKP-days among stays with days, ≥ 0
     */
    public record Assumptions(BigDecimal staysChange, BigDecimal zeroDayShare, BigDecimal meanDays) {
    }
}
