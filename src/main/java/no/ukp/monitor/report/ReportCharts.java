package no.ukp.monitor.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.InputStream;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.YearMonth;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.spc.SpcChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts as SVG, drawn by JFreeChart into JFreeSVG: the trend of the status window
 * with the target, and the XmR chart with mean, process limits and special-cause points in the
 * colours of "Making Data Count" (blue improvement, orange concern, grey common cause).
 */
final class ReportCharts {

    static final int WIDTH = 330;
    static final int HEIGHT = 150;
    static final String FONT_FAMILY = "DejaVu Sans";

    static final Color GREEN = new Color(0x1e, 0x7b, 0x34);
    static final Color YELLOW = new Color(0xe0, 0xa8, 0x00);
    static final Color RED = new Color(0xc6, 0x28, 0x28);
    static final Color NEUTRAL = new Color(0x9e, 0x9e, 0x9e);
    static final Color LINE = new Color(0x1f, 0x3a, 0x5f);
    static final Color TARGET = new Color(0xc6, 0x28, 0x28);
    static final Color IMPROVEMENT = new Color(0x28, 0x9d, 0xe0);
    static final Color CONCERN = new Color(0xf5, 0x8a, 0x07);
    static final Color COMMON = new Color(0x7f, 0x7f, 0x7f);
    private static final Color GRID = new Color(0xe3, 0xe3, 0xe3);
    /** A measure's start. */
    static final Color MARKER = new Color(0x5e, 0x35, 0xb1);

    private static final Stroke DASHED = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 3f}, 0f);
    private static final Stroke DOTTED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 3f}, 0f);
    private static final Shape DOT = new Ellipse2D.Double(-3, -3, 6, 6);

    /** The svg element's size comes out as width='360.0'; openhtmltopdf wants whole numbers. */
    private static final Pattern DECIMAL_SIZE = Pattern.compile("(width|height)=(['\"])(\\d+)\\.0\\2");

    static {
        registerFont("/fonts/DejaVuSans.ttf");
        registerFont("/fonts/DejaVuSans-Bold.ttf");
    }

    private ReportCharts() {
    }

    /** One month of a chart; value null where the month has none. */
    /** A measure's start drawn on a chart: a dashed vertical line at its month, labelled (T1). */
    record Marker(YearMonth month, String label) {
    }

    record Month(YearMonth month, Double value, Double target, Status status) {
    }

    /**
     * The status-window series (e.g. rolling 12 months) with the target valid each month; each
     * point is coloured by that month's status.
     */
    static String trend(String id, List<Month> months, String seriesName, NumberFormat axisFormat, List<Marker> markers) {
        XYSeries values = new XYSeries(seriesName, false, true);
        XYSeries target = new XYSeries("Mål", false, true);
        int offset = offset(months.size());
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            if (m.value() != null) {
                values.add(i + offset, m.value());
            }
            if (m.target() != null) {
                target.add(i + offset, m.target());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(values);
        data.addSeries(target);
        List<Month> withValue = months.stream().filter(m -> m.value() != null).toList();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer() {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                return series == 0 ? statusColour(withValue.get(item).status()) : super.getItemFillPaint(series, item);
            }
        };
        renderer.setUseFillPaint(true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(true);
        style(renderer, 0, LINE, new BasicStroke(2f), true);
        renderer.setSeriesOutlinePaint(0, LINE);
        style(renderer, 1, TARGET, DASHED, false);
        return svg(id, plot(data, renderer, months, axisFormat, markers));
    }

    /**
     * The XmR chart: monthly values, each phase's mean and process limits as steps over the
     * phase's months, and the target on the monthly scale.
     */
    static String xmr(String id, SpcChart chart, List<YearMonth> axis, Double target, NumberFormat axisFormat, List<Marker> markers) {
        XYSeriesCollection data = xmrData(chart, axis, target);
        List<SpcChart.Point> points = chart.points();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer() {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                if (series != 0) {
                    return super.getItemFillPaint(series, item);
                }
                return switch (points.get(item).variation()) {
                    case IMPROVEMENT -> IMPROVEMENT;
                    case CONCERN -> CONCERN;
                    case COMMON -> COMMON;
                };
            }
        };
        renderer.setUseFillPaint(true);
        renderer.setUseOutlinePaint(true);
        style(renderer, 0, NEUTRAL, new BasicStroke(1.2f), true);
        renderer.setSeriesOutlinePaint(0, NEUTRAL);
        int next = 1;
        for (int p = 0; p < limitedPhases(chart); p++) {
            style(renderer, next, LINE, new BasicStroke(1.2f), false);
            renderer.setSeriesVisibleInLegend(next++, p == 0);
            style(renderer, next, Color.GRAY, DOTTED, false);
            renderer.setSeriesVisibleInLegend(next++, p == 0);
            style(renderer, next, Color.GRAY, DOTTED, false);
            renderer.setSeriesVisibleInLegend(next++, false);
        }
        if (target != null) {
            style(renderer, next, TARGET, DASHED, false);
        }
        return svg(id, plot(data, renderer, axis.stream().map(m -> new Month(m, null, null, null)).toList(), axisFormat, markers));
    }

    /**
     * The XmR chart's series: the values; per phase with limits its mean, upper and lower limit
     * (three series, each a flat segment over the phase's months); the target across the chart.
     */
    static XYSeriesCollection xmrData(SpcChart chart, List<YearMonth> axis, Double target) {
        int offset = offset(axis.size());
        XYSeries values = new XYSeries("Måned", false, true);
        for (SpcChart.Point p : chart.points()) {
            values.add(axis.indexOf(p.month()) + offset, p.value());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(values);
        int number = 0;
        for (SpcChart.Phase phase : chart.phases()) {
            if (!phase.hasLimits()) {
                continue;
            }
            double from = index(axis, phase.from()) + offset - 0.5;
            double to = index(axis, phase.to()) + offset + 0.5;
            // series keys must differ; only the first phase's show in the legend
            String suffix = number++ == 0 ? "" : " " + number;
            data.addSeries(flat("Gjennomsnitt" + suffix, phase.mean(), from, to));
            data.addSeries(flat("Prosessgrenser" + suffix, phase.upl(), from, to));
            data.addSeries(flat("nedre" + suffix, phase.lpl(), from, to));
        }
        if (target != null) {
            data.addSeries(flat("Mål", target, offset - 0.5, axis.size() - 1 + offset + 0.5));
        }
        return data;
    }

    private static int limitedPhases(SpcChart chart) {
        return (int) chart.phases().stream().filter(SpcChart.Phase::hasLimits).count();
    }

    /** A month's place on the axis; a month before or after it sits at its edge. */
    private static int index(List<YearMonth> axis, YearMonth month) {
        if (month.isBefore(axis.get(0))) {
            return 0;
        }
        int index = axis.indexOf(month);
        return index < 0 ? axis.size() - 1 : index;
    }

    static Color statusColour(Status status) {
        if (status == null) {
            return NEUTRAL;
        }
        return switch (status) {
            case GREEN -> GREEN;
            case YELLOW -> YELLOW;
            case RED -> RED;
            case NO_DATA, NO_TARGET -> NEUTRAL;
        };
    }

    // ---- drawing ----------------------------------------------------------------------------

    private static JFreeChart plot(XYSeriesCollection data, XYLineAndShapeRenderer renderer, List<Month> months,
                                   NumberFormat axisFormat, List<Marker> markers) {
        int offset = offset(months.size());
        NumberAxis x = new NumberAxis();
        x.setRange(offset - 0.5, months.size() - 1 + offset + 0.5);
        x.setTickUnit(new NumberTickUnit(3, new MonthFormat(i -> {
            int index = i - offset;
            return index >= 0 && index < months.size() ? NorwegianFormat.shortMonth(months.get(index).month()) : "";
        })));
        x.setTickLabelFont(font(8.5f));
        x.setTickMarksVisible(false);
        x.setAxisLineVisible(false);
        NumberAxis y = new NumberAxis();
        y.setAutoRangeIncludesZero(false);
        y.setNumberFormatOverride(axisFormat);
        y.setTickLabelFont(font(8.5f));
        y.setAutoRangeMinimumSize(smallestRange(data));
        y.setAxisLineVisible(false);
        y.setTickMarksVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 2, 2, 8));
        for (Marker marker : markers) {
            int index = months.stream().map(Month::month).toList().indexOf(marker.month());
            if (index >= 0) {
                ValueMarker line = new ValueMarker(index + offset, MARKER, DASHED);
                line.setLabel(marker.label());
                line.setLabelFont(font(8f));
                line.setLabelPaint(MARKER);
                line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(line);
            }
        }
        JFreeChart chart = new JFreeChart(null, font(9f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(font(8.5f));
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(2, 2, 2, 10));
        return chart;
    }

    private static void style(XYLineAndShapeRenderer renderer, int series, Color colour, Stroke stroke, boolean shapes) {
        renderer.setSeriesPaint(series, colour);
        renderer.setSeriesStroke(series, stroke);
        renderer.setSeriesShapesVisible(series, shapes);
        renderer.setSeriesShape(series, DOT);
        renderer.setSeriesLinesVisible(series, true);
    }

    private static XYSeries flat(String name, double value, double from, double to) {
        XYSeries series = new XYSeries(name, false, true);
        series.add(from, value);
        series.add(to, value);
        return series;
    }

    /** A flat series would otherwise get a range of ±0.5 on a scale of fractions. */
    private static double smallestRange(XYSeriesCollection data) {
        double max = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                max = Math.max(max, Math.abs(data.getYValue(s, i)));
            }
        }
        return max == 0 ? 1 : max * 0.1;
    }

    /** The x axis runs over month indexes, shifted so that a tick every three months hits the report month. */
    private static int offset(int months) {
        return (3 - (months - 1) % 3) % 3;
    }

    private static String svg(String id, JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        // several charts share one HTML page: their clip-path ids must not clash
        g2.setDefsKeyPrefix(id + "-");
        // two decimals are plenty at this size, and keep the HTML page small
        g2.setGeomDoubleConverter(ReportCharts::twoDecimals);
        g2.setTransformDoubleConverter(ReportCharts::twoDecimals);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        String svg = g2.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
        Matcher m = DECIMAL_SIZE.matcher(svg);
        return m.replaceAll("$1=$2$3$2");
    }

    private static String twoDecimals(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    static Font font(float size) {
        return new Font(FONT_FAMILY, Font.PLAIN, 1).deriveFont(size);
    }

    /** The report's own font, so that the charts look the same whatever fonts the host has. */
    private static void registerFont(String resource) {
        try (InputStream in = ReportCharts.class.getResourceAsStream(resource)) {
            if (in != null) {
                GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
            }
        } catch (IOException | FontFormatException e) {
            // the charts fall back to the JVM's default sans-serif font
        }
    }

    /** Month labels for the x axis, which counts months. */
    private static final class MonthFormat extends NumberFormat {

        private final transient IntFunction<String> label;

        MonthFormat(IntFunction<String> label) {
            this.label = label;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return number == Math.rint(number) ? toAppendTo.append(label.apply((int) number)) : toAppendTo;
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(label.apply((int) number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }
}
