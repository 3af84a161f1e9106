package no.ukp.monitor.export;

import static no.ukp.monitor.db.Tables.INDICATOR;
import static no.ukp.monitor.db.Tables.INDICATOR_STATUS;
import static no.ukp.monitor.db.Tables.INDICATOR_VALUE;
import static no.ukp.monitor.db.Tables.MONTHLY_STATISTICS;
import static no.ukp.monitor.db.Tables.MUNICIPALITY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.ukp.monitor.reference.Scope;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the exports write, row by row through a database cursor (PostgreSQL fetches
 * {@value #FETCH_SIZE} rows at a time inside a transaction), so that no export holds more than
 * a batch in memory however many years it spans.
 */
@Repository
class ExportRepository {

    static final int FETCH_SIZE = 2000;

    private final DSLContext dsl;

    ExportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One row of monthly statistics as stored now (its current revision). */
    record MonthlyRow(YearMonth month, String municipality, String municipalityName, String area, int ukpStays, int zeroDayStays,
                      int ukpDays, int dischargedHome, Integer readmissions30d) {
    }

    /** One indicator value of a scope in a window, with the status of record of the month. */
    record IndicatorRow(String scopeType, String scopeId, String indicator, String window, BigDecimal value, Integer expected,
                        Integer reported, Boolean complete) {

        String scopeKey() {
            return Scope.key(scopeType, scopeId);
        }
    }

    /** The target and status of record of an indicator in a scope and month. */
    record StatusOfRecord(BigDecimal target, String status, String statusWindow) {
    }

    /**
     * Every row of monthly statistics in both areas from {@code from} to {@code to} (each may be null: no bound),
     * of one municipality or (null) all, by month, municipality and area.
     */
    @Transactional(readOnly = true)
    public void monthlyStatistics(YearMonth from, YearMonth to, String municipality, Consumer<MonthlyRow> each) {
        var f = MONTHLY_STATISTICS;
        List<Condition> where = new ArrayList<>();
        if (from != null) {
            where.add(f.MONTH.ge(from.atDay(1)));
        }
        if (to != null) {
            where.add(f.MONTH.le(to.atDay(1)));
        }
        if (municipality != null) {
            where.add(f.MUNICIPALITY.eq(municipality));
        }
        try (Cursor<? extends Record> rows = dsl.select(f.MONTH, f.MUNICIPALITY, MUNICIPALITY.NAME, f.AREA, f.UKP_STAYS, f.ZERO_DAY_STAYS,
                        f.UKP_DAYS, f.DISCHARGED_HOME, f.READMISSIONS_30D)
                .from(f).join(MUNICIPALITY).on(MUNICIPALITY.NUMBER.eq(f.MUNICIPALITY))
                .where(where)
                .orderBy(f.MONTH, f.MUNICIPALITY, f.AREA)
                .fetchSize(FETCH_SIZE)
                .fetchLazy()) {
            for (Record r : rows) {
                each.accept(new MonthlyRow(YearMonth.from(r.get(f.MONTH)), r.get(f.MUNICIPALITY), r.get(MUNICIPALITY.NAME),
                        r.get(f.AREA), r.get(f.UKP_STAYS), r.get(f.ZERO_DAY_STAYS), r.get(f.UKP_DAYS), r.get(f.DISCHARGED_HOME),
                        r.get(f.READMISSIONS_30D)));
            }
        }
    }

    /** The target and status of record of every indicator in every scope in {@code month}, by indicator and scope key. */
    @Transactional(readOnly = true)
    public Map<String, StatusOfRecord> statuses(YearMonth month) {
        var s = INDICATOR_STATUS;
        Map<String, StatusOfRecord> statuses = new HashMap<>();
        dsl.select(s.INDICATOR_ID, s.SCOPE_TYPE, s.SCOPE_ID, s.TARGET, s.STATUS, s.STATUS_WINDOW)
                .from(s)
                .where(s.MONTH.eq(month.atDay(1)))
                .forEach(r -> statuses.put(r.value1() + '|' + Scope.key(r.value2(), r.value3()),
                        new StatusOfRecord(r.value4(), r.value5(), r.value6())));
        return statuses;
    }

    /**
     * The values of the catalogue's indicators in {@code month} in the given windows, every scope: the total first,
     * then the regions, then the municipalities (each by id), each in the catalogue's order of indicators.
     */
    @Transactional(readOnly = true)
    public void indicatorValues(YearMonth month, List<String> windows, Consumer<IndicatorRow> each) {
        var v = INDICATOR_VALUE;
        LocalDate m = month.atDay(1);
        try (Cursor<? extends Record> rows = dsl.select(v.SCOPE_TYPE, v.SCOPE_ID, v.INDICATOR_ID, v.TIME_WINDOW, v.VALUE, v.EXPECTED,
                        v.REPORTED, v.COMPLETE)
                .from(v).join(INDICATOR).on(INDICATOR.ID.eq(v.INDICATOR_ID))
                .where(v.MONTH.eq(m), v.TIME_WINDOW.in(windows))
                .orderBy(DSL.case_(v.SCOPE_TYPE).when("total", 0).when("region", 1).else_(2), v.SCOPE_ID, INDICATOR.SORT_ORDER,
                        v.INDICATOR_ID, DSL.case_(v.TIME_WINDOW).when("month", 0).when("ytd", 1).when("rolling12", 2).else_(3))
                .fetchSize(FETCH_SIZE)
                .fetchLazy()) {
            for (Record r : rows) {
                each.accept(new IndicatorRow(r.get(v.SCOPE_TYPE), r.get(v.SCOPE_ID), r.get(v.INDICATOR_ID), r.get(v.TIME_WINDOW),
                        r.get(v.VALUE), r.get(v.EXPECTED), r.get(v.REPORTED), r.get(v.COMPLETE)));
            }
        }
    }
}
