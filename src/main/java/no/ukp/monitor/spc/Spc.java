package no.ukp.monitor.spc;

import java.util.List;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.reference.Scope;

/** An indicator's XmR chart in a scope, named as in the contract ({@code GET /api/v1/kpis/spc}). */
public record Spc(String indicator, Kpis.ScopeRef scope, String direction, Double target, List<SpcChart.Phase> phases,
                  List<SpcChart.Point> points, SpcChart.Variation variation, SpcChart.Assurance assurance) {

    static Spc of(IndicatorDefinition definition, Scope scope, SpcChart chart) {
        return new Spc(definition.id(), Kpis.ScopeRef.of(scope), definition.direction(), chart.target(), chart.phases(),
                chart.points(), chart.variation(), chart.assurance());
    }
}
