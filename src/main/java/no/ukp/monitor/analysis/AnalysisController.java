package no.ukp.monitor.analysis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Window;
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
 * {@code GET /api/v1/analysis/decomposition} (JSON, or CSV with {@code Accept: text/csv} or
 * {@code ?format=csv}) and {@code GET /api/v1/analysis/scenario}.
 */
@RestController
@RequestMapping("/api/v1/analysis")
class AnalysisController {

    private final AnalysisRepository analysis;
    private final KpiRepository kpis;
    private final ReferenceRepository reference;

    AnalysisController(AnalysisRepository analysis, KpiRepository kpis, ReferenceRepository reference) {
        this.analysis = analysis;
        this.kpis = kpis;
        this.reference = reference;
    }

    @Operation(summary = "Why UKP-days changed: the change against the same window a year earlier, split into stays, "
            + "share of stays with days and mean days (Shapley), for the scope and each of its municipalities")
    @GetMapping(path = "/decomposition", produces = "application/json")
    Decomposition decomposition(
            @Parameter(description = "total | region:<id> | municipality:<kommunenummer>") @RequestParam(defaultValue = "total") String scope,
            @Parameter(description = "YYYY-MM, the window's last month; default the latest month with data") @RequestParam(required = false) String month,
            @Parameter(description = "ytd | rolling12") @RequestParam(defaultValue = "ytd") String window) {
        return analysis.decomposition(reference.requireScope(scope), month(month), decompositionWindow(window));
    }

    @GetMapping(path = "/decomposition", produces = CsvExport.MEDIA_TYPE)
    @PreAuthorize(CsvExport.ROLE)
    ResponseEntity<String> decompositionCsv(@RequestParam(defaultValue = "total") String scope,
                                            @RequestParam(required = false) String month,
                                            @RequestParam(defaultValue = "ytd") String window) {
        return csv(decomposition(scope, month, window));
    }

    /** The same CSV as a link a browser can follow (no {@code Accept} header to set). */
    @GetMapping(path = "/decomposition", params = "format=csv")
    @PreAuthorize(CsvExport.ROLE)
    ResponseEntity<String> decompositionCsvLink(@RequestParam(defaultValue = "total") String scope,
                                                @RequestParam(required = false) String month,
                                                @RequestParam(defaultValue = "ytd") String window) {
        return csv(decomposition(scope, month, window));
    }

    @Operation(summary = "What UKP-days would be over the 12 months ending with month with other stays, 0-day share or "
            + "mean days, against the target of ukp_days for the scope")
    @GetMapping(path = "/scenario", produces = "application/json")
    Scenario scenario(
            @Parameter(description = "total | region:<id> | municipality:<kommunenummer>") @RequestParam(defaultValue = "total") String scope,
            @Parameter(description = "YYYY-MM; default the latest month with data") @RequestParam(required = false) String month,
            @Parameter(description = "change of the stays as a fraction, > -1 (-0.10 = 10 % fewer); default 0")
            @RequestParam(required = false) String staysChange,
            @Parameter(description = "the 0-day share, 0..1; default the baseline's") @RequestParam(required = false) String zeroDayShare,
            @Parameter(description = "mean UKP-days among stays with days, >= 0; default the baseline's")
            @RequestParam(required = false) String meanDays) {
        Scenario.Assumptions assumptions = ScenarioAssumptions.read(staysChange, zeroDayShare, meanDays);
        return analysis.scenario(reference.requireScope(scope), month(month), assumptions);
    }

    private static Window decompositionWindow(String window) {
        return Window.of(window).filter(w -> w == Window.YTD || w == Window.ROLLING12).orElseThrow(() -> new InvalidRequest(
                "Ukjent vindu «" + Problems.cut(window) + "»: bruk ytd eller rolling12"));
    }

    private YearMonth month(String month) {
        return month == null || month.isBlank() ? kpis.requireLatestMonth() : RequestMonth.parse("month", month);
    }

    private static final String[] CSV_COLUMNS = {"month", "window", "scope", "name", "member", "current_from", "current_to",
            "current_ukp_days", "current_stays", "current_share_with_days", "current_mean_days", "previous_from", "previous_to",
            "previous_ukp_days", "previous_stays", "previous_share_with_days", "previous_mean_days", "change",
            "contribution_stays", "contribution_share_with_days", "contribution_mean_days", "complete"};

    private static ResponseEntity<String> csv(Decomposition d) {
        return CsvExport.response("decomposition-" + d.window().key() + "-" + d.month() + ".csv", CsvExport.Dialect.RFC4180, csv -> {
            csv.header(CSV_COLUMNS);
            row(csv, d, Scope.key(d.scope().type().key(), d.scope().id()),
                    d.scope().name(), false, d.current(), d.previous(), d.change(), d.contributions(), d.complete());
            for (Decomposition.Member m : d.members()) {
                row(csv, d, "municipality:" + m.scope().id(), m.scope().name(), true, m.current(), m.previous(), m.change(),
                        m.contributions(), m.complete());
            }
        });
    }

    private static void row(CsvExport.CsvWriter csv, Decomposition d, String scope, String name, boolean member,
                            Decomposition.Period current, Decomposition.Period previous, BigDecimal change,
                            Decomposition.Contributions contributions, boolean complete) {
        List<Object> cells = new java.util.ArrayList<>(List.of(d.month(), d.window().key(), scope, name, member));
        for (Decomposition.Period p : List.of(current, previous)) {
            cells.addAll(java.util.Arrays.asList(p.from(), p.to(), p.ukpDays(), p.stays(), p.shareWithDays(), p.meanDays()));
        }
        cells.add(change);
        cells.addAll(contributions.values());
        cells.add(complete);
        csv.row(cells.toArray());
    }
}
