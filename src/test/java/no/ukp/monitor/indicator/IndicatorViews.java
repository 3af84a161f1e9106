package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR_COVERAGE;
import static no.ukp.monitor.db.Tables.INDICATOR_STATUS;
import static no.ukp.monitor.db.Tables.INDICATOR_TARGET_AT;
import static no.ukp.monitor.db.Tables.INDICATOR_VALUE;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import no.ukp.monitor.db.tables.records.IndicatorCoverageRecord;
import no.ukp.monitor.db.tables.records.IndicatorStatusRecord;
import no.ukp.monitor.db.tables.records.IndicatorTargetAtRecord;
import no.ukp.monitor.db.tables.records.IndicatorValueRecord;
import org.assertj.core.data.Offset;
import org.jooq.DSLContext;

/** Reads single rows of the indicator views through the generated jOOQ classes. */
final class IndicatorViews {

    /** For values that come out of a division that does not end. */
    static final Offset<BigDecimal> PRECISION = Offset.offset(new BigDecimal("1e-12"));

    private final DSLContext dsl;

    IndicatorViews(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** a / b, computed in Java from hand-counted sums (not by the views). */
    static BigDecimal ratio(long a, long b) {
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), MathContext.DECIMAL128);
    }

    static LocalDate month(String yearMonth) {
        return YearMonth.parse(yearMonth).atDay(1);
    }

    /** The row of indicator_value; fails when there is none. */
    IndicatorValueRecord value(String month, String scopeType, String scopeId, String indicatorId, String window) {
        return find(month, scopeType, scopeId, indicatorId, window).orElseThrow(() -> new AssertionError(
                "no indicator_value row for " + month + " " + scopeType + ":" + scopeId + " " + indicatorId + " " + window));
    }

    Optional<IndicatorValueRecord> find(String month, String scopeType, String scopeId, String indicatorId, String window) {
        return dsl.selectFrom(INDICATOR_VALUE)
                .where(INDICATOR_VALUE.MONTH.eq(month(month)))
                .and(INDICATOR_VALUE.SCOPE_TYPE.eq(scopeType))
                .and(INDICATOR_VALUE.SCOPE_ID.eq(scopeId))
                .and(INDICATOR_VALUE.INDICATOR_ID.eq(indicatorId))
                .and(INDICATOR_VALUE.TIME_WINDOW.eq(window))
                .fetchOptional();
    }

    IndicatorCoverageRecord coverage(String month, String scopeType, String scopeId, String window) {
        return dsl.selectFrom(INDICATOR_COVERAGE)
                .where(INDICATOR_COVERAGE.MONTH.eq(month(month)))
                .and(INDICATOR_COVERAGE.SCOPE_TYPE.eq(scopeType))
                .and(INDICATOR_COVERAGE.SCOPE_ID.eq(scopeId))
                .and(INDICATOR_COVERAGE.TIME_WINDOW.eq(window))
                .fetchOptional()
                .orElseThrow(() -> new AssertionError("no coverage row for " + month + " " + scopeType + ":" + scopeId));
    }

    IndicatorStatusRecord status(String month, String scopeType, String scopeId, String indicatorId) {
        return dsl.selectFrom(INDICATOR_STATUS)
                .where(INDICATOR_STATUS.MONTH.eq(month(month)))
                .and(INDICATOR_STATUS.SCOPE_TYPE.eq(scopeType))
                .and(INDICATOR_STATUS.SCOPE_ID.eq(scopeId))
                .and(INDICATOR_STATUS.INDICATOR_ID.eq(indicatorId))
                .fetchOptional()
                .orElseThrow(() -> new AssertionError(
                        "no status row for " + month + " " + scopeType + ":" + scopeId + " " + indicatorId));
    }

    Optional<IndicatorTargetAtRecord> target(String month, String scopeType, String scopeId, String indicatorId) {
        return dsl.selectFrom(INDICATOR_TARGET_AT)
                .where(INDICATOR_TARGET_AT.MONTH.eq(month(month)))
                .and(INDICATOR_TARGET_AT.SCOPE_TYPE.eq(scopeType))
                .and(INDICATOR_TARGET_AT.SCOPE_ID.eq(scopeId))
                .and(INDICATOR_TARGET_AT.INDICATOR_ID.eq(indicatorId))
                .fetchOptional();
    }
}
