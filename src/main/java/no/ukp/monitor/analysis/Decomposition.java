package no.ukp.monitor.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.indicator.Window;

/**
 * Why UKP-days changed between a window and the same window a year earlier: the change split into
 * more or fewer stays, the share of stays with days and the mean days among them (Shapley, exact,
 * analysis.md), for a scope and each of its municipalities. Values unrounded.
 */
public record Decomposition(
        String month,
        Kpis.ScopeRef scope,
        Window window,
        Period current,
        Period previous,
        @Schema(description = "current.ukpDays − previous.ukpDays; null when either window has no data") BigDecimal change,
        @Schema(description = "add up to change (within 1e-15)") Contributions contributions,
        @Schema(description = "each municipality of the scope, the largest change either way first: their changes add up "
                + "exactly to change; their contributions per factor need not add up to the scope's") List<Member> members,
        @Schema(description = "both windows complete") boolean complete) {

    /** One window: its months and sums, S, W and M. */
    public record Period(String from, String to, Long ukpDays, Long stays,
                         @Schema(description = "W = stays with days / stays (a fraction); null without stays") BigDecimal shareWithDays,
                         @Schema(description = "M = UKP-days / stays with days; null without stays with days") BigDecimal meanDays) {
    }

    /** The Shapley contributions of the three factors to a change, in UKP-days. */
    public record Contributions(BigDecimal stays, BigDecimal shareWithDays, BigDecimal meanDays) {

        /** In the order stays, share with days, mean days. */
        public List<BigDecimal> values() {
            return java.util.Arrays.asList(stays, shareWithDays, meanDays);
        }
    }

    /** A member municipality's own change and contributions. */
    public record Member(Kpis.ScopeRef scope, BigDecimal change, Contributions contributions, Period current, Period previous,
                         boolean complete) {
    }

    /** Whether there is a change to explain (both windows have data). */
    public boolean hasChange() {
        return change != null;
    }
}
