package no.ukp.monitor.spc;

import static no.ukp.monitor.db.Tables.SPC_POINT;
import static no.ukp.monitor.db.Tables.SPC_SUMMARY;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import no.ukp.monitor.indicator.DerivedFigures;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.MultiRowInsert;
import no.ukp.monitor.db.tables.records.SpcPointRecord;
import no.ukp.monitor.db.tables.records.SpcSummaryRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the tables {@code spc_point} and {@code spc_summary} (V15) equal to what {@code GET
 * /api/v1/kpis/spc} answers without parameters, for every indicator with monthly values and every
 * scope: the dashboards (Grafana, which cannot run the engine) read them, so they show the same
 * phases, limits and signals as the API and the report of the latest month. Computed by the one
 * engine through {@link SpcCharts}, replaced as a whole in one transaction (readers see the old
 * charts until the new ones are committed): at start, and in the background after every stored
 * import or undo, every new target and every edit of the reference data.
 */
@Component
public class SpcStore {

    private static final Logger log = LoggerFactory.getLogger(SpcStore.class);
    private final DSLContext dsl;
    private final KpiRepository kpis;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;
    private final SpcCharts charts;
    private final Clock clock;

    private final Timer refreshTimer;
    private final AtomicInteger stored = new AtomicInteger();

    SpcStore(DSLContext dsl, KpiRepository kpis, IndicatorCatalogue catalogue, ReferenceRepository reference, SpcCharts charts,
             Clock clock, MeterRegistry registry, DerivedFigures derived) {
        this.dsl = dsl;
        this.kpis = kpis;
        this.catalogue = catalogue;
        this.reference = reference;
        this.charts = charts;
        this.clock = clock;
        this.refreshTimer = Timer.builder("ukp.spc.refresh").description("Computing and storing the SPC charts the dashboards read")
                .register(registry);
        Gauge.builder("ukp.spc.charts", stored, AtomicInteger::get)
                .description("SPC charts (indicator and scope) stored for the dashboards").register(registry);
        // the last: a refresh may run once the store is complete
        derived.keep("ukp-spc-store", this::refresh);
    }

    /** Computes every chart anew and replaces the stored ones; the caller waits. */
    public synchronized void refresh() {
        long started = System.nanoTime();
        YearMonth latest = kpis.latestMonth().orElse(null);
        List<Charted> computed = new ArrayList<>();
        YearMonth from = latest == null ? null : latest.minusMonths(SpcCharts.DEFAULT_MONTHS - 1L);
        if (latest != null) {
            List<Scope> scopes = reference.scopes();
            List<IndicatorDefinition> monthly = catalogue.all().stream().filter(d -> d.windows().contains(Window.MONTH)).toList();
            Map<String, Map<String, List<KpiRepository.Point>>> all = kpis.monthlySeriesOfEveryScope(
                    monthly.stream().map(IndicatorDefinition::id).toList(), from, latest);
            for (IndicatorDefinition definition : monthly) {
                Map<String, List<KpiRepository.Point>> series = all.getOrDefault(definition.id(), Map.of());
                for (Scope scope : scopes) {
                    List<KpiRepository.Point> points = series.getOrDefault(scope.key(), List.of());
                    SpcChart chart = charts.chart(definition, points, null, List.of(), false);
                    if (!chart.points().isEmpty()) {
                        computed.add(new Charted(definition.id(), scope, chart));
                    }
                }
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int rows = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            tx.deleteFrom(SPC_POINT).execute();
            tx.deleteFrom(SPC_SUMMARY).execute();
            return storePoints(tx, computed) + storeSummaries(tx, computed, from, latest, now);
        });
        long nanos = System.nanoTime() - started;
        refreshTimer.record(nanos, TimeUnit.NANOSECONDS);
        stored.set(computed.size());
        log.debug("SPC charts stored for {} indicator-scopes up to {} ({} rows) in {} ms", computed.size(), latest, rows,
                nanos / 1_000_000);
    }

    /** The chart of an indicator in a scope. */
    private record Charted(String indicator, Scope scope, SpcChart chart) {
    }

    private static int storePoints(DSLContext tx, List<Charted> computed) {
        List<SpcPointRecord> rows = new ArrayList<>();
        for (Charted c : computed) {
            for (SpcChart.Point point : c.chart().points()) {
                SpcChart.Phase phase = c.chart().phases().get(point.phase());
                rows.add(new SpcPointRecord(c.indicator(), c.scope().type().key(), c.scope().id(), point.month().atDay(1),
                        point.value(), point.phase(), phase.from().atDay(1), phase.mean(), phase.lpl(), phase.upl(),
                        phase.lowerTwoSigma(), phase.upperTwoSigma(),
                        point.signals().stream().map(SpcChart.Signal::key).collect(Collectors.joining(";")),
                        point.variation().key()));
            }
        }
        return MultiRowInsert.insert(tx, SPC_POINT, rows);
    }

    private static int storeSummaries(DSLContext tx, List<Charted> computed, YearMonth from, YearMonth to, OffsetDateTime now) {
        List<SpcSummaryRecord> rows = new ArrayList<>();
        for (Charted c : computed) {
            SpcChart chart = c.chart();
            SpcChart.Phase latest = chart.latestPhase();
            rows.add(new SpcSummaryRecord(c.indicator(), c.scope().type().key(), c.scope().id(), from.atDay(1), to.atDay(1),
                    chart.target(), latest.mean(), latest.lpl(), latest.upl(),
                    chart.variation() == null ? null : chart.variation().key(), chart.variationWords(),
                    chart.assurance() == null ? null : chart.assurance().key(), chart.assuranceWords(), now));
        }
        return MultiRowInsert.insert(tx, SPC_SUMMARY, rows);
    }
}
