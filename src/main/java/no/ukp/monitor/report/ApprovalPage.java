package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.util.List;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.ingest.ImportLock;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.AlreadyExists;
import no.ukp.monitor.system.NotFound;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /godkjenning}: the months approved for the committee with their kept reports and whether
 * figures changed since, each month's changes old → new, and for the admin the approval of the
 * latest month ({@link Approvals}, as the API's {@code /api/v1/approvals}).
 */
@Controller
@RequestMapping("/godkjenning")
class ApprovalPage {

    private final Approvals approvals;
    private final MonthlyReportService reports;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;

    private final ApprovalRepository kept;

    ApprovalPage(Approvals approvals, ApprovalRepository kept, MonthlyReportService reports, IndicatorCatalogue catalogue,
                 ReferenceRepository reference) {
        this.approvals = approvals;
        this.kept = kept;
        this.reports = reports;
        this.catalogue = catalogue;
        this.reference = reference;
    }

    /** An approved month as the page lists it. */
    record Row(String month, String monthName, String approvedAt, String approvedBy, String note, String sha256,
               int changes) {
    }

    @GetMapping
    String page(Model model) {
        List<Row> rows = kept.list().stream().map(this::row).toList();
        model.addAttribute("rows", rows);
        YearMonth latest = reports.latestMonth().orElse(null);
        model.addAttribute("latest", latest == null ? null : latest.toString());
        model.addAttribute("latestName", latest == null ? null : NorwegianFormat.month(latest));
        model.addAttribute("latestApproved", latest != null && rows.stream().anyMatch(r -> r.month().equals(latest.toString())));
        return "approval/list";
    }

    /** Approves the latest month (admin): the month is sent along, so that a month that arrived meanwhile is not approved unseen. */
    @PostMapping
    String approve(@RequestParam("maned") String month, @RequestParam(name = "merknad", defaultValue = "") String note,
                   Principal user, Model model) {
        YearMonth m = RequestMonth.parse("maned", month);
        String message = null;
        String error = null;
        if (note.length() > 2000) {
            error = "Merknaden er for lang: høyst 2000 tegn.";
        } else if (!m.equals(reports.latestMonth().orElse(null))) {
            error = "Bare den siste måneden med data kan godkjennes her; det er kommet nye data siden siden ble lastet. Se over og prøv igjen.";
        } else {
            try {
                ApprovalRepository.Approval approval = approvals.approve(m, note, user.getName());
                message = "Rapporten for " + NorwegianFormat.month(m) + " er godkjent for ASU og lagret (sjekksum "
                        + approval.reportSha256().substring(0, 12) + "…).";
            } catch (AlreadyExists e) {
                error = e.getMessage() + ".";
            } catch (ImportLock.Busy e) {
                error = "En import pågår; måneden er ikke godkjent. Prøv igjen om litt.";
            }
        }
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return page(model);
    }

    @GetMapping("/{month}")
    String month(@PathVariable String month, Model model) {
        YearMonth m = RequestMonth.parse("måned", month);
        ApprovalRepository.Approval approval = kept.find(m).orElseThrow(() -> ApprovalController.notApproved(m));
        model.addAttribute("row", row(approval));
        model.addAttribute("changes", ApprovalChanges.rows(kept.changes(m), catalogue, reference));
        return "approval/month";
    }

    /** The kept report, byte for byte, for the browser's session. */
    @GetMapping("/{month}/rapport")
    ResponseEntity<byte[]> report(@PathVariable String month, @RequestParam(defaultValue = "pdf") String format) {
        YearMonth m = RequestMonth.parse("måned", month);
        ReportFormat type = ReportFormat.of(format).orElseThrow(() -> new NotFound("Ukjent format " + format));
        return ApprovalController.keptReport(kept, m, type);
    }

    private Row row(ApprovalRepository.Approval a) {
        YearMonth month = YearMonth.parse(a.month());
        return new Row(a.month(), NorwegianFormat.month(month), NorwegianFormat.dateTime(a.approvedAt()), a.approvedBy(), a.note(),
                a.reportSha256(), kept.changes(month).size());
    }

}
