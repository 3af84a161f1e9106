package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.DATA_ORIGIN;
import static no.ukp.monitor.db.Tables.INDICATOR;
import static no.ukp.monitor.db.Tables.INDICATOR_LATEST_MONTH;
import static no.ukp.monitor.db.Tables.INDICATOR_SETTING;
import static no.ukp.monitor.db.Tables.INDICATOR_STATUS;
import static no.ukp.monitor.db.Tables.INDICATOR_VALUE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ukp.monitor.reference.Scope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads the indicator views; computes nothing itself. Every figure comes from
 * {@code indicator_value} (with the coverage of each window, as {@code indicator_coverage}) and
 * {@code indicator_status}.
 */
@Repository
public class KpiRepository {

    static final List<String> WINDOWS = List.of("month", "ytd", "rolling12");
    static final String ALL_STAYS = "avg_ukp_days_all_stays";

    private final DSLContext dsl;

    KpiRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The latest month with somatic monthly statistics. */
    public Optional<YearMonth> latestMonth() {
        LocalDate month = dsl.select(INDICATOR_LATEST_MONTH.MONTH).from(INDICATOR_LATEST_MONTH)
                .fetchOne(INDICATOR_LATEST_MONTH.MONTH);
        return Optional.ofNullable(month).map(YearMonth::from);
    }

    public Kpis kpis(YearMonth month, Scope scope) {
        LocalDate m = month.atDay(1);
        Result<Record> statuses = dsl.select(INDICATOR.ID, INDICATOR.NAME, INDICATOR.DIRECTION, INDICATOR.UNIT)
                .select(INDICATOR_STATUS.TARGET, INDICATOR_STATUS.TOLERANCE_KIND, INDICATOR_STATUS.TOLERANCE,
                        INDICATOR_STATUS.YELLOW_LIMIT, INDICATOR_STATUS.STATUS, INDICATOR_STATUS.STATUS_WINDOW)
                .from(INDICATOR).leftJoin(INDICATOR_STATUS)
                .on(INDICATOR_STATUS.INDICATOR_ID.eq(INDICATOR.ID)
                        .and(INDICATOR_STATUS.MONTH.eq(m))
                        .and(INDICATOR_STATUS.SCOPE_TYPE.eq(scope.type()))
                        .and(INDICATOR_STATUS.SCOPE_ID.eq(scope.id())))
                .orderBy(INDICATOR.SORT_ORDER)
                .fetch();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        // each value row carries the coverage of its window (as indicator_coverage): the rolling12 one is the scope's
        Kpis.Coverage coverage = new Kpis.Coverage(scope.municipalities().size() * 12, 0, false);
        for (var r : dsl.select(INDICATOR_VALUE.INDICATOR_ID, INDICATOR_VALUE.TIME_WINDOW, INDICATOR_VALUE.VALUE,
                        INDICATOR_VALUE.EXPECTED, INDICATOR_VALUE.REPORTED, INDICATOR_VALUE.COMPLETE)
                .from(INDICATOR_VALUE)
                .where(INDICATOR_VALUE.MONTH.eq(m), INDICATOR_VALUE.SCOPE_TYPE.eq(scope.type()),
                        INDICATOR_VALUE.SCOPE_ID.eq(scope.id()))
                .fetch()) {
            values.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), plain(r.value3()));
            if (r.value2().equals("rolling12")) {
                coverage = new Kpis.Coverage(r.value4(), r.value5(), r.value6());
            }
        }
        List<Kpis.Indicator> indicators = new ArrayList<>();
        for (Record r : statuses) {
            String id = r.get(INDICATOR.ID);
            indicators.add(new Kpis.Indicator(id, r.get(INDICATOR.NAME), r.get(INDICATOR.DIRECTION),
                    r.get(INDICATOR.UNIT), plain(r.get(INDICATOR_STATUS.TARGET)), r.get(INDICATOR_STATUS.TOLERANCE_KIND),
                    plain(r.get(INDICATOR_STATUS.TOLERANCE)), plain(r.get(INDICATOR_STATUS.YELLOW_LIMIT)),
                    Optional.ofNullable(r.get(INDICATOR_STATUS.STATUS)).orElse("no_data"),
                    Optional.ofNullable(r.get(INDICATOR_STATUS.STATUS_WINDOW)).orElse("rolling12"),
                    windows(id, values.get(id)),
                    id.equals("avg_ukp_days") ? windows(ALL_STAYS, values.get(ALL_STAYS)) : null));
        }
        return new Kpis(month.toString(), new Kpis.ScopeRef(scope.type(), scope.id(), scope.name()), coverage, synthetic(),
                setting("measurement_start_month"), indicators);
    }

    /** Whether the figures rest on synthetic demo data. */
    public boolean synthetic() {
        return Boolean.TRUE.equals(dsl.select(DATA_ORIGIN.SYNTHETIC).from(DATA_ORIGIN).fetchOne(DATA_ORIGIN.SYNTHETIC));
    }

    String setting(String key) {
        return dsl.select(INDICATOR_SETTING.VALUE).from(INDICATOR_SETTING).where(INDICATOR_SETTING.KEY.eq(key))
                .fetchOne(INDICATOR_SETTING.VALUE);
    }

    /** One point of a monthly series. */
    public record Point(String month, BigDecimal value, BigDecimal target, String status) {
    }

    /** The monthly series of an indicator in a window, with the target and status of record of each month. */
    public List<Point> series(String indicator, Scope scope, String window, YearMonth from, YearMonth to) {
        var v = INDICATOR_VALUE;
        var s = INDICATOR_STATUS;
        return dsl.select(DSL.toChar(v.MONTH, "YYYY-MM"), v.VALUE, s.TARGET, s.STATUS)
                .from(v)
                .leftJoin(s).on(s.MONTH.eq(v.MONTH), s.SCOPE_TYPE.eq(v.SCOPE_TYPE), s.SCOPE_ID.eq(v.SCOPE_ID),
                        s.INDICATOR_ID.eq(v.INDICATOR_ID))
                .where(v.INDICATOR_ID.eq(indicator), v.SCOPE_TYPE.eq(scope.type()), v.SCOPE_ID.eq(scope.id()),
                        v.TIME_WINDOW.eq(window), v.MONTH.between(from.atDay(1), to.atDay(1)))
                .orderBy(v.MONTH)
                .fetch(r -> new Point(r.value1(), plain(r.value2()), plain(r.value3()), r.value4()));
    }

    /** The indicator ids the views know, the six and the second series of avg_ukp_days. */
    public List<String> indicatorIds() {
        List<String> ids = new ArrayList<>(dsl.select(INDICATOR.ID).from(INDICATOR).orderBy(INDICATOR.SORT_ORDER).fetch(INDICATOR.ID));
        ids.add(ALL_STAYS);
        return ids;
    }

    private static Map<String, BigDecimal> windows(String indicator, Map<String, BigDecimal> values) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (String window : WINDOWS) {
            result.put(window, values == null ? null : values.get(window));
        }
        if (indicator.equals("ukp_days")) {
            result.put("projectedYear", values == null ? null : values.get("projectedYear"));
        }
        return result;
    }

    /** 0.8500000000000000 → 0.85, 312.0000000000000000 → 312. */
    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
