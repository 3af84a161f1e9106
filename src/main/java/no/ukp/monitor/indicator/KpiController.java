package no.ukp.monitor.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.CsvExport;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/kpis} and {@code GET /api/v1/kpis/series}, as JSON or, with
 * {@code Accept: text/csv} or {@code ?format=csv}, as CSV for the analysts' own tools (in a {@code dialect}).
 */
@RestController
@RequestMapping("/api/v1/kpis")
class KpiController {


    private final KpiRepository kpis;
    private final ReferenceRepository reference;

    private final AsOf asOf;

    KpiController(KpiRepository kpis, ReferenceRepository reference, AsOf asOf) {
        this.kpis = kpis;
        this.reference = reference;
        this.asOf = asOf;
    }


    @Operation(summary = "Every indicator of the catalogue in a month and scope",
            description = "Values per window, target, status of record (green/yellow/red/no_data/no_target) and coverage.")
    @GetMapping(produces = "application/json")
    Kpis get(@Parameter(description = "YYYY-MM; default the latest month with data") @RequestParam(required = false) String month,
             @Parameter(description = "total | region:<id> | municipality:<kommunenummer>") @RequestParam(defaultValue = "total") String scope,
             @Parameter(description = AsOf.DESCRIPTION) @RequestParam(required = false) String asOf) {
        Scope resolved = scope(scope);
        return this.asOf.read(AsOf.parse(asOf), () -> {
            YearMonth shown = month(month);
            return new AsOf.Extent(resolved, shown, shown);
        }, extent -> kpis.kpis(extent.to(), resolved));
    }

    /**
     * The same as CSV: one row per indicator and window, the value with the indicator's decimals, the target as it
     * is and the one for the window, the status of record and the window it was judged on.
     */
    @GetMapping(produces = CsvExport.MEDIA_TYPE)
    @PreAuthorize(CsvExport.ROLE)
    ResponseEntity<String> getCsv(@RequestParam(required = false) String month, @RequestParam(defaultValue = "total") String scope,
                                  @RequestParam(required = false) String dialect, @RequestParam(required = false) String asOf) {
        CsvExport.Dialect csvDialect = CsvExport.Dialect.of(dialect);
        Scope resolved = scope(scope);
        Kpis result = get(month, scope, asOf);
        YearMonth shown = YearMonth.parse(result.month());
        return CsvExport.response("kpis-" + result.month() + ".csv", csvDialect, csv -> {
            csv.header("month", "scope", "indicator", "window", "value", "target", "status", "status_window", "windowTarget");
            for (Kpis.Indicator indicator : result.indicators()) {
                IndicatorDefinition d = indicator.definition();
                for (Window window : d.windows()) {
                    csv.row(result.month(), resolved.key(), indicator.id(), window.key(), d.rounded(indicator.value(window)),
                            d.roundedTarget(indicator.target()), indicator.status().key(), indicator.statusWindow().key(),
                            d.roundedTarget(d.windowTarget(indicator.target(), window, shown)));
                }
            }
        });
    }

    /** A monthly series for charts. */
    record Series(String indicator, String scope, Window window, boolean synthetic, List<KpiRepository.Point> points) {
    }

    @Operation(summary = "Monthly series of one indicator",
            description = "window = one of the indicator's windows in the catalogue (month, ytd, rolling12, projectedYear); each point has the value, "
                    + "the target valid that month and the status of record.")
    @GetMapping(path = "/series", produces = "application/json")
    Series series(@RequestParam String indicator, @RequestParam(defaultValue = "total") String scope,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(defaultValue = "month") String window,
                  @Parameter(description = AsOf.DESCRIPTION) @RequestParam(required = false) String asOf) {
        Instant instant = AsOf.parse(asOf);
        List<Window> windows = kpis.seriesWindows(indicator).orElseThrow(() -> new InvalidRequest(
                "Ukjent indikator «" + Problems.cut(indicator) + "»: bruk " + String.join(", ", kpis.seriesIds())));
        Window asked = Window.of(window).filter(windows::contains).orElseThrow(() -> new InvalidRequest(
                "Ukjent vindu «" + Problems.cut(window) + "» for " + indicator + ": bruk "
                        + String.join(", ", windows.stream().map(Window::key).toList())));
        Scope resolved = scope(scope);
        YearMonth start = from == null ? YearMonth.of(2000, 1) : RequestMonth.parse("from", from);
        YearMonth last = to == null ? null : RequestMonth.parse("to", to);
        return this.asOf.read(instant, () -> new AsOf.Extent(resolved, start, last == null ? month(null) : last),
                extent -> new Series(indicator, resolved.key(), asked, kpis.synthetic(),
                        kpis.series(indicator, resolved, asked, start, extent.to())));
    }

    @GetMapping(path = "/series", produces = CsvExport.MEDIA_TYPE)
    @PreAuthorize(CsvExport.ROLE)
    ResponseEntity<String> seriesCsv(@RequestParam String indicator, @RequestParam(defaultValue = "total") String scope,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "month") String window, @RequestParam(required = false) String dialect,
                                     @RequestParam(required = false) String asOf) {
        CsvExport.Dialect csvDialect = CsvExport.Dialect.of(dialect);
        Series series = series(indicator, scope, from, to, window, asOf);
        // a companion series (avg_ukp_days_all_stays) has the decimals of its indicator
        IndicatorDefinition d = kpis.seriesDefinition(indicator).orElseThrow();
        return CsvExport.response(indicator + "-" + series.scope().replace(':', '-') + ".csv", csvDialect, csv -> {
            csv.header("month", "scope", "indicator", "window", "value", "target", "status", "windowTarget", "statusWindow");
            for (KpiRepository.Point p : series.points()) {
                csv.row(p.month(), series.scope(), indicator, series.window().key(), d.rounded(p.value()), d.roundedTarget(p.target()),
                        p.status() == null ? null : p.status().key(), d.roundedTarget(p.windowTarget()),
                        p.statusWindow() == null ? null : p.statusWindow().key());
            }
        });
    }

    private Scope scope(String scope) {
        return reference.requireScope(scope);
    }

    private YearMonth month(String month) {
        if (month != null) {
            return RequestMonth.parse("month", month);
        }
        return kpis.requireLatestMonth();
    }

}
