package no.ukp.monitor.report;

import static no.ukp.monitor.db.Tables.APPROVAL;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import no.ukp.monitor.reference.Scope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * The approvals as kept (issue 18): the approved months, their kept reports and the figures that
 * differ now from the ones approved. {@link Approvals} approves; the API, the page and the report
 * read here.
 */
@Repository
class ApprovalRepository {

    private final DSLContext dsl;

    ApprovalRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An approval as the API lists it. */
    record Approval(String month, OffsetDateTime approvedAt, String approvedBy, String note, String reportSha256) {
    }

    /** A figure kept at approval that is different now: value or status, per scope, indicator and window. */
    record Change(String scope, String indicator, String window, BigDecimal approvedValue, BigDecimal value,
                  String approvedStatus, String status) {
    }

    List<Approval> list() {
        return dsl.select(APPROVAL.MONTH, APPROVAL.APPROVED_AT, APPROVAL.APPROVED_BY, APPROVAL.NOTE, APPROVAL.REPORT_SHA256)
                .from(APPROVAL).orderBy(APPROVAL.MONTH.desc())
                .fetch(ApprovalRepository::approval);
    }

    Optional<Approval> find(YearMonth month) {
        return dsl.select(APPROVAL.MONTH, APPROVAL.APPROVED_AT, APPROVAL.APPROVED_BY, APPROVAL.NOTE, APPROVAL.REPORT_SHA256)
                .from(APPROVAL).where(APPROVAL.MONTH.eq(month.atDay(1)))
                .fetchOptional(ApprovalRepository::approval);
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
}
