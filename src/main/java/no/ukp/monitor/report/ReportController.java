package no.ukp.monitor.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import no.ukp.monitor.indicator.AsOf;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/monthly} (PDF or HTML) and the start page {@code /}, which shows
 * the latest month's report for the whole health community. Both need the role READ.
 */
@RestController
class ReportController {

    private final MonthlyReportService reports;
    private final ReferenceRepository reference;

    private final AsOf asOf;

    ReportController(MonthlyReportService reports, ReferenceRepository reference, AsOf asOf) {
        this.reports = reports;
        this.reference = reference;
        this.asOf = asOf;
    }

    @Operation(summary = "The monthly KPI status report for the steering committee, in Norwegian",
            description = "Every catalogue indicator with targets, statuses, trend and SPC charts, statuses by region (or by "
                    + "municipality for a region), coverage and the imports the figures rest on; as PDF or HTML.")
    @GetMapping(path = "/api/v1/reports/monthly", produces = {"application/pdf", "text/html"})
    ResponseEntity<byte[]> monthly(
            @Parameter(description = "YYYY-MM; default the latest month with data") @RequestParam(required = false) String month,
            @Parameter(description = "total | region:<id> | municipality:<kommunenummer>") @RequestParam(defaultValue = "total") String scope,
            @Parameter(description = "pdf | html") @RequestParam(defaultValue = "pdf") String format,
            @Parameter(description = AsOf.DESCRIPTION) @RequestParam(required = false) String asOf) {
        ReportFormat type = ReportFormat.of(format).orElseThrow(() -> new InvalidRequest(
                "Ukjent format «" + Problems.cut(format) + "»: bruk pdf eller html"));
        Scope resolved = reference.requireScope(scope);
        Instant instant = AsOf.parse(asOf);
        return this.asOf.read(instant, AsOf.Extent::everything, everything -> {
            YearMonth m = month(month);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_TYPE, type.mediaType)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + MonthlyReportService.fileName(m, resolved, type) + "\"")
                    .body(reports.render(m, resolved, type, instant));
        });
    }

    /** The start page: the latest month's report, or a note that nothing is imported yet. */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> start() {
        byte[] page = reports.latestMonth()
                .map(m -> reports.render(m, reports.scope("total").orElseThrow(), ReportFormat.HTML))
                .orElseGet(() -> reports.emptyPage().getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, ReportFormat.HTML.mediaType).body(page);
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return reports.requireLatestMonth();
        }
        return RequestMonth.parse("month", month);
    }
}
