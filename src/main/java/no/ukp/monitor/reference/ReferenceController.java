package no.ukp.monitor.reference;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/regions} and {@code GET /api/v1/municipalities}. */
@RestController
@RequestMapping("/api/v1")
class ReferenceController {

    private final ReferenceRepository repository;

    ReferenceController(ReferenceRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/regions")
    List<Region> regions() {
        return repository.regions();
    }

    @GetMapping("/municipalities")
    List<Municipality> municipalities() {
        return repository.municipalities();
    }
}
