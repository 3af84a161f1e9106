package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ukp.monitor.spc.SpcChart;
import no.ukp.monitor.spc.XmrEngine;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The report's XmR chart draws each phase's own mean and limits over the phase's months: 24
 * months, 100 ± 5 for a year, then 60 ± 5, rebased at the thirteenth month.
 */
class ReportChartsXmrTest {

    static final YearMonth START = YearMonth.of(2023, 7);
    static final List<YearMonth> AXIS = months(24);
    /** {@code ReportCharts.offset(24)}: the x axis is shifted so that a tick every 3 months hits the last month. */
    static final int OFFSET = 1;

    @Test
    void shouldDrawEachPhasesMeanAndLimitsAsStepsOverItsMonths() {
        SpcChart chart = chart(List.of(START.plusMonths(12)));
        assertThat(chart.phases()).hasSize(2);
        SpcChart.Phase second = chart.phases().get(1);
        assertThat(second.mean()).isCloseTo(60, within(1e-9));

        XYSeriesCollection data = ReportCharts.xmrData(chart, AXIS, null);

        assertThat(keys(data)).containsExactly("Måned", "Gjennomsnitt", "Prosessgrenser", "nedre",
                "Gjennomsnitt 2", "Prosessgrenser 2", "nedre 2");
        assertSegment(data.getSeries("Gjennomsnitt"), chart.phases().get(0).mean(), 0, 11);
        assertSegment(data.getSeries("Prosessgrenser 2"), second.upl(), 12, 23);
        assertSegment(data.getSeries("nedre 2"), second.lpl(), 12, 23);
        assertSegment(data.getSeries("Gjennomsnitt 2"), second.mean(), 12, 23);
    }

    @Test
    void shouldDrawTheSecondPhasesThreeLinesInTheSvg() {
        String one = ReportCharts.xmr("spc-one", chart(List.of()), AXIS, null, NorwegianFormat.pattern("0.0#"), List.of());
        String two = ReportCharts.xmr("spc-two", chart(List.of(START.plusMonths(12))), AXIS, null, NorwegianFormat.pattern("0.0#"), List.of());

        assertThat(count(two, "stroke-dasharray") - count(one, "stroke-dasharray"))
                .as("two more dotted limit lines").isEqualTo(2);
        assertThat(count(two, "rgb(31,58,95)") - count(one, "rgb(31,58,95)"))
                .as("one more mean line").isEqualTo(1);
        assertThat(count(two, "Gjennomsnitt")).as("the legend names the mean once").isEqualTo(1);
    }

    @Test
    void shouldDrawOnePhaseAcrossItsMonthsOnly() {
        SpcChart chart = chart(List.of());

        XYSeriesCollection data = ReportCharts.xmrData(chart, AXIS, 50.0);

        assertThat(keys(data)).containsExactly("Måned", "Gjennomsnitt", "Prosessgrenser", "nedre", "Mål");
        assertSegment(data.getSeries("Gjennomsnitt"), chart.phases().get(0).mean(), 0, 23);
        assertSegment(data.getSeries("Mål"), 50, 0, 23);
    }

    private static SpcChart chart(List<YearMonth> rebases) {
        List<SpcChart.Observation> series = new ArrayList<>();
        for (int i = 0; i < AXIS.size(); i++) {
            series.add(new SpcChart.Observation(AXIS.get(i), (i < 12 ? 100.0 : 60.0) + (i % 2 == 0 ? 5 : -5)));
        }
        return XmrEngine.chart(series, SpcChart.Direction.AT_MOST, null, rebases, false, 12);
    }

    private static void assertSegment(XYSeries series, double y, int firstMonth, int lastMonth) {
        assertThat(series.getItemCount()).isEqualTo(2);
        assertThat(series.getX(0).doubleValue()).isEqualTo(firstMonth + OFFSET - 0.5);
        assertThat(series.getX(1).doubleValue()).isEqualTo(lastMonth + OFFSET + 0.5);
        assertThat(series.getY(0).doubleValue()).isCloseTo(y, within(1e-9));
        assertThat(series.getY(1).doubleValue()).isCloseTo(y, within(1e-9));
    }

    private static List<String> keys(XYSeriesCollection data) {
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            keys.add(data.getSeriesKey(s).toString());
        }
        return keys;
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<YearMonth> months(int n) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            months.add(START.plusMonths(i));
        }
        return months;
    }
}
