package no.ukp.monitor.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Import metrics at {@code /actuator/prometheus}: {@code ukp_import_rows_total{dataset,outcome}},
 * {@code ukp_import_duration_seconds{dataset,outcome}} and
 * {@code ukp_import_last_success_timestamp_seconds{dataset}} (epoch seconds, 0 before the first).
 */
@Component
class ImportMetrics {

    private final MeterRegistry registry;
    private final ImportRepository audit;
    private final Map<Dataset, AtomicLong> lastSuccess = new EnumMap<>(Dataset.class);

    ImportMetrics(MeterRegistry registry, ImportRepository audit) {
        this.registry = registry;
        this.audit = audit;
        for (Dataset dataset : Dataset.values()) {
            AtomicLong seconds = new AtomicLong();
            lastSuccess.put(dataset, seconds);
            Gauge.builder("ukp.import.last.success.timestamp", seconds, AtomicLong::doubleValue)
                    .description("When an import of the dataset was last stored (epoch seconds)")
                    .baseUnit("seconds")
                    .tag("dataset", dataset.slug())
                    .register(registry);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void readLastSuccessFromAudit() {
        audit.lastStored().forEach((slug, at) -> Dataset.bySlug(slug)
                .ifPresent(d -> lastSuccess.get(d).set(at.toEpochSecond())));
    }

    void record(Dataset dataset, ImportResult result, long nanos, OffsetDateTime finishedAt) {
        timer(dataset, result.outcome()).record(nanos, TimeUnit.NANOSECONDS);
        if (result.dryRun()) {
            return; // nothing was imported
        }
        if (result.accepted()) {
            rows(dataset, "inserted").increment(result.inserted());
            rows(dataset, "updated").increment(result.updated());
            rows(dataset, "unchanged").increment(result.unchanged());
            lastSuccess.get(dataset).set(finishedAt.toEpochSecond());
        } else {
            rows(dataset, "rejected").increment(result.rows());
        }
    }

    /** An import that ended without a result: {@code failed} or {@code busy}. */
    void recordFailure(Dataset dataset, String outcome, long nanos) {
        timer(dataset, outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter rows(Dataset dataset, String outcome) {
        return Counter.builder("ukp.import.rows")
                .description("Rows of imported files by what became of them")
                .tag("dataset", dataset.slug())
                .tag("outcome", outcome)
                .register(registry);
    }

    private Timer timer(Dataset dataset, String outcome) {
        return Timer.builder("ukp.import.duration")
                .description("Time to read, validate and store an import file")
                .tag("dataset", dataset.slug())
                .tag("outcome", outcome)
                .register(registry);
    }
}
