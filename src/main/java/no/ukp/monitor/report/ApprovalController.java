package no.ukp.monitor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import no.ukp.monitor.ingest.ImportLock;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NotFound;
import no.ukp.monitor.system.Problems;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/approvals}: approving a month for the committee (admin) and reading what was
 * approved, the report kept byte for byte and the figures that changed since ({@link Approvals}).
 */
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalController {

    private final Approvals approvals;
    private final ApprovalRepository kept;

    ApprovalController(Approvals approvals, ApprovalRepository kept) {
        this.approvals = approvals;
        this.kept = kept;
    }

    /** The body of {@code POST /api/v1/approvals}. */
    record ApprovalRequest(String month, String note) {
    }

    /** One approved month with what changed since: {@code revisedSince} is true when any kept figure differs now. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ApprovalDetail(String month, OffsetDateTime approvedAt, String approvedBy, String note, String reportSha256,
                          boolean revisedSince, List<ApprovalRepository.Change> changes) {
    }

    @Operation(summary = "Approve a month for the steering committee (admin)",
            description = "Renders the monthly report of the health community (PDF and HTML) and keeps it byte for byte with its "
                    + "sha256, who and when, and the figures of every scope as they are now. Takes the import lock. 409 when "
                    + "the month is approved already; 404 when the month has no data.")
    @PostMapping
    ResponseEntity<ApprovalRepository.Approval> approve(@RequestBody ApprovalRequest request, Principal user) {
        if (request == null || request.month() == null || request.month().isBlank()) {
            throw new InvalidRequest("Oppgi måneden som skal godkjennes: {\"month\": \"YYYY-MM\"}");
        }
        YearMonth month = RequestMonth.parse("month", request.month());
        if (request.note() != null && request.note().length() > 2000) {
            throw new InvalidRequest("Merknaden er for lang: høyst 2000 tegn (fikk " + request.note().length() + ")");
        }
        approvals.requireData(month);
        ApprovalRepository.Approval approval = approvals.approve(month, request.note(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/approvals/" + month)).body(approval);
    }

    @GetMapping
    List<ApprovalRepository.Approval> list() {
        return kept.list();
    }

    @GetMapping("/{month}")
    ApprovalDetail get(@PathVariable String month) {
        YearMonth m = RequestMonth.parse("month", month);
        ApprovalRepository.Approval approval = kept.find(m).orElseThrow(() -> notApproved(m));
        List<ApprovalRepository.Change> changes = kept.changes(m);
        return new ApprovalDetail(approval.month(), approval.approvedAt(), approval.approvedBy(), approval.note(),
                approval.reportSha256(), !changes.isEmpty(), changes);
    }

    @Operation(summary = "The report kept at approval, byte for byte", description = "format pdf (default) or html.")
    @GetMapping("/{month}/report")
    ResponseEntity<byte[]> report(@PathVariable String month,
                                  @Parameter(description = "pdf | html") @RequestParam(defaultValue = "pdf") String format) {
        YearMonth m = RequestMonth.parse("month", month);
        ReportFormat type = ReportFormat.of(format).orElseThrow(() -> new InvalidRequest(
                "Ukjent format «" + Problems.cut(format) + "»: bruk pdf eller html"));
        return keptReport(kept, m, type);
    }

    /** The report kept at approval as a download, for the API and the page {@code /godkjenning} alike. */
    static ResponseEntity<byte[]> keptReport(ApprovalRepository kept, YearMonth month, ReportFormat type) {
        byte[] report = kept.report(month, type).orElseThrow(() -> notApproved(month));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"ukp-manedsrapport-" + month + "-godkjent." + type.extension() + "\"")
                .body(report);
    }

    /** An import held the lock longer than an approval waits: 503 with Retry-After, nothing approved. */
    @ExceptionHandler(ImportLock.Busy.class)
    ResponseEntity<ProblemDetail> busy(ImportLock.Busy e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "En import pågår; måneden er ikke godkjent. Prøv igjen om " + e.retryAfterSeconds() + " sekunder.");
        problem.setTitle("En import pågår");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    static NotFound notApproved(YearMonth month) {
        return new NotFound("Måneden " + month + " er ikke godkjent for ASU");
    }
}
