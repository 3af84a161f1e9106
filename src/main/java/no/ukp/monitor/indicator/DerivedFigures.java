package no.ukp.monitor.indicator;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import no.ukp.monitor.ingest.ImportStored;
import no.ukp.monitor.reference.ReferenceDataChanged;
import no.ukp.monitor.system.BackgroundRefresh;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the figures derived from the indicators and stored for the dashboards (the SPC charts, the
 * forecasts) must be computed again: at start, and in the background after every stored import or
 * undo, every new target and every edit of the reference data (scopes follow it, and so do
 * apportioned targets). Each store registers its refresh, which runs on a thread of its own.
 */
@Component
public class DerivedFigures {

    private final List<BackgroundRefresh> refreshes = new CopyOnWriteArrayList<>();

    /** Runs {@code refresh} in the background, on a thread named {@code name}, whenever the figures may have changed. */
    public void keep(String name, Runnable refresh) {
        refreshes.add(new BackgroundRefresh(name, refresh));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        request("start");
    }

    @EventListener
    void afterImport(ImportStored event) {
        request("import " + event.importId());
    }

    @EventListener
    void afterTarget(TargetStored event) {
        request("target of " + event.indicator() + " in " + event.scope() + " from " + event.validFrom());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterReferenceEdit(ReferenceDataChanged event) {
        request("the edit of " + event.number());
    }

    @PreDestroy
    void stop() {
        refreshes.forEach(BackgroundRefresh::close);
    }

    private void request(String cause) {
        refreshes.forEach(r -> r.request(cause));
    }
}
