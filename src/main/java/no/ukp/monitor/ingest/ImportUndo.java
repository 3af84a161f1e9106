package no.ukp.monitor.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.ukp.monitor.system.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Undoes a stored import (the admin's): every key it changed gets a new revision with the value
 * it had before, or a deletion revision where the import had inserted it; history is never
 * deleted. All or nothing, holding the import lock (no import runs meanwhile), with an audit
 * entry of its own (outcome {@code undo}) naming who undid which import.
 * <p>Refused (409) when a later import changed any of the same keys, listing them (a later import
 * that was undone does not count, so imports can be undone newest first); when
 * the import stored nothing; when it was undone already; and for an undo itself (send the file
 * again instead: simpler to follow than an undo of an undo).
 */
@Service
class ImportUndo {

    private static final Logger log = LoggerFactory.getLogger(ImportUndo.class);
    /** Keys listed in a refusal at most. */
    static final int MAX_KEYS = 100;

    private final FactStore facts;
    private final ImportRepository audit;
    private final ImportLock lock;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ImportUndo(FactStore facts, ImportRepository audit, ImportLock lock, Clock clock, ApplicationEventPublisher events) {
        this.facts = facts;
        this.audit = audit;
        this.lock = lock;
        this.clock = clock;
        this.events = events;
    }

    /** Undoes import {@code importId} as {@code user}; returns the undo's audit entry. */
    ImportEntry undo(long importId, String user) {
        ImportEntry undone = audit.find(importId).orElseThrow(() -> new NotFound("Ingen import med id " + importId));
        Dataset dataset = Dataset.bySlug(undone.dataset()).orElse(null);
        long undoId = lock.inTransaction(status -> {
            // read again under the lock: another undo may have just committed
            ImportEntry current = audit.find(importId).orElseThrow();
            refuseWhatCannotBeUndone(current, dataset);
            facts.prepareUndo(dataset, importId);
            List<Map<String, String>> conflicts = facts.undoConflicts(dataset, MAX_KEYS);
            if (!conflicts.isEmpty()) {
                throw new UndoRefused(importId, "Import " + importId + " kan ikke angres: en senere import har endret "
                        + (conflicts.size() >= MAX_KEYS ? "minst " : "") + conflicts.size() + " av de samme radene ("
                        + dataset.keyDescription() + "): " + conflicts.stream().limit(5)
                        .map(key -> String.join(" / ", key.values())).collect(Collectors.joining(", "))
                        + (conflicts.size() > 5 ? " …" : "") + ". Angre den senere importen først, eller send en rettet fil.",
                        conflicts);
            }
            FactStore.UndoCounts counts = facts.undoCounts();
            OffsetDateTime now = OffsetDateTime.now(clock);
            long id = audit.undo(current, user, counts, now);
            facts.undo(dataset, id, now);
            return id;
        });
        events.publishEvent(new ImportStored(undoId, dataset.slug()));
        ImportEntry entry = audit.find(undoId).orElseThrow();
        log.info("Import {} of {} undone by {} (undo {}): {} keys restored, {} deleted", importId, dataset.slug(), user,
                undoId, entry.updated(), entry.deleted());
        return entry;
    }

    private static void refuseWhatCannotBeUndone(ImportEntry entry, Dataset dataset) {
        long id = entry.id();
        if (ImportRepository.UNDO.equals(entry.outcome())) {
            throw new UndoRefused(id, "Import " + id + " er selv en angring av import " + entry.undoesImportId()
                    + " og kan ikke angres; send filen på nytt for å få verdiene tilbake", List.of());
        }
        if (entry.undoneByImportId() != null) {
            throw new UndoRefused(id, "Import " + id + " er allerede angret (angring " + entry.undoneByImportId() + ")",
                    List.of());
        }
        if (PlanImport.SLUG.equals(entry.dataset()) && !entry.dryRun() && "stored".equals(entry.outcome())) {
            throw new UndoRefused(id, "Import " + id + " er en tiltaksplan og kan ikke angres her: tiltakene og statusene har "
                    + "sin egen historikk; endre dem i tiltaksplanen", List.of());
        }
        if (dataset == null || entry.dryRun() || !"stored".equals(entry.outcome())) {
            throw new UndoRefused(id, "Import " + id + " lagret ingenting (" + (entry.dryRun() ? "prøvekjøring"
                    : "utfall «" + entry.outcome() + "»") + "); det er ingenting å angre", List.of());
        }
    }
}
