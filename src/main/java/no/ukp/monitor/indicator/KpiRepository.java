package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.DATA_ORIGIN;
import static no.ukp.monitor.db.Tables.INDICATOR_LATEST_MONTH;
import static no.ukp.monitor.db.Tables.INDICATOR_SETTING;
import static no.ukp.monitor.db.Tables.INDICATOR_STATUS;
import static no.ukp.monitor.db.Tables.INDICATOR_TARGET_AT;
import static no.ukp.monitor.db.Tables.INDICATOR_VALUE;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.NotFound;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Reads the indicator views; computes nothing itself. Every figure comes from
 * {@code indicator_value} (with the coverage of each window, as {@code indicator_coverage}) and
 * {@code indicator_status}.
 */
@Repository
public class KpiRepository {

    /**
     * The companion series the views compute beside an indicator, not catalogue entries of their own:
     * the mean over all UKP stays beside {@code avg_ukp_days} (domain.md), served as {@code valuesAllStays}.
     */
    static final Map<String, String> ALL_STAYS = Map.of("avg_ukp_days", "avg_ukp_days_all_stays");

    private final DSLContext dsl;
    private final IndicatorCatalogue catalogue;

    KpiRepository(DSLContext dsl, IndicatorCatalogue catalogue) {
        this.dsl = dsl;
        this.catalogue = catalogue;
    }

    /** The latest month with somatic monthly statistics. */
    public Optional<YearMonth> latestMonth() {
        LocalDate month = dsl.select(INDICATOR_LATEST_MONTH.MONTH).from(INDICATOR_LATEST_MONTH)
                .fetchOne(INDICATOR_LATEST_MONTH.MONTH);
        return Optional.ofNullable(month).map(YearMonth::from);
    }

    /** The latest month with somatic monthly statistics; {@link NotFound} while none is imported. */
    public YearMonth requireLatestMonth() {
        return latestMonth().orElseThrow(() -> new NotFound("Ingen månedsstatistikk er importert ennå"));
    }

    public Kpis kpis(YearMonth month, Scope scope) {
        LocalDate m = month.atDay(1);
        var s = INDICATOR_STATUS;
        var statuses = dsl.select(s.INDICATOR_ID, s.TARGET, s.TOLERANCE_KIND, s.TOLERANCE, s.YELLOW_LIMIT,
                        s.STATUS, s.STATUS_WINDOW)
                .from(s)
                .where(s.MONTH.eq(m), s.SCOPE_TYPE.eq(scope.type().key()), s.SCOPE_ID.eq(scope.id()))
                .fetchMap(s.INDICATOR_ID);
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        // each value row carries the coverage of its window (as indicator_coverage): the rolling12 one is the scope's
        Kpis.Coverage coverage = new Kpis.Coverage(scope.municipalities().size() * 12, 0, false);
        for (var r : dsl.select(INDICATOR_VALUE.INDICATOR_ID, INDICATOR_VALUE.TIME_WINDOW, INDICATOR_VALUE.VALUE,
                        INDICATOR_VALUE.EXPECTED, INDICATOR_VALUE.REPORTED, INDICATOR_VALUE.COMPLETE)
                .from(INDICATOR_VALUE)
                .where(INDICATOR_VALUE.MONTH.eq(m), INDICATOR_VALUE.SCOPE_TYPE.eq(scope.type().key()),
                        INDICATOR_VALUE.SCOPE_ID.eq(scope.id()))
                .fetch()) {
            values.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), plain(r.value3()));
            if (r.value2().equals(Window.ROLLING12.key())) {
                coverage = new Kpis.Coverage(r.value4(), r.value5(), r.value6());
            }
        }
        List<Kpis.Indicator> indicators = new ArrayList<>();
        for (IndicatorDefinition definition : catalogue.all()) {
            String id = definition.id();
            Map<String, BigDecimal> own = windows(definition, values.get(id));
            Map<String, BigDecimal> allStays = ALL_STAYS.containsKey(id) ? windows(definition, values.get(ALL_STAYS.get(id))) : null;
            var r = statuses.get(id);
            indicators.add(r == null
                    ? new Kpis.Indicator(definition, null, null, null, null, Status.NO_DATA, definition.statusWindow(), own, allStays)
                    : new Kpis.Indicator(definition, plain(r.get(s.TARGET)), r.get(s.TOLERANCE_KIND), plain(r.get(s.TOLERANCE)),
                            plain(r.get(s.YELLOW_LIMIT)), Status.of(r.get(s.STATUS)), Window.known(r.get(s.STATUS_WINDOW)),
                            own, allStays));
        }
        return new Kpis(month.toString(), Kpis.ScopeRef.of(scope), coverage, synthetic(),
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

    /**
     * One point of a monthly series: the value, the target valid that month as it is, the target for the
     * window shown ({@link IndicatorDefinition#windowTarget}) and the status of record with the window it
     * was judged on (not always the window shown).
     */
    public record Point(String month, BigDecimal value,
                        @Schema(description = "the target valid that month, as in /api/v1/kpis (for ukp_days the yearly one)")
                        BigDecimal target,
                        @Schema(description = "the target for the window shown: a yearly target / 12 for month, × months elapsed / 12 "
                                + "for ytd, as it is for rolling12; other indicators' target as it is")
                        BigDecimal windowTarget,
                        @Schema(description = "the status of record, judged on statusWindow") Status status,
                        @Schema(description = "the window the status was judged on (rolling12 unless a target version says "
                                + "otherwise), whatever the window shown") Window statusWindow) {

        /** A point without a window target or status window (SPC's, which hold monthly values against {@link IndicatorDefinition#monthlyTarget}). */
        public Point(String month, BigDecimal value, BigDecimal target, Status status) {
            this(month, value, target, null, status, null);
        }
    }

    /** The monthly series of an indicator (or a companion series) in a window, with the target and status of record of each month. */
    public List<Point> series(String indicator, Scope scope, Window window, YearMonth from, YearMonth to) {
        var v = INDICATOR_VALUE;
        var s = INDICATOR_STATUS;
        Optional<IndicatorDefinition> definition = catalogue.find(indicator);
        return dsl.select(v.MONTH, v.VALUE, s.TARGET, s.STATUS, s.STATUS_WINDOW)
                .from(v)
                .leftJoin(s).on(s.MONTH.eq(v.MONTH), s.SCOPE_TYPE.eq(v.SCOPE_TYPE), s.SCOPE_ID.eq(v.SCOPE_ID),
                        s.INDICATOR_ID.eq(v.INDICATOR_ID))
                .where(v.INDICATOR_ID.eq(indicator), v.SCOPE_TYPE.eq(scope.type().key()), v.SCOPE_ID.eq(scope.id()),
                        v.TIME_WINDOW.eq(window.key()), v.MONTH.between(from.atDay(1), to.atDay(1)))
                .orderBy(v.MONTH)
                .fetch(r -> {
                    YearMonth month = YearMonth.from(r.value1());
                    BigDecimal target = plain(r.value3());
                    BigDecimal windowTarget = definition.map(d -> plain(d.windowTarget(target, window, month))).orElse(null);
                    return new Point(month.toString(), plain(r.value2()), target, windowTarget,
                            r.value4() == null ? null : Status.of(r.value4()), r.value5() == null ? null : Window.known(r.value5()));
                });
    }

    /**
     * The monthly values of the given indicators in every scope at once, by indicator and then by
     * {@link Scope#key()}, each month with the target of record (as {@link #series} gives them, but
     * without the status, which SPC does not use): two reads where one per indicator and scope would
     * be thousands at national scale, and where joining the status view would take seconds.
     */
    public Map<String, Map<String, List<Point>>> monthlySeriesOfEveryScope(List<String> indicators, YearMonth from, YearMonth to) {
        var t = INDICATOR_TARGET_AT;
        Map<String, BigDecimal> targets = new HashMap<>();
        dsl.select(t.INDICATOR_ID, t.SCOPE_TYPE, t.SCOPE_ID, t.MONTH, t.TARGET)
                .from(t)
                .where(t.INDICATOR_ID.in(indicators), t.MONTH.between(from.atDay(1), to.atDay(1)), t.TARGET.isNotNull())
                .forEach(r -> targets.put(r.value1() + '|' + Scope.key(r.value2(), r.value3()) + '|' + r.value4(), r.value5()));
        var v = INDICATOR_VALUE;
        Map<String, Map<String, List<Point>>> series = new LinkedHashMap<>();
        dsl.select(v.INDICATOR_ID, v.SCOPE_TYPE, v.SCOPE_ID, v.MONTH, v.VALUE)
                .from(v)
                .where(v.INDICATOR_ID.in(indicators), v.TIME_WINDOW.eq(Window.MONTH.key()), v.MONTH.between(from.atDay(1), to.atDay(1)))
                .orderBy(v.INDICATOR_ID, v.SCOPE_TYPE, v.SCOPE_ID, v.MONTH)
                .forEach(r -> {
                    String scope = Scope.key(r.value2(), r.value3());
                    series.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).computeIfAbsent(scope, k -> new ArrayList<>())
                            .add(new Point(YearMonth.from(r.value4()).toString(), plain(r.value5()),
                                    plain(targets.get(r.value1() + '|' + scope + '|' + r.value4())), null));
                });
        return series;
    }

    /** The windows a series can be asked for: the catalogue entry's, or its indicator's for a companion series; empty for an unknown id. */
    public Optional<List<Window>> seriesWindows(String id) {
        return seriesDefinition(id).map(IndicatorDefinition::windows);
    }

    /** The catalogue entry of a series: its own, or its indicator's for a companion series; empty for an unknown id. */
    Optional<IndicatorDefinition> seriesDefinition(String id) {
        return catalogue.all().stream()
                .filter(d -> d.id().equals(id) || id.equals(ALL_STAYS.get(d.id())))
                .findFirst();
    }

    /** The ids a series can be asked for: the catalogue's and the companion series. */
    public List<String> seriesIds() {
        List<String> ids = new ArrayList<>();
        for (IndicatorDefinition d : catalogue.all()) {
            ids.add(d.id());
            Optional.ofNullable(ALL_STAYS.get(d.id())).ifPresent(ids::add);
        }
        return ids;
    }

    /** One value per window of the catalogue entry, in its order; null where none. */
    private static Map<String, BigDecimal> windows(IndicatorDefinition definition, Map<String, BigDecimal> values) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (Window window : definition.windows()) {
            result.put(window.key(), values == null ? null : values.get(window.key()));
        }
        return result;
    }

    /** 0.8500000000000000 → 0.85, 312.0000000000000000 → 312. */
    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
