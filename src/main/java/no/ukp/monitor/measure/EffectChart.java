package no.ukp.monitor.measure;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.spc.SpcChange;
import no.ukp.monitor.spc.SpcChart;

/**
 * The small effect chart of the {@code /tiltak} page as inline SVG, drawn here rather than by
 * the report's JFreeChart because it is a different chart: the monthly values, the baseline
 * phase's mean and limits drawn across the whole chart (extended forward past the start, as the
 * months after it are judged), a vertical line at the start month, and each point coloured by its
 * variation (improvement blue, concern orange, common grey). The SVG carries its own text
 * alternative ({@link #description}).
 */
final class EffectChart {

    static final String IMPROVEMENT = "#0072C6";
    static final String CONCERN = "#FF6600";
    static final String COMMON = "#767676";
    private static final String MEAN = "#1F3A5F";
    private static final String LIMIT = "#595959";
    private static final String START = "#5E35B1";
    private static final String TEXT = "#333333";

    static final int WIDTH = 360;
    static final int HEIGHT = 140;
    private static final int LEFT = 46;
    private static final int RIGHT = 10;
    private static final int TOP = 14;
    private static final int BOTTOM = 20;

    private EffectChart() {
    }

    /** The chart as an {@code <svg>} element with {@code id} (unique on the page); null when there are no points. */
    static String svg(String id, IndicatorDefinition indicator, SpcChange change) {
        List<SpcChart.Point> points = change.points();
        if (points.isEmpty()) {
            return null;
        }
        YearMonth first = points.get(0).month();
        YearMonth last = points.get(points.size() - 1).month();
        if (last.isBefore(change.start())) {
            last = change.start();
        }
        SpcChart.Phase before = change.before();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (SpcChart.Point p : points) {
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
        }
        if (before.hasLimits()) {
            min = Math.min(min, before.lpl());
            max = Math.max(max, before.upl());
        }
        if (max - min < 1e-9) {
            max = min + Math.max(Math.abs(min) * 0.1, 1e-3);
            min = min - Math.max(Math.abs(min) * 0.1, 1e-3);
        }
        Scale scale = new Scale(first, ChronoUnit.MONTHS.between(first, last), min, max);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ukp-effect-chart\" role=\"img\" id=\"").append(id)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" aria-labelledby=\"").append(id).append("-tittel\">")
                .append("<title id=\"").append(id).append("-tittel\">").append(escape(description(indicator, change)))
                .append("</title>");
        // the value axis: its ends
        label(svg, LEFT - 4, scale.y(max) + 4, "end", format(indicator, max));
        label(svg, LEFT - 4, scale.y(min) + 4, "end", format(indicator, min));
        line(svg, LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#C8C8C8", null, 1);
        if (before.hasLimits()) {
            line(svg, LEFT, scale.y(before.mean()), WIDTH - RIGHT, scale.y(before.mean()), MEAN, null, 1.5);
            line(svg, LEFT, scale.y(before.upl()), WIDTH - RIGHT, scale.y(before.upl()), LIMIT, "4 3", 1);
            line(svg, LEFT, scale.y(before.lpl()), WIDTH - RIGHT, scale.y(before.lpl()), LIMIT, "4 3", 1);
        }
        double startX = scale.x(change.start()) - scale.step() / 2;
        line(svg, startX, TOP - 4, startX, HEIGHT - BOTTOM, START, "5 3", 1.5);
        label(svg, startX + 3, TOP - 4, "start", "Start");
        StringBuilder path = new StringBuilder();
        for (SpcChart.Point p : points) {
            path.append(path.isEmpty() ? "" : " ").append(number(scale.x(p.month()))).append(',').append(number(scale.y(p.value())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#9E9E9E\" stroke-width=\"1\" points=\"").append(path).append("\"/>");
        for (SpcChart.Point p : points) {
            svg.append("<circle r=\"3\" cx=\"").append(number(scale.x(p.month()))).append("\" cy=\"").append(number(scale.y(p.value())))
                    .append("\" fill=\"").append(colour(p.variation())).append("\"/>");
        }
        label(svg, LEFT, HEIGHT - 5, "start", PlanWords.month(first));
        label(svg, WIDTH - RIGHT, HEIGHT - 5, "end", PlanWords.month(last));
        return svg.append("</svg>").toString();
    }

    /**
     * What the chart shows, in words: the months, the baseline's mean and limits, the mean after the
     * start, and how many months after it stand out in each direction.
     */
    static String description(IndicatorDefinition indicator, SpcChange change) {
        List<SpcChart.Point> points = change.points();
        StringBuilder text = new StringBuilder(indicator.shortName()).append(", månedsverdier");
        if (points.isEmpty()) {
            return text.append(": ingen verdier.").toString();
        }
        text.append(' ').append(PlanWords.month(points.get(0).month())).append('–').append(PlanWords.month(points.get(points.size() - 1).month()))
                .append(". Tiltaket startet ").append(PlanWords.month(change.start())).append('.');
        SpcChart.Phase before = change.before();
        text.append(" Før start: ").append(months(before.n()));
        if (before.hasLimits()) {
            text.append(", gjennomsnitt ").append(format(indicator, before.mean())).append(", kontrollgrenser ")
                    .append(format(indicator, before.lpl())).append(" til ").append(format(indicator, before.upl()));
        }
        text.append(". Etter start: ").append(months(change.afterN()));
        if (change.afterMean() != null) {
            text.append(", gjennomsnitt ").append(format(indicator, change.afterMean()));
        }
        text.append('.');
        long better = points.stream().filter(p -> p.phase() == 1 && p.variation() == SpcChart.PointVariation.IMPROVEMENT).count();
        long worse = points.stream().filter(p -> p.phase() == 1 && p.variation() == SpcChart.PointVariation.CONCERN).count();
        if (before.hasLimits() && change.afterN() > 0) {
            text.append(" Måneder etter start som skiller seg ut: ").append(better).append(" i ønsket retning (blå), ")
                    .append(worse).append(" i uønsket retning (oransje).");
        }
        return text.toString();
    }

    static String colour(SpcChart.PointVariation variation) {
        return switch (variation) {
            case IMPROVEMENT -> IMPROVEMENT;
            case CONCERN -> CONCERN;
            case COMMON -> COMMON;
        };
    }

    /** Where a month and a value sit on the chart. */
    private record Scale(YearMonth first, long months, double min, double max) {

        double step() {
            return (WIDTH - LEFT - RIGHT) / (double) (months + 1);
        }

        double x(YearMonth month) {
            return LEFT + step() * (ChronoUnit.MONTHS.between(first, month) + 0.5);
        }

        double y(double value) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (max - value) / (max - min);
        }
    }

    /** A value as the page writes it: shares in percent, other units as numbers, the Norwegian decimal comma. */
    static String format(IndicatorDefinition indicator, double value) {
        boolean percent = indicator.unit().equals("share") || indicator.unit().equals("change");
        return String.format(Locale.forLanguageTag("nb"), "%." + Math.max(indicator.decimals(), percent ? 1 : 0) + "f",
                percent ? value * 100 : value) + (percent ? "\u00a0%" : "");
    }

    private static String months(int n) {
        return n + (n == 1 ? " måned" : " måneder");
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour, String dash, double width) {
        svg.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"").append(number(x2))
                .append("\" y2=\"").append(number(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(number(width)).append('"');
        if (dash != null) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append("/>");
    }

    private static void label(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"10\" fill=\"").append(TEXT).append("\" aria-hidden=\"true\">").append(escape(text)).append("</text>");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
