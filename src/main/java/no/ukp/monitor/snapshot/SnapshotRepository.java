package no.ukp.monitor.snapshot;

import static no.ukp.monitor.db.Tables.SNAPSHOT_LATEST;

import java.time.OffsetDateTime;
import java.util.List;
import no.ukp.monitor.reference.Scope;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** The latest snapshot of each municipality and area ({@code snapshot_latest}), summed over a scope. */
@Repository
class SnapshotRepository {

    private final DSLContext dsl;

    SnapshotRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The latest snapshot of one municipality and area. */
    record LatestSnapshot(String municipality, String municipalityName, String area, OffsetDateTime takenAt,
                          int ukpPatients, Integer waitingOver1Day) {
    }

    /** The scope's latest snapshots and their sums; {@code waitingOver1Day} sums only where known. */
    record LatestSnapshots(String scope, String scopeName, int ukpPatients, Integer waitingOver1Day,
                           List<LatestSnapshot> municipalities) {
    }

    /** The latest snapshots of the scope's municipalities, by municipality and area, with their sums. */
    LatestSnapshots latest(Scope scope) {
        var s = SNAPSHOT_LATEST;
        List<LatestSnapshot> rows = dsl.select(s.MUNICIPALITY, s.MUNICIPALITY_NAME, s.AREA, s.TAKEN_AT, s.UKP_PATIENTS,
                        s.WAITING_OVER_1_DAY)
                .from(s)
                .where(s.MUNICIPALITY.in(scope.municipalities()))
                .orderBy(s.MUNICIPALITY, s.AREA)
                .fetch(Records.mapping(LatestSnapshot::new));
        int patients = rows.stream().mapToInt(LatestSnapshot::ukpPatients).sum();
        boolean anyWaiting = rows.stream().anyMatch(r -> r.waitingOver1Day() != null);
        Integer waiting = anyWaiting ? rows.stream().filter(r -> r.waitingOver1Day() != null)
                .mapToInt(LatestSnapshot::waitingOver1Day).sum() : null;
        return new LatestSnapshots(scope.key(), scope.name(), patients, waiting, rows);
    }
}
