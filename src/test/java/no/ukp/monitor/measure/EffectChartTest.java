package no.ukp.monitor.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.IndicatorDefinition.TargetPeriod;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.spc.SpcChange;
import no.ukp.monitor.spc.SpcChart.Direction;
import no.ukp.monitor.spc.SpcChart.Observation;
import no.ukp.monitor.spc.XmrEngine;
import org.junit.jupiter.api.Test;

/**
 * The /tiltak page's effect chart, drawn from a hand-built change: twelve months alternating 10
 * and 12 from January 2024 (mean 11, mean moving range 2, limits 11 ± 5.32 = 5.68 and 16.32),
 * then seven months of 30 from the start in January 2025. The plot area is x 46..350 (19 months,
 * 16 px each) and y 14..120 for the values 5.68 (the lower limit) .. 30 (the highest point).
 */
class EffectChartTest {

    private static final YearMonth START = YearMonth.of(2025, 1);
    private static final IndicatorDefinition DAYS = indicator("days", "at_most", "UKP-døgn <sum>");
    private static final IndicatorDefinition SHARE = indicator("share", "at_least", "Andel 0 døgn");

    @Test
    void shouldDrawTheBaselineExtendedForwardTheStartLineAndEachMonthInItsColour() {
        String svg = EffectChart.svg("effekt-1", DAYS, change(Direction.AT_MOST));

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"", "id=\"effekt-1\"",
                "aria-labelledby=\"effekt-1-tittel\"", "<title id=\"effekt-1-tittel\">");
        // the mean (11) and both limits run across the whole plot, past the start
        assertThat(svg).contains(line(46, y(11), 350, y(11)), line(46, y(16.32), 350, y(16.32)), line(46, y(5.68), 350, y(5.68)));
        // the start line sits between December 2024 (x 230) and January 2025 (x 246)
        assertThat(svg).contains("<line x1=\"238.0\" y1=\"10.0\" x2=\"238.0\" y2=\"120.0\" stroke=\"#5E35B1\"");
        List<String[]> circles = circles(svg);
        assertThat(circles).hasSize(19);
        assertThat(circles.get(0)).containsExactly("54.0", fmt(y(10)), EffectChart.COMMON);
        assertThat(circles.get(11)).containsExactly("230.0", fmt(y(12)), EffectChart.COMMON);
        // seven months of 30 above a baseline where lower is better: each a concern, in orange
        assertThat(circles.subList(12, 19)).allSatisfy(c -> assertThat(c[1]).isEqualTo(fmt(y(30))))
                .allSatisfy(c -> assertThat(c[2]).isEqualTo(EffectChart.CONCERN));
        assertThat(circles.get(18)[0]).isEqualTo("342.0");
        assertThat(svg).contains(">01.2024</text>", ">07.2025</text>", ">Start</text>");
        // text is escaped, once
        assertThat(svg).contains("UKP-døgn &lt;sum&gt;, månedsverdier").doesNotContain("<sum>");
    }

    @Test
    void shouldSayInWordsWhatTheChartShows() {
        assertThat(EffectChart.description(DAYS, change(Direction.AT_MOST))).isEqualTo("UKP-døgn <sum>, månedsverdier "
                + "01.2024–07.2025. Tiltaket startet 01.2025. Før start: 12 måneder, gjennomsnitt 11,0, kontrollgrenser 5,7 til "
                + "16,3. Etter start: 7 måneder, gjennomsnitt 30,0. Måneder etter start som skiller seg ut: 0 i ønsket retning "
                + "(blå), 7 i uønsket retning (oransje).");
        // the same step where higher is better: improvements, in blue
        assertThat(EffectChart.description(DAYS, change(Direction.AT_LEAST))).endsWith("7 i ønsket retning (blå), 0 i uønsket "
                + "retning (oransje).");
        assertThat(EffectChart.svg("e", DAYS, change(Direction.AT_LEAST))).contains("fill=\"" + EffectChart.IMPROVEMENT + "\"")
                .doesNotContain("fill=\"" + EffectChart.CONCERN + "\"");
    }

    @Test
    void shouldWriteSharesInPercentWithTheDecimalComma() {
        assertThat(EffectChart.format(SHARE, 0.8125)).isEqualTo("81,3\u00a0%");
        assertThat(EffectChart.format(DAYS, 1071)).isEqualTo("1071,0");
    }

    @Test
    void shouldDrawNothingWithoutValuesAndSaySo() {
        SpcChange empty = XmrEngine.change(List.of(), Direction.AT_MOST, START, 12);
        assertThat(EffectChart.svg("e", DAYS, empty)).isNull();
        assertThat(EffectChart.description(DAYS, empty)).isEqualTo("UKP-døgn <sum>, månedsverdier: ingen verdier.");
    }

    @Test
    void shouldLeaveOutTheLimitsWhenTheBaselineIsTooShortForThem() {
        List<Observation> series = new ArrayList<>();
        for (int k = 0; k < 9; k++) {
            series.add(new Observation(START.plusMonths(k - 2), 10.0 + k));
        }
        SpcChange change = XmrEngine.change(series, Direction.AT_MOST, START, 12);
        String svg = EffectChart.svg("e", DAYS, change);
        assertThat(svg).doesNotContain("stroke=\"#1F3A5F\"", "stroke-dasharray=\"4 3\"").contains("stroke=\"#5E35B1\"");
        assertThat(circles(svg)).hasSize(9).allSatisfy(c -> assertThat(c[2]).isEqualTo(EffectChart.COMMON));
        assertThat(EffectChart.description(DAYS, change)).contains("Før start: 2 måneder. Etter start: 7 måneder, gjennomsnitt 15,0.")
                .doesNotContain("kontrollgrenser", "skiller seg ut");
    }

    private static SpcChange change(Direction direction) {
        List<Observation> series = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            series.add(new Observation(START.minusMonths(12 - k), k % 2 == 0 ? 10.0 : 12.0));
        }
        for (int k = 0; k < 7; k++) {
            series.add(new Observation(START.plusMonths(k), 30.0));
        }
        return XmrEngine.change(series, direction, START, 12);
    }

    /** The y of a value: 14 at 30, 120 at the lower limit 11 − 2.66 × 2. */
    private static double y(double value) {
        return 14 + 106 * (30 - value) / (30 - (11 - 2.66 * 2));
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\"";
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static List<String[]> circles(String svg) {
        Matcher m = Pattern.compile("<circle r=\"3\" cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" fill=\"(#[0-9A-F]+)\"/>").matcher(svg);
        List<String[]> circles = new ArrayList<>();
        while (m.find()) {
            circles.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return circles;
    }

    private static IndicatorDefinition indicator(String unit, String direction, String shortName) {
        return new IndicatorDefinition("x", "X", shortName, unit, direction, 1, "", List.of(Window.MONTH), Window.MONTH,
                TargetPeriod.MONTH, null);
    }
}
