package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR;
import static no.ukp.monitor.db.Tables.INDICATOR_STATUS;
import static no.ukp.monitor.db.Tables.INDICATOR_VALUE;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import no.ukp.monitor.ingest.ImportStored;
import no.ukp.monitor.reference.ReferenceDataChanged;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.BackgroundRefresh;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The indicators of the latest month as Prometheus gauges, for every scope:
 * {@code ukp_indicator_value{indicator,scope,window}} and {@code ukp_indicator_status{indicator,scope}}
 * (0 green, 1 yellow, 2 red, -1 no data or no target). Read from the views at start, after
 * every stored import or undo and every edit of the reference data (in the background) and after
 * every new target.
 */
@Component
public class IndicatorMetrics {

    private static final Logger log = LoggerFactory.getLogger(IndicatorMetrics.class);

    private final DSLContext dsl;
    private final KpiRepository kpis;
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();
    private final BackgroundRefresh refresher = new BackgroundRefresh("ukp-indicator-gauges", this::refresh);

    IndicatorMetrics(DSLContext dsl, KpiRepository kpis, MeterRegistry registry) {
        this.dsl = dsl;
        this.kpis = kpis;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void atStart() {
        refresh();
    }

    /**
     * After a stored import the gauges are refreshed on a thread of their own: the importer does
     * not wait for them, and imports in quick succession share one refresh.
     */
    @EventListener
    void afterImport(ImportStored event) {
        refresher.request("import " + event.importId());
    }

    /** Scopes follow the reference data: a municipality added, moved or renamed changes the gauges too. */
    @TransactionalEventListener(fallbackExecution = true)
    void afterReferenceEdit(ReferenceDataChanged event) {
        refresher.request("the edit of " + event.number());
    }

    @PreDestroy
    void stop() {
        refresher.close();
    }

    /** Reads the latest month's values and statuses of every scope into the gauges. */
    public void refresh() {
        YearMonth month = kpis.latestMonth().orElse(null);
        if (month == null) {
            return;
        }
        var v = INDICATOR_VALUE;
        dsl.select(v.INDICATOR_ID, v.SCOPE_TYPE, v.SCOPE_ID, v.TIME_WINDOW, v.VALUE)
                .from(v)
                .where(v.MONTH.eq(month.atDay(1)), v.INDICATOR_ID.in(dsl.select(INDICATOR.ID).from(INDICATOR)))
                .forEach(r -> gauge("ukp.indicator.value", "Indicator value of the latest month", r.value1(),
                        Scope.key(r.value2(), r.value3()), r.value4())
                        .set(r.value5() == null ? Double.NaN : r.value5().doubleValue()));
        var s = INDICATOR_STATUS;
        dsl.select(s.INDICATOR_ID, s.SCOPE_TYPE, s.SCOPE_ID, s.STATUS)
                .from(s)
                .where(s.MONTH.eq(month.atDay(1)))
                .forEach(r -> gauge("ukp.indicator.status", "Indicator status of the latest month: 0 green, 1 yellow, 2 red, "
                        + "-1 no data or no target", r.value1(), Scope.key(r.value2(), r.value3()), null)
                        .set(Status.of(r.value4()).gauge()));
        log.debug("Indicator gauges refreshed for {}", month);
    }

    private AtomicReference<Double> gauge(String name, String description, String indicator, String scope, String window) {
        String key = name + '|' + indicator + '|' + scope + '|' + window;
        return gauges.computeIfAbsent(key, k -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.Builder<AtomicReference<Double>> builder = Gauge.builder(name, value, AtomicReference::get)
                    .description(description)
                    .tag("indicator", indicator)
                    .tag("scope", scope);
            if (window != null) {
                builder.tag("window", window);
            }
            builder.register(registry);
            return value;
        });
    }
}
