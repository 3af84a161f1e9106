package no.ukp.monitor.measure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.measure.Measures.Measure;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.spc.SpcChange;
import no.ukp.monitor.spc.SpcChart;
import no.ukp.monitor.spc.SpcProperties;
import no.ukp.monitor.spc.XmrEngine;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.stereotype.Component;

/**
 * The effect of a measure on each indicator it is linked to (analysis.md): the indicator's monthly
 * series in the measure's scope from its first month with data to the latest, the months from the
 * measure's start judged against the limits of the months before it ({@link XmrEngine#change}),
 * said in plain Norwegian, and plainly that a signal shows a change, not its cause.
 */
@Component
public class MeasureEffect {

    /** The contract's answer per linked indicator. */
    public record Effect(String indicator, Period before, Period after, Double change, String verdict, String text,
                         SpcChange chart) {
    }

    /** Months with a value in a period, and their mean (null without any). */
    public record Period(String from, String to, int n, Double mean) {
    }

    private final KpiRepository kpis;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;
    private final SpcProperties spc;

    MeasureEffect(KpiRepository kpis, IndicatorCatalogue catalogue, ReferenceRepository reference, SpcProperties spc) {
        this.kpis = kpis;
        this.catalogue = catalogue;
        this.reference = reference;
        this.spc = spc;
    }

    /** One effect per linked indicator, in the catalogue's order, up to the latest month; empty without data. */
    public List<Effect> of(Measure measure) {
        return kpis.latestMonth().map(latest -> of(measure, latest)).orElse(List.of());
    }

    /** The same with the months up to {@code latest} only (the report of that month). */
    public List<Effect> of(Measure measure, YearMonth latest) {
        List<Effect> effects = new ArrayList<>();
        if (measure.indicators() == null || YearMonth.parse(measure.startMonth()).isAfter(latest)) {
            return effects;
        }
        Scope scope = reference.requireScope(measure.scope());
        YearMonth start = YearMonth.parse(measure.startMonth());
        for (IndicatorDefinition definition : catalogue.all()) {
            if (!measure.indicators().contains(definition.id()) || !definition.windows().contains(Window.MONTH)) {
                continue;
            }
            List<SpcChart.Observation> series = kpis.series(definition.id(), scope, Window.MONTH,
                    YearMonth.of(RequestMonth.FIRST_YEAR, 1), latest).stream()
                    .map(p -> new SpcChart.Observation(YearMonth.parse(p.month()), p.value() == null ? null : p.value().doubleValue()))
                    .toList();
            SpcChange change = XmrEngine.change(series, SpcChart.Direction.of(definition.direction()), start, spc.minPoints());
            Period before = new Period(change.before().n() == 0 ? null : change.before().from().toString(),
                    start.minusMonths(1).toString(), change.before().n(), baselineMean(change));
            Period after = new Period(start.toString(), latest.toString(), change.afterN(), change.afterMean());
            Double difference = before.mean() == null || after.mean() == null ? null : after.mean() - before.mean();
            effects.add(new Effect(definition.id(), before, after, difference, change.verdict().key(),
                    text(definition, change, start), change));
        }
        return effects;
    }

    /** The mean of the months before the start (the phase's own mean is null below the minimum for limits). */
    private static Double baselineMean(SpcChange change) {
        double sum = 0;
        int n = 0;
        for (SpcChart.Point p : change.points()) {
            if (p.phase() == 0) {
                sum += p.value();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** The verdict in plain Norwegian. */
    private String text(IndicatorDefinition definition, SpcChange change, YearMonth start) {
        String name = definition.name();
        return switch (change.verdict()) {
            case TOO_EARLY -> change.before().hasLimits()
                    ? "For tidlig å si: " + change.afterN() + " måned" + (change.afterN() == 1 ? "" : "er")
                            + " med tall etter start (minst " + SpcChange.MIN_AFTER + " trengs)."
                    : "For kort grunnlag før start: " + change.before().n() + " måned" + (change.before().n() == 1 ? "" : "er")
                            + " med tall (minst " + spc.minPoints() + " trengs for kontrollgrenser).";
            case IMPROVEMENT -> name + " har endret seg i ønsket retning etter " + start
                    + ". Det viser en endring, ikke at tiltaket er årsaken.";
            case CONCERN -> name + " har endret seg i uønsket retning etter " + start
                    + ". Det viser en endring, ikke hva som er årsaken.";
            case NO_CHANGE -> "Ingen tydelig endring i " + name.substring(0, 1).toLowerCase() + name.substring(1) + " etter " + start
                    + " (innenfor den vanlige variasjonen før start).";
        };
    }
}
