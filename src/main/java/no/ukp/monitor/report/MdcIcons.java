package no.ukp.monitor.report;

import no.ukp.monitor.spc.SpcChart;

/**
 * The "Making Data Count" variation and assurance icons as small inline SVG, drawn here after the
 * published icons (NHS England's MDC icons as shipped by NHSRplotthedots, {@code inst/icons/}
 * {@code variation/*.svg} and {@code assurance/*.svg}): a white disc in a coloured ring, a letter
 * at the top, below it five dots (variation) or a dashed target with a grey process line
 * (assurance); the icons' colours blue {@code #0072C6} (improvement, pass), orange {@code #FF6600}
 * (concern, fail), grey {@code #7F7F7F} (common cause, hit and miss). Each icon carries its words
 * as title and aria-label; the report prints the words beside it for black-and-white print.
 */
final class MdcIcons {

    static final String BLUE = "#0072C6";
    static final String ORANGE = "#FF6600";
    static final String GREY = "#7F7F7F";

    /** The dots' x positions, and their heights: flat for common cause, the last two up or down. */
    private static final int[] DOT_X = {24, 37, 50, 63, 76};
    private static final int[] COMMON_Y = {66, 60, 67, 61, 65};
    private static final int[] HIGH_Y = {70, 68, 70, 56, 50};
    private static final int[] LOW_Y = {54, 56, 54, 68, 74};

    private MdcIcons() {
    }

    /**
     * The variation icon: grey for common cause; blue (improvement) or orange (concern) with H or
     * L where the special cause lies in high or low values. Null when not assessed.
     */
    static String variation(SpcChart.Variation variation, SpcChart.Direction direction, String text) {
        if (variation == null) {
            return null;
        }
        if (variation == SpcChart.Variation.COMMON_CAUSE) {
            return icon(GREY, null, dots(GREY, GREY, COMMON_Y), text);
        }
        boolean improvement = variation == SpcChart.Variation.SPECIAL_CAUSE_IMPROVEMENT;
        String colour = improvement ? BLUE : ORANGE;
        boolean high = high(variation, direction);
        return icon(colour, high ? "H" : "L", dots(GREY, colour, high ? HIGH_Y : LOW_Y), text);
    }

    /** Whether a special cause lies in high values: an improvement where higher is better, a concern where lower is. */
    static boolean high(SpcChart.Variation variation, SpcChart.Direction direction) {
        return (variation == SpcChart.Variation.SPECIAL_CAUSE_IMPROVEMENT) == (direction == SpcChart.Direction.AT_LEAST);
    }

    /** The assurance icon: P in blue, F in orange, ? in grey (hit and miss). Null when not assessed. */
    static String assurance(SpcChart.Assurance assurance, String text) {
        if (assurance == null) {
            return null;
        }
        String colour = switch (assurance) {
            case CONSISTENT_PASS -> BLUE;
            case CONSISTENT_FAIL -> ORANGE;
            case INCONSISTENT -> GREY;
        };
        String letter = switch (assurance) {
            case CONSISTENT_PASS -> "P";
            case CONSISTENT_FAIL -> "F";
            case INCONSISTENT -> "?";
        };
        String target = "<path d='M14 58 H86' stroke='" + colour + "' stroke-width='3' stroke-dasharray='7 3' fill='none'/>";
        String process = "<polyline points='22,72 32,66 42,71 52,74 60,67 70,70 78,68' stroke='" + GREY
                + "' stroke-width='4' fill='none'/>";
        return icon(colour, letter, target + process, text);
    }

    private static String dots(String first, String last, int[] y) {
        StringBuilder line = new StringBuilder("<polyline points='");
        for (int i = 0; i < DOT_X.length; i++) {
            line.append(i == 0 ? "" : " ").append(DOT_X[i]).append(',').append(y[i]);
        }
        line.append("' stroke='").append(GREY).append("' stroke-width='4' fill='none'/>");
        for (int i = 0; i < DOT_X.length; i++) {
            line.append("<circle cx='").append(DOT_X[i]).append("' cy='").append(y[i]).append("' r='6' fill='")
                    .append(i < 3 ? first : last).append("'/>");
        }
        return line.toString();
    }

    private static String icon(String colour, String letter, String body, String text) {
        String label = escape(text);
        return "<svg xmlns='http://www.w3.org/2000/svg' class='mdc-icon' width='26' height='26' viewBox='0 0 100 100'"
                + " role='img' aria-label='" + label + "'><title>" + label + "</title>"
                + "<circle cx='50' cy='50' r='43' fill='#FFFFFF' stroke='" + colour + "' stroke-width='7'/>"
                + (letter == null ? "" : "<text x='50' y='45' text-anchor='middle' font-family='" + ReportCharts.FONT_FAMILY
                        + "' font-weight='bold' font-size='34' fill='" + colour + "'>" + letter + "</text>")
                + body + "</svg>";
    }

    /** Text for an SVG or XHTML element or a single-quoted attribute. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
