package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.reference.Municipality;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import org.springframework.stereotype.Service;

/**
 * Puts the monthly report together: the six indicators of {@link KpiRepository} (values,
 * targets, statuses), their series for the trend and XmR charts, the statuses by region or
 * municipality, the coverage, the notes and the imports, all formatted in Norwegian.
 */
@Service
class MonthlyReportService {

    static final int CHART_MONTHS = 24;
    static final int MAX_IMPORTS = 10;

    private static final Map<String, String> SHORT_NAMES = Map.of(
            "ukp_days", "UKP-døgn",
            "zero_day_share", "0 døgn",
            "avg_ukp_days", "Liggetid UKP",
            "direct_home_share", "Rett hjem",
            "readmission_30d_share", "Reinnleggelser",
            "short_term_los_change", "Korttid, endring");
    private static final Map<String, String> DATASETS = Map.of(
            "monthly-statistics", "Månedsstatistikk",
            "short-term-stays", "Korttidsopphold",
            "population", "Folketall",
            "snapshots", "Øyeblikksbilder");
    static final String ZERO_DAY_NOTE = "Andelen med 0 døgn avhenger av hvordan sykehuset registrerer UKP-opphold: "
            + "Helsedirektoratet påpeker at sykehusene i Midt-Norge registrerer få UKP-opphold med 0 døgn.";

    private final KpiRepository kpis;
    private final ReferenceRepository reference;
    private final ReportRepository data;
    private final ReportRenderer renderer;
    private final Clock clock;

    MonthlyReportService(KpiRepository kpis, ReferenceRepository reference, ReportRepository data, ReportRenderer renderer,
                         Clock clock) {
        this.kpis = kpis;
        this.reference = reference;
        this.data = data;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** The report of a month and scope as a PDF or a stand-alone HTML page. */
    byte[] render(YearMonth month, Scope scope, ReportFormat format) {
        return render(build(month, scope), format);
    }

    byte[] render(MonthlyReport report, ReportFormat format) {
        return switch (format) {
            case PDF -> renderer.pdf(report);
            case HTML -> renderer.html(report, scopes()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    /** The page shown while there is nothing to report. */
    String emptyPage() {
        return renderer.empty();
    }

    /** "2025-06" → the month; anything else a Norwegian message. */
    static YearMonth parseMonth(String text) {
        try {
            return no.ukp.monitor.system.RequestMonth.parse(text);
        } catch (org.springframework.web.server.ResponseStatusException e) {
            throw new IllegalArgumentException(e.getReason());
        }
    }

    /** "ukp-manedsrapport-2025-06-region-fjellregionen.pdf". */
    static String fileName(YearMonth month, Scope scope, ReportFormat format) {
        return "ukp-manedsrapport-" + month + "-" + scope.key().replace(':', '-') + "." + format.extension();
    }

    /** The latest month with monthly statistics: the month the start page shows. */
    Optional<YearMonth> latestMonth() {
        return kpis.latestMonth();
    }

    /** {@code total}, {@code region:<id>} or {@code municipality:<number>}. */
    Optional<Scope> scope(String written) {
        return reference.scope(written);
    }

    /** Every scope a report can be made for, for the start page's chooser. */
    List<Scope> scopes() {
        return reference.scopes();
    }

    MonthlyReport build(YearMonth month, Scope scope) {
        Kpis k = kpis.kpis(month, scope);
        Map<String, Municipality> municipalities = reference.municipalities().stream()
                .collect(Collectors.toMap(Municipality::number, Function.identity()));
        YearMonth windowStart = month.minusMonths(11);
        List<YearMonth> axis = Stream.iterate(month.minusMonths(CHART_MONTHS - 1), m -> m.plusMonths(1))
                .limit(CHART_MONTHS).toList();
        Set<ReportRepository.Reported> reported = data.reported(scope.municipalities(), windowStart, month);
        List<String> reportedInMonth = scope.municipalities().stream()
                .filter(n -> reported.contains(new ReportRepository.Reported(n, month))).toList();
        // the month counts as reported when a municipality sent its monthly statistics (short-term ward rows alone do not)
        boolean monthHasData = !reportedInMonth.isEmpty();
        boolean hasData = k.indicators().stream().anyMatch(i -> i.values().values().stream().anyMatch(Objects::nonNull));
        Integer baselineYear = data.baselineYear().orElse(null);
        YearMonth measurementStart = k.measurementStart() == null ? null : YearMonth.parse(k.measurementStart());

        List<String> unknownReadmissions = data.readmissionsUnknown(scope.municipalities(), month);
        String readmissionNote = unknownReadmissions.isEmpty() ? null
                : "Reinnleggelser innen 30 døgn for " + NorwegianFormat.month(month) + " er ennå ikke kjent for "
                        + unknownReadmissions.size() + " av " + reportedInMonth.size() + " kommuner som har rapportert"
                        + (unknownReadmissions.size() <= 5 ? " (" + NorwegianFormat.list(names(unknownReadmissions, municipalities)) + ")" : "")
                        + "; tallet blir kjent 30 dager etter månedsslutt. Andelen regnes bare over opphold der tallet er kjent, "
                        + "et ukjent tall teller ikke som 0.";

        List<MonthlyReport.IndicatorSection> sections = new ArrayList<>();
        for (Kpis.Indicator indicator : k.indicators()) {
            sections.add(section(indicator, scope, month, axis, baselineYear, readmissionNote));
        }

        List<ReportRepository.ImportUsed> imports = data.importsUsed(scope.municipalities(),
                month.minusMonths(CHART_MONTHS + 11L), month, baselineYear);
        return new MonthlyReport(month.toString(), NorwegianFormat.month(month), scope.key(), scopeText(scope),
                k.synthetic(), hasData, monthHasData,
                data.lastImportAt().map(NorwegianFormat::dateTime).orElse("ingen importer"),
                NorwegianFormat.dateTime(OffsetDateTime.now(clock)),
                NorwegianFormat.monthRange(windowStart, month),
                measurementStart == null ? null : NorwegianFormat.month(measurementStart),
                measurementStart != null && month.isBefore(measurementStart),
                sections, breakdown(month, scope, k), coverage(k, scope, month, windowStart, reported, municipalities),
                readmissionNote,
                imports.stream().limit(MAX_IMPORTS).map(MonthlyReportService::importLine).toList(),
                Math.max(0, imports.size() - MAX_IMPORTS));
    }

    // ---- one indicator ----------------------------------------------------------------------

    private MonthlyReport.IndicatorSection section(Kpis.Indicator indicator, Scope scope, YearMonth month,
                                                   List<YearMonth> axis, Integer baselineYear, String readmissionNote) {
        String id = indicator.id();
        YearMonth from = axis.get(0);
        String window = indicator.statusWindow();

        Map<YearMonth, KpiRepository.Point> trendPoints = byMonth(kpis.series(id, scope, window, from, month));
        List<ReportCharts.Month> trend = axis.stream().map(m -> {
            KpiRepository.Point p = trendPoints.get(m);
            return p == null ? new ReportCharts.Month(m, null, null, null)
                    : new ReportCharts.Month(m, number(p.value()), number(p.target()), p.status());
        }).toList();
        // no chart where there is nothing to draw: an empty axis would show 0
        String trendSvg = trend.stream().allMatch(m -> m.value() == null) ? null
                : ReportCharts.trend("trend-" + id, trend, windowName(window), axisFormat(indicator));

        List<XmrChart.Observation> monthly = kpis.series(id, scope, "month", from, month).stream()
                .filter(p -> p.value() != null)
                .map(p -> new XmrChart.Observation(YearMonth.parse(p.month()), p.value().doubleValue()))
                .toList();
        // ukp_days has a yearly target; the monthly values are held against a twelfth of it
        boolean yearly = id.equals("ukp_days");
        Double spcTarget = indicator.target() == null ? null
                : yearly ? indicator.target().doubleValue() / 12 : indicator.target().doubleValue();
        XmrChart chart = XmrChart.of(monthly, XmrChart.Direction.of(indicator.direction()), spcTarget);
        String spcSvg = monthly.isEmpty() ? null : ReportCharts.xmr("spc-" + id, chart, axis, spcTarget, axisFormat(indicator));

        String statusNote = window.equals("rolling12") ? null
                : "Status vurdert på " + windowName(window).toLowerCase() + ": " + value(indicator, indicator.values().get(window));
        String note = switch (id) {
            case "zero_day_share" -> ZERO_DAY_NOTE;
            case "readmission_30d_share" -> readmissionNote;
            case "short_term_los_change" -> "Endring i gjennomsnittlig liggetid på korttidsopphold (alle enheter i utvalget) "
                    + "mot de samme månedene i " + (baselineYear == null ? "basisåret" : baselineYear) + ".";
            default -> null;
        };
        String extra = switch (id) {
            case "ukp_days" -> "Prognose for " + month.getYear() + ": " + value(indicator, indicator.values().get("projectedYear"))
                    + " · hittil i år: " + value(indicator, indicator.values().get("ytd"));
            case "avg_ukp_days" -> indicator.valuesAllStays() == null ? null
                    : "Snitt over alle UKP-opphold (også 0 døgn), siste 12 måneder: "
                            + value(indicator, indicator.valuesAllStays().get("rolling12"));
            default -> null;
        };
        return new MonthlyReport.IndicatorSection(id, indicator.name(), targetText(indicator, baselineYear),
                value(indicator, indicator.values().get("rolling12")), value(indicator, indicator.values().get("month")),
                extra, MonthlyReport.Status.of(indicator.status()), statusNote, note,
                windowName(window) + ", " + NorwegianFormat.monthRange(from, month) + ", med mål",
                trendSvg, spcSvg, spc(chart, indicator, yearly));
    }

    private static MonthlyReport.Spc spc(XmrChart chart, Kpis.Indicator indicator, boolean yearly) {
        String targetNote = yearly && chart.target() != null
                ? "Mål per måned: " + NorwegianFormat.integer(indicator.target()) + " / 12 = "
                        + NorwegianFormat.integer(BigDecimal.valueOf(chart.target()))
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
                "Gjennomsnitt " + value(indicator, BigDecimal.valueOf(chart.mean())),
                "prosessgrenser " + value(indicator, BigDecimal.valueOf(chart.lowerLimit())) + " til "
                        + value(indicator, BigDecimal.valueOf(chart.upperLimit())),
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

    // ---- breakdown, coverage ----------------------------------------------------------------

    private MonthlyReport.Breakdown breakdown(YearMonth month, Scope scope, Kpis total) {
        List<Scope> parts;
        String title;
        String first;
        if (scope.type().equals("total")) {
            parts = reference.regions().stream()
                    .map(r -> new Scope("region", r.id(), r.name(), r.municipalities())).toList();
            title = "Status per kommuneregion";
            first = "Region";
        } else if (scope.type().equals("region")) {
            Map<String, Municipality> all = reference.municipalities().stream()
                    .collect(Collectors.toMap(Municipality::number, Function.identity()));
            parts = scope.municipalities().stream().map(all::get).filter(Objects::nonNull)
                    .map(m -> new Scope("municipality", m.number(), m.name(), List.of(m.number()))).toList();
            title = "Status per kommune";
            first = "Kommune";
        } else {
            return null;
        }
        List<String> headers = total.indicators().stream().map(i -> SHORT_NAMES.getOrDefault(i.id(), i.name())).toList();
        List<MonthlyReport.BreakdownRow> rows = new ArrayList<>();
        for (Scope part : parts) {
            Kpis k = kpis.kpis(month, part);
            List<MonthlyReport.Cell> cells = k.indicators().stream()
                    .map(i -> new MonthlyReport.Cell(value(i, i.values().get(i.statusWindow())), MonthlyReport.Status.of(i.status())))
                    .toList();
            rows.add(new MonthlyReport.BreakdownRow(part.name(),
                    k.coverage().reported() + " av " + k.coverage().expected(), cells));
        }
        return new MonthlyReport.Breakdown(title, first, headers, rows);
    }

    private static MonthlyReport.CoverageSection coverage(Kpis k, Scope scope, YearMonth month, YearMonth windowStart,
                                                         Set<ReportRepository.Reported> reported,
                                                         Map<String, Municipality> municipalities) {
        List<String> missingInMonth = new ArrayList<>();
        List<MonthlyReport.Gap> gaps = new ArrayList<>();
        List<String> missingAll = new ArrayList<>();
        List<YearMonth> window = Stream.iterate(windowStart, m -> m.plusMonths(1)).limit(12).toList();
        for (String number : scope.municipalities().stream().sorted(Comparator.comparing(n -> name(n, municipalities))).toList()) {
            Set<YearMonth> have = ReportRepository.months(reported, number);
            if (!have.contains(month)) {
                missingInMonth.add(name(number, municipalities));
            }
            List<YearMonth> missing = window.stream().filter(m -> !have.contains(m)).toList();
            if (missing.size() == window.size()) {
                missingAll.add(name(number, municipalities));
            } else if (!missing.isEmpty()) {
                gaps.add(new MonthlyReport.Gap(name(number, municipalities), runs(missing)));
            }
        }
        String summary = k.coverage().reported() + " av " + k.coverage().expected() + " kommune-måneder er rapportert for "
                + NorwegianFormat.monthRange(windowStart, month) + " (" + scope.municipalities().size() + " kommuner × 12 måneder)"
                + (k.coverage().complete() ? "; dekningen er komplett." : "; dekningen er ufullstendig.");
        return new MonthlyReport.CoverageSection(summary, k.coverage().complete(), missingInMonth, gaps, missingAll);
    }

    /** Missing months as runs: "september–desember 2024 og mars 2025". */
    static String runs(List<YearMonth> months) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= months.size(); i++) {
            if (i == months.size() || !months.get(i).equals(months.get(i - 1).plusMonths(1))) {
                YearMonth a = months.get(start);
                YearMonth b = months.get(i - 1);
                parts.add(a.equals(b) ? NorwegianFormat.month(a) : NorwegianFormat.monthRange(a, b));
                start = i;
            }
        }
        return NorwegianFormat.list(parts);
    }

    // ---- formatting -------------------------------------------------------------------------

    /** A value of the indicator in its unit: "1 900", "75,9 %", "2,47 døgn", "−18,0 %". */
    static String value(Kpis.Indicator indicator, BigDecimal value) {
        return switch (indicator.unit()) {
            case "share" -> NorwegianFormat.percent(value, 1);
            case "change" -> NorwegianFormat.change(value, 1);
            default -> indicator.id().equals("ukp_days") ? NorwegianFormat.integer(value)
                    : value == null ? NorwegianFormat.MISSING : NorwegianFormat.decimal(value, 2) + NorwegianFormat.SPACE + "døgn";
        };
    }

    /** "≤ 1 000 per år", "≥ 90 %", "≤ 2 døgn", "≤ −20 % mot 2023"; no target: "Ingen målsetning". */
    static String targetText(Kpis.Indicator indicator, Integer baselineYear) {
        BigDecimal target = indicator.target();
        if (target == null) {
            return "Ingen målsetning";
        }
        String sign = indicator.direction().equals("at_least") ? "≥ " : "≤ ";
        return sign + switch (indicator.unit()) {
            case "share" -> compact(target.movePointRight(2)) + NorwegianFormat.SPACE + "%";
            case "change" -> compact(target.movePointRight(2)) + NorwegianFormat.SPACE + "% mot "
                    + (baselineYear == null ? "basisåret" : baselineYear);
            // an apportioned target of a small municipality may be a couple of days: keep a decimal there
            default -> indicator.id().equals("ukp_days")
                    ? (target.compareTo(BigDecimal.valueOf(100)) < 0 ? NorwegianFormat.decimal(target, 1) : NorwegianFormat.integer(target)) + " per år"
                    : compact(target) + NorwegianFormat.SPACE + "døgn";
        };
    }

    /** 90 → "90", 16.5 → "16,5", 2 → "2": no trailing zeros, at most two decimals. */
    private static String compact(BigDecimal value) {
        int decimals = Math.min(2, Math.max(0, value.stripTrailingZeros().scale()));
        return NorwegianFormat.decimal(value, decimals);
    }

    private static NumberFormat axisFormat(Kpis.Indicator indicator) {
        return switch (indicator.unit()) {
            case "share", "change" -> NorwegianFormat.pattern("0.#'" + NorwegianFormat.SPACE + "'%");
            default -> indicator.id().equals("ukp_days") ? NorwegianFormat.pattern("#,##0") : NorwegianFormat.pattern("0.0#");
        };
    }

    static String windowName(String window) {
        return switch (window) {
            case "month" -> "Måned";
            case "ytd" -> "Hittil i år";
            case "projectedYear" -> "Prognose for året";
            default -> "Siste 12 måneder";
        };
    }

    private static String scopeText(Scope scope) {
        return switch (scope.type()) {
            case "region" -> scope.name() + " (kommuneregion)";
            case "municipality" -> scope.name() + " kommune (" + scope.id() + ")";
            default -> scope.name();
        };
    }

    private static String name(String number, Map<String, Municipality> municipalities) {
        Municipality m = municipalities.get(number);
        return (m == null ? number : m.name()) + " (" + number + ")";
    }

    private static List<String> names(List<String> numbers, Map<String, Municipality> municipalities) {
        return numbers.stream().map(n -> name(n, municipalities)).toList();
    }

    private static Map<YearMonth, KpiRepository.Point> byMonth(List<KpiRepository.Point> points) {
        Map<YearMonth, KpiRepository.Point> result = new LinkedHashMap<>();
        points.forEach(p -> result.put(YearMonth.parse(p.month()), p));
        return result;
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static MonthlyReport.ImportLine importLine(ReportRepository.ImportUsed i) {
        return new MonthlyReport.ImportLine(i.id(), DATASETS.getOrDefault(i.dataset(), i.dataset()),
                i.fileName() == null ? NorwegianFormat.MISSING : i.fileName(), NorwegianFormat.shortDateTime(i.finishedAt()),
                i.importedBy(), NorwegianFormat.integer(BigDecimal.valueOf(i.rows())), i.synthetic());
    }
}
