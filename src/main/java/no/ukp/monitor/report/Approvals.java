package no.ukp.monitor.report;

import static no.ukp.monitor.db.Tables.APPROVAL;
import static no.ukp.monitor.db.Tables.APPROVAL_FIGURE;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import no.ukp.monitor.ingest.ImportLock;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.AlreadyExists;
import no.ukp.monitor.system.NotFound;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;

/**
 * Approving a month for the committee (issue 18): the monthly report of the health community is
 * rendered once, as PDF and HTML, and kept byte for byte with the PDF's sha256, who and when;
 * beside it the figures it rests on, every scope's value per indicator and window with the target
 * and status of record, copied from the views at that instant. Approving takes the import lock, so
 * no import is half-way and the approval instant orders with the imports' {@code recorded_at}.
 * Later revisions of the month are listed against the kept figures ({@link #changes}).
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

    /** An approval as the API lists it. */
    record Approval(String month, OffsetDateTime approvedAt, String approvedBy, String note, String reportSha256) {
    }

    /** A figure kept at approval that is different now: value or status, per scope, indicator and window. */
    record Change(String scope, String indicator, String window, BigDecimal approvedValue, BigDecimal value,
                  String approvedStatus, String status) {
    }

    /**
     * Approves {@code month}: renders the report and keeps it with the figures, in one transaction
     * holding the import lock. {@link AlreadyExists} when the month is approved already.
     */
    Approval approve(YearMonth month, String note, String user) {
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
            dsl.insertInto(APPROVAL)
                    .set(APPROVAL.MONTH, first)
                    .set(APPROVAL.APPROVED_AT, now)
                    .set(APPROVAL.APPROVED_BY, user)
                    .set(APPROVAL.NOTE, note == null || note.isBlank() ? null : note.strip())
                    .set(APPROVAL.REPORT_PDF, pdf)
                    .set(APPROVAL.REPORT_HTML, html)
                    .set(APPROVAL.REPORT_SHA256, sha256(pdf))
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
            return new Approval(month.toString(), now, user, note, sha256(pdf));
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

    List<Approval> list() {
        return dsl.select(APPROVAL.MONTH, APPROVAL.APPROVED_AT, APPROVAL.APPROVED_BY, APPROVAL.NOTE, APPROVAL.REPORT_SHA256)
                .from(APPROVAL).orderBy(APPROVAL.MONTH.desc())
                .fetch(Approvals::approval);
    }

    Optional<Approval> find(YearMonth month) {
        return dsl.select(APPROVAL.MONTH, APPROVAL.APPROVED_AT, APPROVAL.APPROVED_BY, APPROVAL.NOTE, APPROVAL.REPORT_SHA256)
                .from(APPROVAL).where(APPROVAL.MONTH.eq(month.atDay(1)))
                .fetchOptional(Approvals::approval);
    }

    /** The report kept at approval, byte for byte. */
    Optional<byte[]> report(YearMonth month, ReportFormat format) {
        var column = format == ReportFormat.PDF ? APPROVAL.REPORT_PDF : APPROVAL.REPORT_HTML;
        return dsl.select(column).from(APPROVAL).where(APPROVAL.MONTH.eq(month.atDay(1))).fetchOptional(column);
    }

    /**
     * The figures of an approved month that differ now from what was approved (value or status), in
     * scope and catalogue order; empty when nothing changed.
     */
    List<Change> changes(YearMonth month) {
        return dsl.resultQuery("""
                SELECT a.scope_type, a.scope_id, a.indicator_id, a.time_window, a.value AS approved_value, v.value,
                       a.status AS approved_status, s.status
                FROM approval_figure a
                LEFT JOIN indicator_value v
                  ON v.month = a.month AND v.scope_type = a.scope_type AND v.scope_id = a.scope_id
                 AND v.indicator_id = a.indicator_id AND v.time_window = a.time_window
                LEFT JOIN indicator_status s
                  ON s.month = a.month AND s.scope_type = a.scope_type AND s.scope_id = a.scope_id
                 AND s.indicator_id = a.indicator_id
                JOIN indicator i ON i.id = a.indicator_id
                WHERE a.month = ?
                  AND (v.value IS DISTINCT FROM a.value OR s.status IS DISTINCT FROM a.status)
                ORDER BY CASE a.scope_type WHEN 'total' THEN 0 WHEN 'region' THEN 1 ELSE 2 END, a.scope_id, i.sort_order,
                         CASE a.time_window WHEN 'month' THEN 0 WHEN 'ytd' THEN 1 WHEN 'rolling12' THEN 2 ELSE 3 END""",
                month.atDay(1))
                .fetch(r -> new Change(Scope.key(r.get(0, String.class), r.get(1, String.class)), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, BigDecimal.class), r.get(5, BigDecimal.class), r.get(6, String.class),
                        r.get(7, String.class)));
    }

    private static Approval approval(Record r) {
        return new Approval(YearMonth.from(r.get(APPROVAL.MONTH)).toString(), r.get(APPROVAL.APPROVED_AT),
                r.get(APPROVAL.APPROVED_BY), r.get(APPROVAL.NOTE), r.get(APPROVAL.REPORT_SHA256));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
