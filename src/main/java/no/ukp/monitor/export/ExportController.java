package no.ukp.monitor.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.CsvExport;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/export/monthly-statistics} and {@code GET /api/v1/export/indicators}: all
 * municipalities (all scopes) in one CSV, for the analysts ({@code Accept: text/csv} or
 * {@code ?format=csv}; {@code &dialect=excel-nb} for Norwegian Excel). Streamed as the database
 * gives the rows.
 */
@RestController
@RequestMapping("/api/v1/export")
class ExportController {

    /** The columns of the monthly statistics import (contract.md), with the municipality's name, which the import ignores. */
    static final String[] MONTHLY_COLUMNS = {"month", "municipality", "municipality_name", "area", "ukp_stays", "zero_day_stays",
            "ukp_days", "discharged_home", "readmissions_30d"};
    static final String[] INDICATOR_COLUMNS = {"month", "scope", "scopeName", "indicator", "window", "value", "target",
            "windowTarget", "status", "statusWindow", "expected", "reported", "complete"};

    private final ExportRepository exports;
    private final KpiRepository kpis;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;

    ExportController(ExportRepository exports, KpiRepository kpis, IndicatorCatalogue catalogue, ReferenceRepository reference) {
        this.exports = exports;
        this.kpis = kpis;
        this.catalogue = catalogue;
        this.reference = reference;
    }

    @Operation(summary = "Monthly statistics of every municipality in one CSV",
            description = "The current revision of every row, both areas, in the columns of the import file "
                    + "(POST /api/v1/imports/monthly-statistics takes it back unchanged); by month, municipality and area.")
    @GetMapping(path = "/monthly-statistics", produces = CsvExport.MEDIA_TYPE)
    @PreAuthorize(CsvExport.ROLE)
    void monthlyStatistics(@Parameter(description = "YYYY-MM; default the first month") @RequestParam(required = false) String from,
                           @Parameter(description = "YYYY-MM; default the last month") @RequestParam(required = false) String to,
                           @Parameter(description = "kommunenummer; default all") @RequestParam(required = false) String municipality,
                           @Parameter(description = "rfc4180 (default) | excel-nb") @RequestParam(required = false) String dialect,
                           HttpServletResponse response) throws IOException {
        CsvExport.Dialect csvDialect = CsvExport.Dialect.of(dialect);
        YearMonth start = from == null ? null : RequestMonth.parse("from", from);
        YearMonth end = to == null ? null : RequestMonth.parse("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidRequest("«from» (" + start + ") er etter «to» (" + end + ")");
        }
        String number = municipality == null ? null : reference.scope("municipality:" + municipality.strip())
                .map(Scope::id).orElseThrow(() -> new InvalidRequest("Ukjent kommunenummer «" + Problems.cut(municipality)
                        + "» i «municipality»"));
        CsvExport.stream(response, "manedsstatistikk" + (number == null ? "" : "-" + number) + ".csv", csvDialect, csv -> {
            csv.header(MONTHLY_COLUMNS);
            exports.monthlyStatistics(start, end, number, r -> csv.row(r.month().toString(), r.municipality(), r.municipalityName(),
                    r.area(), r.ukpStays(), r.zeroDayStays(), r.ukpDays(), r.dischargedHome(), r.readmissions30d()));
        });
    }

    @Operation(summary = "Every indicator of every scope in one month as one CSV",
            description = "One row per scope (total, regions, municipalities), indicator and window: the value with the "
                    + "indicator's decimals, the target valid that month, the target for the window (windowTarget: a yearly "
                    + "target / 12 for a month), the status of record, the window it was judged on (statusWindow) and the "
                    + "coverage of the row's window.")
    @GetMapping(path = "/indicators", produces = CsvExport.MEDIA_TYPE)
    @PreAuthorize(CsvExport.ROLE)
    void indicators(@Parameter(description = "YYYY-MM; default the latest month with data") @RequestParam(required = false) String month,
                    @Parameter(description = "windows separated by commas (month, ytd, rolling12, projectedYear); default all")
                    @RequestParam(required = false) String window,
                    @Parameter(description = "rfc4180 (default) | excel-nb") @RequestParam(required = false) String dialect,
                    HttpServletResponse response) throws IOException {
        CsvExport.Dialect csvDialect = CsvExport.Dialect.of(dialect);
        YearMonth shown = month == null ? kpis.requireLatestMonth() : RequestMonth.parse("month", month);
        List<Window> windows = windows(window);
        Map<String, IndicatorDefinition> definitions = catalogue.all().stream()
                .collect(Collectors.toMap(IndicatorDefinition::id, Function.identity()));
        Map<String, String> names = reference.scopes().stream().collect(Collectors.toMap(Scope::key, Scope::name));
        Map<String, ExportRepository.StatusOfRecord> statuses = exports.statuses(shown);
        CsvExport.stream(response, "indikatorer-" + shown + ".csv", csvDialect, csv -> {
            csv.header(INDICATOR_COLUMNS);
            exports.indicatorValues(shown, windows.stream().map(Window::key).toList(), r -> {
                IndicatorDefinition d = definitions.get(r.indicator());
                ExportRepository.StatusOfRecord s = statuses.get(r.indicator() + '|' + r.scopeKey());
                Window w = Window.of(r.window()).orElseThrow();
                csv.row(shown.toString(), r.scopeKey(), names.get(r.scopeKey()), r.indicator(), r.window(), d.rounded(r.value()),
                        s == null ? null : d.roundedTarget(s.target()),
                        s == null ? null : d.roundedTarget(d.windowTarget(s.target(), w, shown)),
                        s == null ? Status.NO_DATA.key() : s.status(), s == null ? d.statusWindow().key() : s.statusWindow(),
                        r.expected(), r.reported(), r.complete());
            });
        });
    }

    /** The windows asked for, in the order of {@link Window}; all without the parameter. */
    private static List<Window> windows(String written) {
        if (written == null || written.isBlank()) {
            return List.of(Window.values());
        }
        Set<Window> asked = new LinkedHashSet<>();
        for (String part : written.split(",", -1)) {
            asked.add(Window.of(part.strip()).orElseThrow(() -> new InvalidRequest("Ukjent vindu «" + Problems.cut(part)
                    + "» i «window»: bruk " + String.join(", ", java.util.Arrays.stream(Window.values()).map(Window::key).toList()))));
        }
        List<Window> windows = new ArrayList<>(List.of(Window.values()));
        windows.retainAll(asked);
        return windows;
    }
}
