package no.ukp.monitor.measure;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import no.ukp.monitor.measure.Measures.Measure;
import no.ukp.monitor.measure.Measures.MeasureInput;
import no.ukp.monitor.measure.Measures.StatusEntry;
import no.ukp.monitor.measure.Measures.StatusInput;
import no.ukp.monitor.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The action plan: {@code /api/v1/measures} as in the contract. Everyone reads; the planners
 * (kompetansegruppen) and admins add and change measures and set their statuses.
 */
@RestController
@RequestMapping("/api/v1/measures")
class MeasureController {

    /** Who may change the plan. */
    static final String PLANNER = "hasAnyRole('PLAN', 'ADMIN')";

    private final MeasureRepository measures;
    private final MeasureEffect effects;

    MeasureController(MeasureRepository measures, MeasureEffect effects) {
        this.measures = measures;
        this.effects = effects;
    }

    /** The answer of the effect endpoint. */
    record Effects(long measure, String startMonth, String scope, List<MeasureEffect.Effect> indicators) {
    }

    @GetMapping
    List<Measure> all() {
        return measures.all();
    }

    @GetMapping("/{id}")
    Measure one(@PathVariable long id) {
        return measures.find(id).orElseThrow(() -> new NotFound("Fant ikke tiltak eller aktivitet " + id));
    }

    @Operation(summary = "Add a measure with its activities (planner, admin)")
    @PostMapping
    @PreAuthorize(PLANNER)
    ResponseEntity<Measure> add(@RequestBody MeasureInput input, Principal user) {
        long id = measures.create(input, user.getName(), false);
        return ResponseEntity.created(URI.create("/api/v1/measures/" + id)).body(one(id));
    }

    @Operation(summary = "Change a measure (planner, admin)",
            description = "A new revision; activities with an id are changed, without one added, left out kept.")
    @PutMapping("/{id}")
    @PreAuthorize(PLANNER)
    Measure change(@PathVariable long id, @RequestBody MeasureInput input, Principal user) {
        measures.update(id, input, user.getName());
        return one(id);
    }

    @Operation(summary = "Set the status of a measure or an activity for a month (planner, admin)")
    @PostMapping("/{id}/status")
    @PreAuthorize(PLANNER)
    @ResponseStatus(HttpStatus.CREATED)
    StatusEntry status(@PathVariable long id, @RequestBody StatusInput input, Principal user) {
        return measures.setStatus(id, input, user.getName());
    }

    @Operation(summary = "Whether the linked indicators changed after the measure started",
            description = "Per indicator: before and after (from, to, n, mean), change of the means, verdict too_early | "
                    + "improvement | concern | no_change and its text; the chart with the baseline's limits extended.")
    @GetMapping("/{id}/effect")
    Effects effect(@PathVariable long id) {
        Measure measure = one(id);
        return new Effects(measure.id(), measure.startMonth(), measure.scope(), effects.of(measure));
    }
}
