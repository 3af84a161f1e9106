package no.ukp.monitor.forecast;

import static no.ukp.monitor.db.Tables.INDICATOR_FORECAST;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.ukp.monitor.db.tables.records.IndicatorForecastRecord;
import no.ukp.monitor.indicator.DerivedFigures;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.MultiRowInsert;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the table {@code indicator_forecast} (V20) equal to what {@code GET
 * /api/v1/analysis/forecast} answers without {@code year}, for every indicator and every scope:
 * the dashboards (Grafana, which cannot run {@link ForecastEngine}) read it. Computed by
 * {@link Forecasts}, replaced as a whole in one transaction: at start, and in the background
 * after every stored import or undo, every new target and every edit of the reference data (as
 * the SPC charts of {@code spc.SpcStore}).
 */
@Component
public class ForecastStore {

    private static final Logger log = LoggerFactory.getLogger(ForecastStore.class);
    private final DSLContext dsl;
    private final KpiRepository kpis;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;
    private final Forecasts forecasts;
    private final Clock clock;
    private final Timer refreshTimer;
    private final AtomicInteger stored = new AtomicInteger();

    ForecastStore(DSLContext dsl, KpiRepository kpis, IndicatorCatalogue catalogue, ReferenceRepository reference, Forecasts forecasts,
                  Clock clock, MeterRegistry registry, DerivedFigures derived) {
        this.dsl = dsl;
        this.kpis = kpis;
        this.catalogue = catalogue;
        this.reference = reference;
        this.forecasts = forecasts;
        this.clock = clock;
        this.refreshTimer = Timer.builder("ukp.forecast.refresh").description("Computing and storing the forecasts the dashboards read")
                .register(registry);
        Gauge.builder("ukp.forecast.stored", stored, AtomicInteger::get)
                .description("Forecasts (indicator and scope) stored for the dashboards").register(registry);
        // the last: a refresh may run once the store is complete
        derived.keep("ukp-forecast-store", this::refresh);
    }

    /** Computes every forecast anew and replaces the stored ones; the caller waits. */
    public synchronized void refresh() {
        long started = System.nanoTime();
        YearMonth latest = kpis.latestMonth().orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<IndicatorForecastRecord> rows = new ArrayList<>();
        if (latest != null) {
            List<Scope> scopes = reference.scopes();
            for (IndicatorDefinition definition : catalogue.all()) {
                List<Forecast> all = forecasts.forecasts(definition, scopes, latest.getYear(), latest);
                for (int i = 0; i < scopes.size(); i++) {
                    Forecast f = all.get(i);
                    ForecastEngine.Backtest b = f.backtest();
                    rows.add(new IndicatorForecastRecord(f.indicator(), scopes.get(i).type().key(), scopes.get(i).id(), f.year(),
                            f.through() == null ? null : YearMonth.parse(f.through()).atDay(1), f.forecast(), f.lower80(), f.upper80(),
                            f.probabilityTargetMet(), f.target(), f.method(), b == null ? null : b.n(), b == null ? null : b.mase(),
                            b == null ? null : b.coverage80(), f.reason(), now));
                }
            }
        }
        int count = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            tx.deleteFrom(INDICATOR_FORECAST).execute();
            return MultiRowInsert.insert(tx, INDICATOR_FORECAST, rows);
        });
        long nanos = System.nanoTime() - started;
        refreshTimer.record(nanos, TimeUnit.NANOSECONDS);
        stored.set(count);
        log.debug("Forecasts stored for {} indicator-scopes of {} in {} ms", count, latest, nanos / 1_000_000);
    }
}
