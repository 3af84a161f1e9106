package no.ukp.monitor.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import no.ukp.monitor.security.PersonRoles.Person;
import no.ukp.monitor.security.PersonRoles.PersonForm;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roles the service keeps for people signed in through single sign-on (admin only):
 * {@code GET /api/v1/people} lists them, {@code PUT /api/v1/people} gives a person (subject or
 * name) exactly the roles sent, none removing the person. 400 for an unknown role.
 */
@RestController
@RequestMapping("/api/v1/people")
class PeopleController {

    private final PersonRoles people;

    PeopleController(PersonRoles people) {
        this.people = people;
    }

    @GetMapping
    List<Person> people() {
        return people.all();
    }

    @Operation(summary = "Give a person signed in through single sign-on exactly these roles (admin)",
            description = "person: the subject of the person's tokens (sub), or their name until the subject is known; "
                    + "roles: viewer, analyst, ingest, planner, admin; an empty list removes the person. "
                    + "A person's roles are these and those the role claim maps to.")
    @PutMapping
    Person set(@Valid @RequestBody PersonForm form, Principal user) {
        return people.set(form, user.getName());
    }
}
