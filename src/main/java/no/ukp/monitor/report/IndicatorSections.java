package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.forecast.Forecast;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.spc.SpcChart;
import no.ukp.monitor.spc.XmrEngine;

/**
 * Builds the report's section of one indicator from what the service loaded: values, target,
 * notes, the trend chart and the XmR chart with its verdicts ({@link XmrEngine}, worded here in
 * Norwegian). Reads the catalogue entry, never the indicator's id.
 */
final class IndicatorSections {

    private IndicatorSections() {
    }

    /**
     * @param trend   the series in the status window over the chart axis
     * @param monthly the series of single months over the chart axis, for the XmR chart
     * @param markers the starts of the measures linked to the indicator, drawn on both charts
     * @param forecast the forecast of the month's year from the months up to the report's
     */
    static MonthlyReport.IndicatorSection section(Kpis.Indicator indicator, List<KpiRepository.Point> trend,
                                                  List<KpiRepository.Point> monthly, YearMonth month, List<YearMonth> axis,
                                                  Integer baselineYear, int minPoints, List<ReportCharts.Marker> markers,
                                                  Forecast forecast) {
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
                : ReportCharts.trend("trend-" + id, trendMonths, IndicatorFormat.window(window), IndicatorFormat.axis(definition), markers);

        Double spcTarget = definition.monthlyTarget(indicator.target());
        // one phase over the chart's months, no screening: as the MDC Excel tool
        SpcChart chart = XmrEngine.chart(definition, monthly, spcTarget, List.of(), false, minPoints);
        String spcSvg = chart.points().isEmpty() ? null
                : ReportCharts.xmr("spc-" + id, chart, axis, spcTarget, IndicatorFormat.axis(definition), markers);

        String statusNote = window == Window.ROLLING12 ? null
                : "Status vurdert på " + IndicatorFormat.window(window).toLowerCase() + ": " + value(indicator, window);
        String note = definition.note() == null ? null
                : definition.note().replace("{baselineYear}", baselineYear == null ? "basisåret" : baselineYear.toString());
        return new MonthlyReport.IndicatorSection(id, definition.name(),
                IndicatorFormat.target(definition, indicator.target(), baselineYear),
                value(indicator, Window.ROLLING12), value(indicator, Window.MONTH),
                extra(indicator, month), MonthlyReport.Status.of(indicator.status()), statusNote, note,
                IndicatorFormat.window(window) + ", " + NorwegianFormat.monthRange(axis.get(0), month) + ", med mål",
                trendSvg, spcSvg, spc(chart, indicator, minPoints), mdc(chart, indicator, month, baselineYear),
                markers.isEmpty() ? null : "Stiplet lilla linje: start for " + NorwegianFormat.list(markers.stream()
                        .map(m -> "tiltak " + m.label() + " (" + NorwegianFormat.month(m.month()) + ")").toList()) + ".",
                forecast(definition, forecast));
    }

    /**
     * "Prognose for 2025 (Holt-Winters, …): 1 234, 80 % intervall 1 100–1 350, sannsynlighet for å nå målet 73 %";
     * where there is none, why.
     */
    static String forecast(IndicatorDefinition definition, Forecast forecast) {
        String head = "Prognose for " + forecast.year();
        if (forecast.forecast() == null) {
            return head + ": ingen. " + forecast.reason() + ".";
        }
        return head + " (" + forecast.method() + "): " + IndicatorFormat.value(definition, BigDecimal.valueOf(forecast.forecast()))
                + ", 80" + NorwegianFormat.SPACE + "% intervall "
                + IndicatorFormat.value(definition, BigDecimal.valueOf(forecast.lower80())) + "–"
                + IndicatorFormat.value(definition, BigDecimal.valueOf(forecast.upper80()))
                + (forecast.probabilityTargetMet() == null ? ", ingen målsetning"
                        : ", sannsynlighet for å nå målet " + NorwegianFormat.percent(BigDecimal.valueOf(forecast.probabilityTargetMet()), 0));
    }

    /** The indicator's row of the "Making Data Count" summary table. */
    static MonthlyReport.MdcRow mdc(SpcChart chart, Kpis.Indicator indicator, YearMonth month, Integer baselineYear) {
        IndicatorDefinition definition = indicator.definition();
        String variation = chart.variationWords() + (chart.variation() == null || chart.variation() == SpcChart.Variation.COMMON_CAUSE
                ? "" : MdcIcons.high(chart.variation(), chart.direction()) ? " (H: høye verdier)" : " (L: lave verdier)");
        String assurance = chart.assuranceWords();
        String latest = NorwegianFormat.MISSING;
        if (!chart.points().isEmpty()) {
            SpcChart.Point last = chart.points().get(chart.points().size() - 1);
            latest = IndicatorFormat.value(definition, BigDecimal.valueOf(last.value()))
                    + (last.month().equals(month) ? "" : " (" + NorwegianFormat.month(last.month()) + ")");
        }
        String target;
        if (chart.target() == null) {
            target = "Ingen målsetning";
        } else if (definition.targetPeriod() == IndicatorDefinition.TargetPeriod.YEAR) {
            target = (definition.direction().equals("at_least") ? "≥ " : "≤ ")
                    + IndicatorFormat.value(definition, BigDecimal.valueOf(chart.target())) + " per måned";
        } else {
            target = IndicatorFormat.target(definition, indicator.target(), baselineYear);
        }
        SpcChart.Phase phase = chart.latestPhase();
        String mean = phase == null || !phase.hasLimits() ? NorwegianFormat.MISSING
                : IndicatorFormat.value(definition, BigDecimal.valueOf(phase.mean()));
        return new MonthlyReport.MdcRow(definition.name(),
                MdcIcons.variation(chart.variation(), chart.direction(), "Variasjon: " + variation), variation,
                MdcIcons.assurance(chart.assurance(), "Måloppnåelse: " + assurance), assurance, latest, target, mean);
    }

    /** The figures beside the value: the year's simple projection (ytd × 12 / months), the companion series over all stays. */
    private static String extra(Kpis.Indicator indicator, YearMonth month) {
        if (indicator.definition().windows().contains(Window.PROJECTED_YEAR)) {
            return "Enkel framskriving for " + month.getYear() + ": " + value(indicator, Window.PROJECTED_YEAR)
                    + " · hittil i år: " + value(indicator, Window.YTD);
        }
        if (indicator.valuesAllStays() != null) {
            return "Snitt over alle UKP-opphold (også 0 døgn), siste 12 måneder: "
                    + IndicatorFormat.value(indicator.definition(), indicator.valuesAllStays().get(Window.ROLLING12.key()));
        }
        return null;
    }

    private static MonthlyReport.Spc spc(SpcChart chart, Kpis.Indicator indicator, int minPoints) {
        IndicatorDefinition definition = indicator.definition();
        String targetNote = definition.targetPeriod() == IndicatorDefinition.TargetPeriod.YEAR && chart.target() != null
                ? "Mål per måned: " + IndicatorFormat.value(definition, indicator.target()) + " / 12 = "
                        + IndicatorFormat.value(definition, BigDecimal.valueOf(chart.target()))
                : null;
        SpcChart.Phase phase = chart.latestPhase();
        if (phase == null || !phase.hasLimits()) {
            return new MonthlyReport.Spc(false, "For få måneder til SPC", "too-few", "Ikke vurdert",
                    "not-assessed", null, null, targetNote, List.of(),
                    "For få måneder med verdi til SPC (" + chart.points().size() + " av minst " + minPoints + ").");
        }
        return new MonthlyReport.Spc(true, chart.variation().words(), variationClass(chart.variation()),
                chart.assuranceWords(),
                assuranceClass(chart.assurance()),
                "Gjennomsnitt " + IndicatorFormat.value(definition, BigDecimal.valueOf(phase.mean())),
                "prosessgrenser " + IndicatorFormat.value(definition, BigDecimal.valueOf(phase.lpl())) + " til "
                        + IndicatorFormat.value(definition, BigDecimal.valueOf(phase.upl())),
                targetNote, signals(chart), null);
    }

    /** The rules as the report names them. */
    static String ruleText(SpcChart.Rule rule) {
        return switch (rule) {
            case OUTSIDE_LIMITS -> "punkt utenfor prosessgrensene";
            case SHIFT -> "7 punkter på rad på samme side av gjennomsnittet";
            case TREND -> "7 punkter på rad som stiger eller synker";
            case TWO_OF_THREE -> "2 av 3 punkter på rad utenfor 2 sigma på samme side av gjennomsnittet";
        };
    }

    private static String variationClass(SpcChart.Variation variation) {
        return switch (variation) {
            case COMMON_CAUSE -> "common";
            case SPECIAL_CAUSE_IMPROVEMENT -> "improvement";
            case SPECIAL_CAUSE_CONCERN -> "concern";
        };
    }

    private static String assuranceClass(SpcChart.Assurance assurance) {
        if (assurance == null) {
            return "not-assessed";
        }
        return switch (assurance) {
            case CONSISTENT_PASS -> "meets";
            case CONSISTENT_FAIL -> "misses";
            case INCONSISTENT -> "either";
        };
    }

    /**
     * Per rule and direction, the flagged months, consecutive points of one direction as one
     * entry: "punkt utenfor prosessgrensene: mars 2025 (bekymring)".
     */
    static List<String> signals(SpcChart chart) {
        record Entry(SpcChart.Rule rule, boolean up, List<Integer> indexes) {
        }
        List<Entry> entries = new ArrayList<>();
        for (SpcChart.Rule rule : SpcChart.Rule.values()) {
            Entry open = null;
            for (int i = 0; i < chart.points().size(); i++) {
                Boolean up = null;
                for (SpcChart.Signal s : chart.points().get(i).signals()) {
                    if (s.rule() == rule) {
                        up = s.up();
                    }
                }
                if (up == null) {
                    open = null;
                    continue;
                }
                if (open == null || open.up() != up) {
                    open = new Entry(rule, up, new ArrayList<>());
                    entries.add(open);
                }
                open.indexes().add(i);
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.indexes().get(0)).thenComparing(Entry::rule));
        return entries.stream().map(e -> ruleText(e.rule()) + ": " + months(chart, e.indexes()) + " ("
                + (chart.direction() == SpcChart.Direction.AT_LEAST == e.up() ? "forbedring" : "bekymring") + ")").toList();
    }

    private static String months(SpcChart chart, List<Integer> indexes) {
        YearMonth first = chart.points().get(indexes.get(0)).month();
        YearMonth last = chart.points().get(indexes.get(indexes.size() - 1)).month();
        if (indexes.size() == 1) {
            return NorwegianFormat.month(first);
        }
        if (indexes.size() == 2) {
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
