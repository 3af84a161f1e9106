package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.indicator.Window;

/**
 * Builds the report's section of one indicator from what the service loaded: values, target,
 * notes, the trend chart and the XmR chart with its verdicts. Reads the catalogue entry, never
 * the indicator's id.
 */
final class IndicatorSections {

    private IndicatorSections() {
    }

    /**
     * @param trend   the series in the status window over the chart axis
     * @param monthly the series of single months over the chart axis, for the XmR chart
     */
    static MonthlyReport.IndicatorSection section(Kpis.Indicator indicator, List<KpiRepository.Point> trend,
                                                  List<KpiRepository.Point> monthly, YearMonth month, List<YearMonth> axis,
                                                  Integer baselineYear) {
        IndicatorDefinition definition = indicator.definition();
        String id = definition.id();
        Window window = indicator.statusWindow();

        Map<YearMonth, KpiRepository.Point> trendPoints = new LinkedHashMap<>();
        trend.forEach(p -> trendPoints.put(YearMonth.parse(p.month()), p));
        List<ReportCharts.Month> trendMonths = axis.stream().map(m -> {
            KpiRepository.Point p = trendPoints.get(m);
            return p == null ? new ReportCharts.Month(m, null, null, null)
                    : new ReportCharts.Month(m, number(p.value()), number(p.target()), p.status());
        }).toList();
        // no chart where there is nothing to draw: an empty axis would show 0
        String trendSvg = trendMonths.stream().allMatch(m -> m.value() == null) ? null
                : ReportCharts.trend("trend-" + id, trendMonths, IndicatorFormat.window(window), IndicatorFormat.axis(definition));

        List<XmrChart.Observation> observations = monthly.stream()
                .filter(p -> p.value() != null)
                .map(p -> new XmrChart.Observation(YearMonth.parse(p.month()), p.value().doubleValue()))
                .toList();
        Double spcTarget = definition.monthlyTarget(indicator.target());
        XmrChart chart = XmrChart.of(observations, XmrChart.Direction.of(definition.direction()), spcTarget);
        String spcSvg = observations.isEmpty() ? null
                : ReportCharts.xmr("spc-" + id, chart, axis, spcTarget, IndicatorFormat.axis(definition));

        String statusNote = window == Window.ROLLING12 ? null
                : "Status vurdert på " + IndicatorFormat.window(window).toLowerCase() + ": " + value(indicator, window);
        String note = definition.note() == null ? null
                : definition.note().replace("{baselineYear}", baselineYear == null ? "basisåret" : baselineYear.toString());
        return new MonthlyReport.IndicatorSection(id, definition.name(),
                IndicatorFormat.target(definition, indicator.target(), baselineYear),
                value(indicator, Window.ROLLING12), value(indicator, Window.MONTH),
                extra(indicator, month), MonthlyReport.Status.of(indicator.status()), statusNote, note,
                IndicatorFormat.window(window) + ", " + NorwegianFormat.monthRange(axis.get(0), month) + ", med mål",
                trendSvg, spcSvg, spc(chart, indicator));
    }

    /** The figures beside the value: the year's projection, the companion series over all stays. */
    private static String extra(Kpis.Indicator indicator, YearMonth month) {
        if (indicator.definition().windows().contains(Window.PROJECTED_YEAR)) {
            return "Prognose for " + month.getYear() + ": " + value(indicator, Window.PROJECTED_YEAR)
                    + " · hittil i år: " + value(indicator, Window.YTD);
        }
        if (indicator.valuesAllStays() != null) {
            return "Snitt over alle UKP-opphold (også 0 døgn), siste 12 måneder: "
                    + IndicatorFormat.value(indicator.definition(), indicator.valuesAllStays().get(Window.ROLLING12.key()));
        }
        return null;
    }

    private static MonthlyReport.Spc spc(XmrChart chart, Kpis.Indicator indicator) {
        IndicatorDefinition definition = indicator.definition();
        String targetNote = definition.targetPeriod() == IndicatorDefinition.TargetPeriod.YEAR && chart.target() != null
                ? "Mål per måned: " + IndicatorFormat.value(definition, indicator.target()) + " / 12 = "
                        + IndicatorFormat.value(definition, BigDecimal.valueOf(chart.target()))
                : null;
        if (!chart.enoughPoints()) {
            return new MonthlyReport.Spc(false, chart.variation().text, "too-few", XmrChart.Assurance.NOT_ASSESSED.text,
                    "not-assessed", null, null, targetNote, List.of(),
                    "For få måneder med verdi til SPC (" + chart.points().size() + " av minst " + XmrChart.MIN_POINTS + ").");
        }
        List<String> signals = chart.signals().stream().map(s -> s.rule().text + ": " + months(chart, s.indexes())
                + " (" + (s.improvement(chart.direction()) ? "forbedring" : "bekymring") + ")").toList();
        String assuranceClass = switch (chart.assurance()) {
            case MEETS -> "meets";
            case MISSES -> "misses";
            case EITHER -> "either";
            case NOT_ASSESSED -> "not-assessed";
        };
        return new MonthlyReport.Spc(true, chart.variation().text, chart.variation().name().toLowerCase(),
                chart.assurance() == XmrChart.Assurance.NOT_ASSESSED ? "Ikke vurdert (ingen målsetning)" : chart.assurance().text,
                assuranceClass,
                "Gjennomsnitt " + IndicatorFormat.value(definition, BigDecimal.valueOf(chart.mean())),
                "prosessgrenser " + IndicatorFormat.value(definition, BigDecimal.valueOf(chart.lowerLimit())) + " til "
                        + IndicatorFormat.value(definition, BigDecimal.valueOf(chart.upperLimit())),
                targetNote, signals, null);
    }

    private static String months(XmrChart chart, List<Integer> indexes) {
        YearMonth first = chart.points().get(indexes.get(0)).month();
        YearMonth last = chart.points().get(indexes.get(indexes.size() - 1)).month();
        if (indexes.size() == 1) {
            return NorwegianFormat.month(first);
        }
        if (indexes.size() == 2 || indexes.get(indexes.size() - 1) - indexes.get(0) + 1 != indexes.size()) {
            return NorwegianFormat.list(indexes.stream().map(i -> NorwegianFormat.month(chart.points().get(i).month())).toList());
        }
        return NorwegianFormat.monthRange(first, last);
    }

    /** The indicator's value in a window, formatted. */
    static String value(Kpis.Indicator indicator, Window window) {
        return IndicatorFormat.value(indicator.definition(), indicator.value(window));
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
