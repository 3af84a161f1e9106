package no.ukp.monitor.report;

import java.util.List;

/**
 * The monthly report as the template shows it: every figure already formatted in Norwegian,
 * every chart an SVG element. Built by {@link MonthlyReportService}, rendered by
 * {@link ReportRenderer} to HTML and PDF alike.
 *
 * @param month        {@code YYYY-MM}
 * @param hasData      false when no indicator has a value in any window: the report says so
 * @param monthHasData false when no municipality of the scope reported for the month itself
 * @param plan         the measures of the action plan for the scope that had started by the month
 * @param change       «Hva driver endringen?»: the change of UKP-days so far this year, explained
 */
record MonthlyReport(String month, String monthText, String scopeKey, String scopeText, boolean synthetic,
                     boolean hasData, boolean monthHasData, String asOf, String generatedAt, String statusWindowText,
                     String measurementStartText, boolean beforeMeasurementStart,
                     List<IndicatorSection> indicators, Breakdown breakdown, CoverageSection coverage,
                     String readmissionNote, List<ImportLine> imports, int olderImports, List<PlanLine> plan,
                     ChangeSection change, String chosenInstant, Approval approval) {

    /**
     * The month is approved for the committee: when and by whom, and the figures of the report's
     * scope and its parts that changed since, old → new (at most {@link #MAX_CHANGES}; {@code more} the rest).
     */
    record Approval(String approvedAt, String approvedBy, List<ApprovalChanges.Row> changes, int more) {

        static final int MAX_CHANGES = 40;
    }

    /** A status as colour (css class) and the committee's words. */
    record Status(String code, String text, String word) {

        static Status of(no.ukp.monitor.indicator.Status status) {
            return switch (status) {
                case GREEN -> new Status(status.key(), status.text(), "grønn");
                case YELLOW -> new Status(status.key(), status.text(), "gul");
                case RED -> new Status(status.key(), status.text(), "rød");
                case NO_TARGET -> new Status(status.key(), status.text(), "ingen mål");
                case NO_DATA -> new Status(status.key(), status.text(), "ingen data");
            };
        }
    }

    /**
     * One indicator: name, target, the rolling-12 and the month's value, status, notes, the
     * trend and SPC charts, the SPC verdicts and its row of the "Making Data Count" summary, and
     * the forecast of the month's year (forecast.ForecastEngine) in words.
     */
    record IndicatorSection(String id, String name, String targetText, String rolling12, String monthValue,
                            String extra, Status status, String statusNote, String note, String trendCaption,
                            String trendSvg, String spcSvg, Spc spc, MdcRow mdc, String markerNote, String forecast) {
    }

    /**
     * A measure of the action plan (tiltaksplan) as the report lists it: its number on the charts
     * (T1 …), its status of the report month or the latest before (null: none set), that status's
     * comment, and the verdict on each linked indicator.
     */
    record PlanLine(String number, String title, String owner, String period, String scope, Status status, String statusMonth,
                    String comment, List<String> activities, List<String> effects, boolean synthetic) {
    }

    /**
     * One row of the "Making Data Count" summary on the first page: the variation and assurance
     * icons (SVG, null when not assessed) with their words, the latest monthly value, the target
     * on the monthly scale and the mean of the latest phase.
     */
    record MdcRow(String name, String variationIcon, String variationText, String assuranceIcon, String assuranceText,
                  String latest, String target, String mean) {
    }

    /** The verdicts of the XmR chart of the monthly values. */
    record Spc(boolean assessed, String variation, String variationClass, String assurance, String assuranceClass,
               String meanText, String limitsText, String targetNote, List<String> signals, String reason) {
    }

    /** Statuses of the regions of the total, or of the municipalities of a region. */
    record Breakdown(String title, String firstHeader, List<String> headers, List<BreakdownRow> rows) {
    }

    record BreakdownRow(String name, String coverage, List<Cell> cells) {
    }

    record Cell(String value, Status status) {
    }

    /**
     * Which municipalities have not reported: for the month itself, and month by month in the
     * status window (those missing every month listed apart).
     */
    record CoverageSection(String summary, boolean complete, List<String> missingInMonth, List<Gap> gaps,
                           List<String> missingAll) {
    }

    record Gap(String municipality, String months) {
    }

    record ImportLine(long id, String dataset, String fileName, String finishedAt, String importedBy, String rows,
                      boolean synthetic) {
    }

    /**
     * Why UKP-days changed (year to date against the same months a year earlier): the summary,
     * the waterfall (SVG), the three factors and the municipalities that changed most, every
     * figure rounded so that the shown parts add up. {@code incomplete}: some municipality-month
     * is missing in one of the windows.
     */
    record ChangeSection(boolean hasChange, String summary, String svg, List<FactorRow> factors, List<MemberRow> members,
                         String memberNote, boolean incomplete) {
    }

    /** A factor: its value a year earlier and now, and its contribution in UKP-days. */
    record FactorRow(String name, String previous, String current, String contribution) {
    }

    /** A municipality: UKP-days a year earlier and now, its change and its own three contributions. */
    record MemberRow(String name, String previous, String current, String change, String stays, String shareWithDays,
                     String meanDays) {
    }
}
