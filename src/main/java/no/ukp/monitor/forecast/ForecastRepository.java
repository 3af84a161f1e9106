package no.ukp.monitor.forecast;

import static no.ukp.monitor.db.Tables.INDICATOR_TARGET_AT;
import static no.ukp.monitor.db.Tables.INDICATOR_VALUE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.reference.Scope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads what a forecast rests on from the indicator views, computing nothing: the monthly sums of
 * an indicator (indicator_value, window {@code month}) and its target of record (indicator_target_at).
 * An indicator with a yearly target (its year is the sum of its months) is read as its monthly
 * values; any other as its monthly numerator and denominator, so that its year is their ratio.
 */
@Repository
class ForecastRepository {

    private final DSLContext dsl;

    ForecastRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The history of one scope up to {@code until}: the unbroken run of months with data that ends with its last one. */
    ForecastEngine.History history(IndicatorDefinition definition, Scope scope, YearMonth until) {
        return histories(definition, until, DSL.and(INDICATOR_VALUE.SCOPE_TYPE.eq(scope.type().key()),
                INDICATOR_VALUE.SCOPE_ID.eq(scope.id()))).getOrDefault(scope.key(), empty(definition, until));
    }

    /** The histories of every scope with data, by {@link Scope#key()}, in one read. */
    Map<String, ForecastEngine.History> histories(IndicatorDefinition definition, YearMonth until) {
        return histories(definition, until, DSL.noCondition());
    }

    private Map<String, ForecastEngine.History> histories(IndicatorDefinition definition, YearMonth until, Condition scope) {
        var v = INDICATOR_VALUE;
        boolean sum = definition.targetPeriod() == IndicatorDefinition.TargetPeriod.YEAR;
        Map<String, Run> runs = new LinkedHashMap<>();
        dsl.select(v.SCOPE_TYPE, v.SCOPE_ID, v.MONTH, sum ? v.VALUE : v.NUMERATOR, sum ? DSL.inline(BigDecimal.ONE) : v.DENOMINATOR)
                .from(v)
                .where(v.INDICATOR_ID.eq(definition.id()), v.TIME_WINDOW.eq(Window.MONTH.key()), scope,
                        v.MONTH.between(until.minusMonths(ForecastEngine.MAX_HISTORY - 1L).atDay(1), until.atDay(1)))
                .orderBy(v.SCOPE_TYPE, v.SCOPE_ID, v.MONTH)
                .forEach(r -> runs.computeIfAbsent(Scope.key(r.value1(), r.value2()), k -> new Run())
                        .add(YearMonth.from(r.value3()), r.value4(), r.value5()));
        Map<String, ForecastEngine.History> histories = new LinkedHashMap<>();
        runs.forEach((key, run) -> {
            if (run.last != null) {
                histories.put(key, run.history(sum));
            }
        });
        return histories;
    }

    private static ForecastEngine.History empty(IndicatorDefinition definition, YearMonth until) {
        boolean sum = definition.targetPeriod() == IndicatorDefinition.TargetPeriod.YEAR;
        return new ForecastEngine.History(until, new double[0], sum ? null : new double[0]);
    }

    /** The latest unbroken run of months with a numerator and a denominator; a month without them breaks it. */
    private static final class Run {
        private final List<double[]> months = new ArrayList<>();
        private YearMonth last;
        private boolean broken;

        void add(YearMonth month, BigDecimal numerator, BigDecimal denominator) {
            if (numerator == null || denominator == null) {
                broken = true;
                return;
            }
            if (broken || (last != null && !last.plusMonths(1).equals(month))) {
                months.clear();
                broken = false;
            }
            months.add(new double[] {numerator.doubleValue(), denominator.doubleValue()});
            last = month;
        }

        ForecastEngine.History history(boolean sum) {
            return new ForecastEngine.History(last, months.stream().mapToDouble(m -> m[0]).toArray(),
                    sum ? null : months.stream().mapToDouble(m -> m[1]).toArray());
        }
    }

    /** The target of record at {@code month} in one scope, or null where none applies. */
    Double target(String indicator, Scope scope, YearMonth month) {
        return targets(indicator, month, DSL.and(INDICATOR_TARGET_AT.SCOPE_TYPE.eq(scope.type().key()),
                INDICATOR_TARGET_AT.SCOPE_ID.eq(scope.id()))).get(scope.key());
    }

    /** The targets of record at {@code month} of every scope that has one, by {@link Scope#key()}. */
    Map<String, Double> targets(String indicator, YearMonth month) {
        return targets(indicator, month, DSL.noCondition());
    }

    private Map<String, Double> targets(String indicator, YearMonth month, Condition scope) {
        var t = INDICATOR_TARGET_AT;
        LocalDate at = month.atDay(1);
        Map<String, Double> targets = new HashMap<>();
        dsl.select(t.SCOPE_TYPE, t.SCOPE_ID, t.TARGET)
                .from(t)
                .where(t.INDICATOR_ID.eq(indicator), t.MONTH.eq(at), t.TARGET.isNotNull(), scope)
                .forEach(r -> targets.put(Scope.key(r.value1(), r.value2()), r.value3().doubleValue()));
        return targets;
    }
}
