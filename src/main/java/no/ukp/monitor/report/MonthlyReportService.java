package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.ukp.monitor.analysis.AnalysisRepository;
import no.ukp.monitor.forecast.Forecasts;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.measure.MeasureEffect;
import no.ukp.monitor.measure.MeasureRepository;
import no.ukp.monitor.reference.Municipality;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.reference.ScopeType;
import no.ukp.monitor.spc.SpcCharts;
import no.ukp.monitor.spc.SpcProperties;
import org.springframework.stereotype.Service;

/**
 * Puts the monthly report together: loads what it shows (every catalogue indicator of
 * {@link KpiRepository} with values, targets and statuses, their series for the trend and XmR
 * charts, the statuses by region or municipality, the coverage and the imports) and hands it to
 * {@link IndicatorSections} and {@link ScopeSections}, which build the sections, formatted in
 * Norwegian by {@link IndicatorFormat} and {@link NorwegianFormat}.
 */
@Service
class MonthlyReportService {

    static final int CHART_MONTHS = SpcCharts.DEFAULT_MONTHS;
    static final int MAX_IMPORTS = 10;

    private static final Map<String, String> DATASETS = Map.of(
            "monthly-statistics", "Månedsstatistikk",
            "short-term-stays", "Korttidsopphold",
            "population", "Folketall",
            "snapshots", "Øyeblikksbilder");

    private final KpiRepository kpis;
    private final ReferenceRepository reference;
    private final ReportRepository data;
    private final ReportRenderer renderer;
    private final Clock clock;
    private final SpcProperties spc;
    private final MeasureRepository measures;
    private final MeasureEffect effects;
    private final IndicatorCatalogue catalogue;
    private final AnalysisRepository analysis;
    private final Forecasts forecasts;
    private final ApprovalRepository approvals;

    MonthlyReportService(KpiRepository kpis, ReferenceRepository reference, ReportRepository data, ReportRenderer renderer,
                         Clock clock, SpcProperties spc, MeasureRepository measures, MeasureEffect effects,
                         IndicatorCatalogue catalogue, AnalysisRepository analysis, Forecasts forecasts,
                         ApprovalRepository approvals) {
        this.approvals = approvals;
        this.analysis = analysis;
        this.forecasts = forecasts;
        this.measures = measures;
        this.effects = effects;
        this.catalogue = catalogue;
        this.kpis = kpis;
        this.reference = reference;
        this.data = data;
        this.renderer = renderer;
        this.clock = clock;
        this.spc = spc;
    }

    /** The report of a month and scope as a PDF or a stand-alone HTML page. */
    byte[] render(YearMonth month, Scope scope, ReportFormat format) {
        return render(build(month, scope), format);
    }

    /**
     * The report as the data stood at {@code asOf} (null: now). The caller runs this inside
     * {@link no.ukp.monitor.indicator.AsOf#read}, so that every view reads the data of that instant.
     */
    byte[] render(YearMonth month, Scope scope, ReportFormat format, Instant asOf) {
        return render(build(month, scope, asOf), format);
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

    /** "ukp-manedsrapport-2025-06-region-fjellregionen.pdf". */
    static String fileName(YearMonth month, Scope scope, ReportFormat format) {
        return "ukp-manedsrapport-" + month + "-" + scope.key().replace(':', '-') + "." + format.extension();
    }

    /** The latest month with monthly statistics: the month the start page shows. */
    Optional<YearMonth> latestMonth() {
        return kpis.latestMonth();
    }

    /** The latest month with monthly statistics; {@code NotFound} while none is imported. */
    YearMonth requireLatestMonth() {
        return kpis.requireLatestMonth();
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
        return build(month, scope, null);
    }

    MonthlyReport build(YearMonth month, Scope scope, Instant asOf) {
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
                        + (unknownReadmissions.size() <= 5 ? " (" + NorwegianFormat.list(unknownReadmissions.stream()
                                .map(n -> ScopeSections.name(n, municipalities)).toList()) + ")" : "")
                        + "; tallet blir kjent 30 dager etter månedsslutt. Andelen regnes bare over opphold der tallet er kjent, "
                        + "et ukjent tall teller ikke som 0.";

        PlanSections.Plan plan = PlanSections.plan(measures.all(), scope, month,
                key -> reference.scope(key).map(Scope::name).orElse(key), m -> effects.of(m, month),
                catalogue.all().stream().collect(Collectors.toMap(IndicatorDefinition::id, Function.identity())));
        List<MonthlyReport.IndicatorSection> sections = k.indicators().stream()
                .map(i -> IndicatorSections.section(i, kpis.series(i.id(), scope, i.statusWindow(), axis.get(0), month),
                        kpis.series(i.id(), scope, Window.MONTH, axis.get(0), month), month, axis, baselineYear, spc.minPoints(),
                        plan.markers().getOrDefault(i.id(), List.of()),
                        forecasts.forecast(i.definition(), scope, month.getYear(), month)))
                .toList();

        List<ReportRepository.ImportUsed> imports = data.importsUsed(scope.municipalities(),
                month.minusMonths(CHART_MONTHS + 11L), month, baselineYear);
        return new MonthlyReport(month.toString(), NorwegianFormat.month(month), scope.key(), scopeText(scope),
                k.synthetic(), hasData, monthHasData,
                data.lastImportAt().map(NorwegianFormat::dateTime).orElse("ingen importer"),
                NorwegianFormat.dateTime(OffsetDateTime.now(clock)),
                NorwegianFormat.monthRange(windowStart, month),
                measurementStart == null ? null : NorwegianFormat.month(measurementStart),
                measurementStart != null && month.isBefore(measurementStart),
                sections, breakdown(month, scope, k), ScopeSections.coverage(k, scope, month, windowStart, reported, municipalities),
                readmissionNote,
                imports.stream().limit(MAX_IMPORTS).map(MonthlyReportService::importLine).toList(),
                Math.max(0, imports.size() - MAX_IMPORTS), plan.lines(),
                ChangeSections.section(analysis.decomposition(scope, month, Window.YTD)),
                asOf == null ? null : NorwegianFormat.dateTime(asOf.atOffset(java.time.ZoneOffset.UTC)),
                approval(month, scope));
    }

    /** The approval of the month, with the changes since in the report's scope and its parts; null when not approved. */
    private MonthlyReport.Approval approval(YearMonth month, Scope scope) {
        return approvals.find(month).map(a -> {
            List<ApprovalRepository.Change> changes = approvals.changes(month).stream()
                    .filter(c -> scope.type() == ScopeType.TOTAL || c.scope().equals(scope.key())
                            || scope.municipalities().contains(c.scope().substring(c.scope().indexOf(':') + 1))
                            && c.scope().startsWith(ScopeType.MUNICIPALITY.key() + ":"))
                    .toList();
            List<ApprovalChanges.Row> rows = ApprovalChanges.rows(changes.stream().limit(MonthlyReport.Approval.MAX_CHANGES).toList(),
                    catalogue, reference);
            return new MonthlyReport.Approval(NorwegianFormat.dateTime(a.approvedAt()), a.approvedBy(), rows,
                    Math.max(0, changes.size() - MonthlyReport.Approval.MAX_CHANGES));
        }).orElse(null);
    }

    /** The statuses per region of the total, or per municipality of a region; none for a municipality. */
    private MonthlyReport.Breakdown breakdown(YearMonth month, Scope scope, Kpis total) {
        List<Scope> parts = switch (scope.type()) {
            case TOTAL -> reference.regions().stream()
                    .map(r -> new Scope(ScopeType.REGION, r.id(), r.name(), r.municipalities())).toList();
            case REGION -> {
                Map<String, Municipality> all = reference.municipalities().stream()
                        .collect(Collectors.toMap(Municipality::number, Function.identity()));
                yield scope.municipalities().stream().map(all::get).filter(Objects::nonNull)
                        .map(m -> new Scope(ScopeType.MUNICIPALITY, m.number(), m.name(), List.of(m.number()))).toList();
            }
            case MUNICIPALITY -> List.of();
        };
        if (parts.isEmpty()) {
            return null;
        }
        Map<Scope, Kpis> kpisOfParts = new LinkedHashMap<>();
        parts.forEach(part -> kpisOfParts.put(part, kpis.kpis(month, part)));
        return scope.type() == ScopeType.TOTAL
                ? ScopeSections.breakdown("Status per kommuneregion", "Region", total, kpisOfParts)
                : ScopeSections.breakdown("Status per kommune", "Kommune", total, kpisOfParts);
    }

    private static String scopeText(Scope scope) {
        return switch (scope.type()) {
            case REGION -> scope.name() + " (kommuneregion)";
            case MUNICIPALITY -> scope.name() + " kommune (" + scope.id() + ")";
            case TOTAL -> scope.name();
        };
    }

    private static MonthlyReport.ImportLine importLine(ReportRepository.ImportUsed i) {
        return new MonthlyReport.ImportLine(i.id(), DATASETS.getOrDefault(i.dataset(), i.dataset()),
                i.fileName() == null ? NorwegianFormat.MISSING : i.fileName(), NorwegianFormat.shortDateTime(i.finishedAt()),
                i.importedBy(), NorwegianFormat.integer(BigDecimal.valueOf(i.rows())), i.synthetic());
    }
}
