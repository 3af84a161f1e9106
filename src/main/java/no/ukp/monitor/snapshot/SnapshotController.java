package no.ukp.monitor.snapshot;

import static no.ukp.monitor.db.Tables.SNAPSHOT_LATEST;

import java.time.OffsetDateTime;
import java.util.List;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/snapshots/latest?scope=}: the latest snapshot of every municipality in the scope. */
@RestController
@RequestMapping("/api/v1/snapshots")
class SnapshotController {

    private final DSLContext dsl;
    private final ReferenceRepository reference;

    SnapshotController(DSLContext dsl, ReferenceRepository reference) {
        this.dsl = dsl;
        this.reference = reference;
    }

    /** The latest snapshot of one municipality and area. */
    record LatestSnapshot(String municipality, String municipalityName, String area, OffsetDateTime takenAt,
                          int ukpPatients, Integer waitingOver1Day) {
    }

    /** The scope's latest snapshots and their sums; {@code waitingOver1Day} sums only where known. */
    record LatestSnapshots(String scope, String scopeName, int ukpPatients, Integer waitingOver1Day,
                           List<LatestSnapshot> municipalities) {
    }

    @GetMapping("/latest")
    LatestSnapshots latest(@RequestParam(defaultValue = "total") String scope) {
        Scope resolved = reference.requireScope(scope);
        var s = SNAPSHOT_LATEST;
        List<LatestSnapshot> rows = dsl.select(s.MUNICIPALITY, s.MUNICIPALITY_NAME, s.AREA, s.TAKEN_AT, s.UKP_PATIENTS,
                        s.WAITING_OVER_1_DAY)
                .from(s)
                .where(s.MUNICIPALITY.in(resolved.municipalities()))
                .orderBy(s.MUNICIPALITY, s.AREA)
                .fetch(Records.mapping(LatestSnapshot::new));
        int patients = rows.stream().mapToInt(LatestSnapshot::ukpPatients).sum();
        boolean anyWaiting = rows.stream().anyMatch(r -> r.waitingOver1Day() != null);
        Integer waiting = anyWaiting ? rows.stream().filter(r -> r.waitingOver1Day() != null)
                .mapToInt(LatestSnapshot::waitingOver1Day).sum() : null;
        return new LatestSnapshots(resolved.key(), resolved.name(), patients, waiting, rows);
    }
}
