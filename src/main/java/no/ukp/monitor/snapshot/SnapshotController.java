package no.ukp.monitor.snapshot;

import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.snapshot.SnapshotRepository.LatestSnapshots;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/snapshots/latest?scope=}: the latest snapshot of every municipality in the scope. */
@RestController
@RequestMapping("/api/v1/snapshots")
class SnapshotController {

    private final SnapshotRepository snapshots;
    private final ReferenceRepository reference;

    SnapshotController(SnapshotRepository snapshots, ReferenceRepository reference) {
        this.snapshots = snapshots;
        this.reference = reference;
    }

    @GetMapping("/latest")
    LatestSnapshots latest(@RequestParam(defaultValue = "total") String scope) {
        return snapshots.latest(reference.requireScope(scope));
    }
}
