package no.ukp.monitor.report;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.List;

/**
 * The waterfall of the report's «Hva driver endringen?» as inline SVG: UKP-days a year earlier,
 * the contributions of stays, share of stays with days and mean days stacked on it (an increase
 * in the colour of concern, a decrease in that of improvement, as UKP-days are better lower),
 * and UKP-days now. Labels are the rounded figures the section shows, which add up.
 */
final class WaterfallChart {

    static final int WIDTH = 520;
    static final int HEIGHT = 170;
    private static final int LEFT = 10;
    private static final int TOP = 16;
    private static final int BOTTOM = 30;
    private static final int COLUMN = (WIDTH - 2 * LEFT) / 5;
    private static final int BAR = COLUMN * 3 / 5;

    private WaterfallChart() {
    }

    /** One bar: its label under it, its value (the change for a step) and the text over it. */
    record Bar(String label, BigDecimal value, String text) {
    }

    /**
     * The five bars: {@code first} (from 0), three steps stacked on it, {@code last} (from 0).
     * {@code description} is the chart's text alternative.
     */
    static String svg(String id, Bar first, List<Bar> steps, Bar last, String description) {
        double[] tops = new double[5];
        double[] bottoms = new double[5];
        double running = first.value().doubleValue();
        tops[0] = running;
        for (int i = 0; i < steps.size(); i++) {
            bottoms[i + 1] = running;
            running += steps.get(i).value().doubleValue();
            tops[i + 1] = running;
        }
        tops[4] = last.value().doubleValue();
        double min = 0;
        double max = 0;
        for (int i = 0; i < 5; i++) {
            min = Math.min(min, Math.min(tops[i], bottoms[i]));
            max = Math.max(max, Math.max(tops[i], bottoms[i]));
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        double scale = (HEIGHT - TOP - BOTTOM) / (max - min);
        double zero = TOP + max * scale;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"waterfall\" role=\"img\" id=\"").append(id)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" aria-labelledby=\"").append(id).append("-tittel\">")
                .append("<title id=\"").append(id).append("-tittel\">").append(escape(description)).append("</title>");
        svg.append(line(LEFT, zero, WIDTH - LEFT, zero));
        List<Bar> bars = new java.util.ArrayList<>();
        bars.add(first);
        bars.addAll(steps);
        bars.add(last);
        for (int i = 0; i < 5; i++) {
            Bar bar = bars.get(i);
            boolean step = i > 0 && i < 4;
            Color colour = !step ? ReportCharts.LINE
                    : bar.value().signum() > 0 ? ReportCharts.CONCERN : bar.value().signum() < 0 ? ReportCharts.IMPROVEMENT : ReportCharts.COMMON;
            double upper = zero - Math.max(tops[i], bottoms[i]) * scale;
            double lower = zero - Math.min(tops[i], bottoms[i]) * scale;
            double x = LEFT + i * COLUMN + (COLUMN - BAR) / 2.0;
            svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(upper)).append("\" width=\"").append(BAR)
                    .append("\" height=\"").append(n(Math.max(lower - upper, 1))).append("\" fill=\"").append(hex(colour)).append("\"/>");
            if (i < 4) {
                // the connector to the next bar, at the running total
                double level = zero - tops[i] * scale;
                svg.append(line(x + BAR, level, x + COLUMN, level));
            }
            svg.append(text(x + BAR / 2.0, upper - 3, bar.text(), true));
            svg.append(text(x + BAR / 2.0, HEIGHT - BOTTOM + 13, bar.label(), false));
        }
        return svg.append("</svg>").toString();
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2)
                + "\" stroke=\"#9e9e9e\" stroke-width=\"0.8\"/>";
    }

    private static String text(double x, double y, String text, boolean bold) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"middle\" font-family=\"" + ReportCharts.FONT_FAMILY
                + "\" font-size=\"9\"" + (bold ? " font-weight=\"bold\"" : "") + " fill=\"#333333\">" + escape(text) + "</text>";
    }

    private static String n(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static String hex(Color colour) {
        return String.format("#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
