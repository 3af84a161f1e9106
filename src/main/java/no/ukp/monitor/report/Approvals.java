package no.ukp.monitor.report;

import static no.ukp.monitor.db.Tables.APPROVAL;
import static no.ukp.monitor.db.Tables.APPROVAL_FIGURE;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HexFormat;
import no.ukp.monitor.ingest.ImportLock;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.AlreadyExists;
import no.ukp.monitor.system.NotFound;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Approving a month for the committee (issue 18): the monthly report of the health community is
 * rendered once, as PDF and HTML, and kept byte for byte with the PDF's sha256, who and when;
 * beside it the figures it rests on, every scope's value per indicator and window with the target
 * and status of record, copied from the views at that instant. Approving takes the import lock, so
 * no import is half-way and the approval instant orders with the imports' {@code recorded_at}.
 * Later revisions of the month are listed against the kept figures ({@link ApprovalRepository#changes}).
 */
@Service
class Approvals {

    private final DSLContext dsl;
    private final ImportLock lock;
    private final MonthlyReportService reports;
    private final Clock clock;

    Approvals(DSLContext dsl, ImportLock lock, MonthlyReportService reports, Clock clock) {
        this.dsl = dsl;
        this.lock = lock;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * Approves {@code month}: renders the report and keeps it with the figures, in one transaction
     * holding the import lock. {@link AlreadyExists} when the month is approved already.
     */
    ApprovalRepository.Approval approve(YearMonth month, String note, String user) {
        Scope total = reports.scope("total").orElseThrow();
        return lock.inTransaction(status -> {
            LocalDate first = month.atDay(1);
            if (dsl.fetchExists(APPROVAL, APPROVAL.MONTH.eq(first))) {
                throw new AlreadyExists("Måneden " + month + " er allerede godkjent for ASU");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            MonthlyReport report = reports.build(month, total);
            byte[] pdf = reports.render(report, ReportFormat.PDF);
            byte[] html = reports.render(report, ReportFormat.HTML);
            String pdfSha256 = sha256(pdf);
            dsl.insertInto(APPROVAL)
                    .set(APPROVAL.MONTH, first)
                    .set(APPROVAL.APPROVED_AT, now)
                    .set(APPROVAL.APPROVED_BY, user)
                    .set(APPROVAL.NOTE, note == null || note.isBlank() ? null : note.strip())
                    .set(APPROVAL.REPORT_PDF, pdf)
                    .set(APPROVAL.REPORT_HTML, html)
                    .set(APPROVAL.REPORT_SHA256, pdfSha256)
                    .set(APPROVAL.HTML_SHA256, sha256(html))
                    .execute();
            // every scope's figures as the views give them now, in the same transaction
            dsl.execute("""
                    INSERT INTO approval_figure (month, scope_type, scope_id, indicator_id, time_window, value, target, status,
                                                 status_window)
                    SELECT v.month, v.scope_type, v.scope_id, v.indicator_id, v.time_window, v.value, s.target, s.status,
                           s.status_window
                    FROM indicator_value v
                    LEFT JOIN indicator_status s
                      ON s.month = v.month AND s.scope_type = v.scope_type AND s.scope_id = v.scope_id
                     AND s.indicator_id = v.indicator_id
                    WHERE v.month = ?""", first);
            return new ApprovalRepository.Approval(month.toString(), now, user, note, pdfSha256);
        });
    }

    /** {@link NotFound} unless {@code month} has monthly statistics up to it: a month after the latest with data has no report. */
    void requireData(YearMonth month) {
        YearMonth latest = reports.latestMonth().orElse(null);
        if (latest == null || month.isAfter(latest)) {
            throw new NotFound("Det finnes ingen månedsstatistikk for " + month + (latest == null ? ""
                    : ": den siste måneden med data er " + latest));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
