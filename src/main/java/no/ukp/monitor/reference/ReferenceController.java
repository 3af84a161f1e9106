package no.ukp.monitor.reference;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import no.ukp.monitor.reference.ReferenceEdits.Change;
import no.ukp.monitor.reference.ReferenceEdits.MunicipalityForm;
import no.ukp.monitor.reference.ReferenceEdits.OldNumberForm;
import no.ukp.monitor.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference data: {@code GET /api/v1/regions}, {@code GET /api/v1/municipalities} (and one by
 * number), {@code GET /api/v1/municipalities/old-numbers}, {@code GET /api/v1/municipalities/changes}
 * (the audit); the admin adds and edits municipalities ({@code POST /api/v1/municipalities},
 * {@code PUT /api/v1/municipalities/{number}}) and old numbers ({@code POST
 * /api/v1/municipalities/old-numbers}, {@code PUT /api/v1/municipalities/old-numbers/{oldNumber}}).
 * 400 for a value that cannot be stored, 404 for an unknown number, 409 for a number in use.
 */
@RestController
@RequestMapping("/api/v1")
class ReferenceController {

    private static final String NUMBER = "{number:[0-9]{1,4}}";

    private final ReferenceRepository repository;
    private final ReferenceEdits edits;

    ReferenceController(ReferenceRepository repository, ReferenceEdits edits) {
        this.repository = repository;
        this.edits = edits;
    }

    @GetMapping("/regions")
    List<Region> regions() {
        return repository.regions();
    }

    @GetMapping("/municipalities")
    List<Municipality> municipalities() {
        return repository.municipalities();
    }

    @GetMapping("/municipalities/" + NUMBER)
    Municipality municipality(@PathVariable String number) {
        String normalized = ReferenceEdits.number("kommunenummer", number);
        return repository.municipality(normalized).orElseThrow(() -> new NotFound("Ingen kommune med nummer " + normalized));
    }

    @Operation(summary = "Add a municipality (admin)",
            description = "number (1–4 digits), name, regionId, memberFrom (YYYY-MM: coverage expects its figures from "
                    + "this month on). 409 when the number is in use as a current or an old number.")
    @PostMapping("/municipalities")
    @ResponseStatus(HttpStatus.CREATED)
    Municipality addMunicipality(@Valid @RequestBody MunicipalityForm form, Principal user) {
        return edits.addMunicipality(form, user.getName());
    }

    @Operation(summary = "Rename a municipality, move it to another region, change its member-from month (admin)",
            description = "Every field of the municipality (name, regionId, memberFrom); the number cannot change.")
    @PutMapping("/municipalities/" + NUMBER)
    Municipality updateMunicipality(@PathVariable String number, @Valid @RequestBody MunicipalityForm form, Principal user) {
        return edits.updateMunicipality(number, form, user.getName());
    }

    @GetMapping("/municipalities/old-numbers")
    List<OldMunicipalityNumber> oldNumbers() {
        return repository.oldNumbers();
    }

    @Operation(summary = "Add an old municipality number (admin)",
            description = "oldNumber, currentNumber (a current municipality), oldName, validUntil (YYYY-MM-DD), note. "
                    + "Imports map the old number to the current one from then on.")
    @PostMapping("/municipalities/old-numbers")
    @ResponseStatus(HttpStatus.CREATED)
    OldMunicipalityNumber addOldNumber(@Valid @RequestBody OldNumberForm form, Principal user) {
        return edits.addOldNumber(form, user.getName());
    }

    @Operation(summary = "Correct an old municipality number (admin)")
    @PutMapping("/municipalities/old-numbers/{oldNumber:[0-9]{1,4}}")
    OldMunicipalityNumber updateOldNumber(@PathVariable String oldNumber, @Valid @RequestBody OldNumberForm form,
                                          Principal user) {
        return edits.updateOldNumber(oldNumber, form, user.getName());
    }

    @Operation(summary = "Who changed which reference data when, newest first",
            description = "One entry per changed field; number: only that municipality or old number.")
    @GetMapping("/municipalities/changes")
    List<Change> changes(@RequestParam(required = false) String number, @RequestParam(defaultValue = "100") int limit) {
        String key = number == null || number.isBlank() ? null : ReferenceEdits.number("number", number);
        return edits.changes(key, Math.max(1, Math.min(limit, 1000)));
    }
}
