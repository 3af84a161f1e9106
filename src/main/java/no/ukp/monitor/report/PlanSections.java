package no.ukp.monitor.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.measure.MeasureEffect;
import no.ukp.monitor.measure.PlanWords;
import no.ukp.monitor.measure.Measures.Measure;
import no.ukp.monitor.measure.Measures.StatusEntry;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.reference.ScopeType;

/**
 * The report's "Tiltaksplan": the measures for its scope that had started by its month (and had
 * not ended more than a year before), numbered T1 … in the plan's order, each with its status of
 * that month or the latest before, the comment, the activities and the verdict on each linked
 * indicator as of that month; and where each started, for the indicators' charts.
 */
final class PlanSections {

    /** Measures that ended longer ago than this are left out. */
    static final int ENDED_MONTHS = 12;

    private PlanSections() {
    }

    /** The plan's lines and, per indicator id, the markers of the measures linked to it. */
    record Plan(List<MonthlyReport.PlanLine> lines, Map<String, List<ReportCharts.Marker>> markers) {
    }

    static Plan plan(List<Measure> measures, Scope scope, YearMonth month, Function<String, String> scopeName,
                     Function<Measure, List<MeasureEffect.Effect>> effects, Map<String, IndicatorDefinition> indicators) {
        List<MonthlyReport.PlanLine> lines = new ArrayList<>();
        Map<String, List<ReportCharts.Marker>> markers = new LinkedHashMap<>();
        for (Measure measure : measures) {
            YearMonth start = YearMonth.parse(measure.startMonth());
            YearMonth end = measure.endMonth() == null ? null : YearMonth.parse(measure.endMonth());
            if (start.isAfter(month) || end != null && end.isBefore(month.minusMonths(ENDED_MONTHS)) || !concerns(measure, scope)) {
                continue;
            }
            String number = "T" + (lines.size() + 1);
            StatusEntry status = measure.statuses().stream().filter(s -> !YearMonth.parse(s.month()).isAfter(month))
                    .findFirst().orElse(null);
            List<String> verdicts = effects.apply(measure).stream()
                    .map(e -> indicators.get(e.indicator()).shortName() + ": " + e.text()).toList();
            lines.add(new MonthlyReport.PlanLine(number, measure.title(), measure.owner(),
                    PlanWords.period(start, end),
                    scopeName.apply(measure.scope()),
                    status == null ? null : MonthlyReport.Status.of(no.ukp.monitor.indicator.Status.of(status.status())),
                    status == null ? null : NorwegianFormat.month(YearMonth.parse(status.month())),
                    status == null ? null : status.comment(),
                    measure.activities() == null ? List.of() : measure.activities().stream().map(Measure::title).toList(),
                    verdicts, measure.synthetic()));
            for (String indicator : measure.indicators()) {
                markers.computeIfAbsent(indicator, k -> new ArrayList<>()).add(new ReportCharts.Marker(start, number));
            }
        }
        return new Plan(lines, markers);
    }

    /** The whole plan in the community's report; a region's or a municipality's own measures and the community's in theirs. */
    private static boolean concerns(Measure measure, Scope scope) {
        if (scope.type() == ScopeType.TOTAL || measure.scope().equals("total") || measure.scope().equals(scope.key())) {
            return true;
        }
        return measure.scope().startsWith("municipality:")
                && scope.municipalities().contains(measure.scope().substring("municipality:".length()));
    }
}
