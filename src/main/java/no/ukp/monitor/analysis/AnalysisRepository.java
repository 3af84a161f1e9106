package no.ukp.monitor.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.reference.ScopeType;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Reads the analysis functions of {@code sql/R__analysis.sql} ({@code ukp_days_decomposition},
 * {@code ukp_days_scenario}); computes nothing itself.
 */
@Repository
public class AnalysisRepository {

    private final DSLContext dsl;

    AnalysisRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The decomposition of the change of UKP-days in {@code window} (ytd or rolling12) ending with {@code month}. */
    public Decomposition decomposition(Scope scope, YearMonth month, Window window) {
        if (window != Window.YTD && window != Window.ROLLING12) {
            throw new IllegalArgumentException("decomposition of " + window);
        }
        var rows = dsl.fetch("SELECT * FROM ukp_days_decomposition(?, ?, ?, ?)",
                scope.type().key(), scope.id(), month.atDay(1), window.key());
        Record own = rows.get(0);
        List<Decomposition.Member> members = new ArrayList<>();
        for (Record r : rows.subList(1, rows.size())) {
            members.add(new Decomposition.Member(scopeRef(r), plain(r, "change"), contributions(r), period(r, "current"),
                    period(r, "previous"), r.get("complete", Boolean.class)));
        }
        return new Decomposition(month.toString(), Kpis.ScopeRef.of(scope), window, period(own, "current"), period(own, "previous"),
                plain(own, "change"), contributions(own), members, own.get("complete", Boolean.class));
    }

    /** Baseline and scenario UKP-days over the 12 months ending with {@code month}; checks the assumptions first. */
    public Scenario scenario(Scope scope, YearMonth month, Scenario.Assumptions assumptions) {
        ScenarioAssumptions.check(assumptions);
        Record r = dsl.fetchOne("SELECT * FROM ukp_days_scenario(?, ?, ?, ?, ?, ?)",
                scope.type().key(), scope.id(), month.atDay(1),
                assumptions.staysChange(), assumptions.zeroDayShare(), assumptions.meanDays());
        String from = month.minusMonths(11).toString();
        if (r == null) {
            // the month is outside the months with data
            Scenario.Figures none = new Scenario.Figures(null, null, null, null, Status.NO_DATA);
            return new Scenario(month.toString(), Kpis.ScopeRef.of(scope), from, none, none, null, null, Window.ROLLING12, false);
        }
        String statusWindow = r.get("status_window", String.class);
        return new Scenario(month.toString(), Kpis.ScopeRef.of(scope), from,
                figures(r, "baseline"), figures(r, "scenario"), plain(r, "target"), plain(r, "yellow_limit"),
                statusWindow == null ? Window.ROLLING12 : Window.of(statusWindow).orElseThrow(),
                Boolean.TRUE.equals(r.get("complete", Boolean.class)));
    }

    private static Scenario.Figures figures(Record r, String prefix) {
        String status = r.get(prefix + "_status", String.class);
        return new Scenario.Figures(plain(r, prefix + "_stays"), plain(r, prefix + "_zero_day_share"),
                plain(r, prefix + "_mean_days"), plain(r, prefix + "_ukp_days"), Status.of(status));
    }

    private static Kpis.ScopeRef scopeRef(Record r) {
        return new Kpis.ScopeRef(ScopeType.MUNICIPALITY, r.get("scope_id", String.class),
                r.get("scope_name", String.class));
    }

    private static Decomposition.Period period(Record r, String prefix) {
        return new Decomposition.Period(YearMonth.from(r.get(prefix + "_from", LocalDate.class)).toString(),
                YearMonth.from(r.get(prefix + "_to", LocalDate.class)).toString(),
                r.get(prefix + "_ukp_days", Long.class), r.get(prefix + "_stays", Long.class),
                plain(r, prefix + "_share_with_days"), plain(r, prefix + "_mean_days"));
    }

    private static Decomposition.Contributions contributions(Record r) {
        return new Decomposition.Contributions(plain(r, "contribution_stays"), plain(r, "contribution_share_with_days"),
                plain(r, "contribution_mean_days"));
    }

    /** 0.8500000000000000 → 0.85, 312.0000000000000000 → 312 (as the KPI API writes them). */
    private static BigDecimal plain(Record r, String column) {
        BigDecimal value = r.get(column, BigDecimal.class);
        return value == null ? null : value.stripTrailingZeros();
    }
}
