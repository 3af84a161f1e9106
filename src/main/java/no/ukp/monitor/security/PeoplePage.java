package no.ukp.monitor.security;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.security.PersonRoles.Person;
import no.ukp.monitor.security.PersonRoles.PersonForm;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NorwegianTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page {@code /personer} (admin): the people signed in through single sign-on and the roles
 * the service keeps for them, and a form that gives a person (subject or name) exactly the
 * roles ticked, none removing the person, as {@code PUT /api/v1/people} ({@link PersonRoles}).
 */
@Controller
@RequestMapping("/personer")
class PeoplePage {

    /** The roles as the page names them, in the order of {@link Role#USERS}. */
    private static final Map<String, String> LABELS = Map.of("viewer", "Leser (viewer)", "analyst", "Analytiker (analyst)",
            "ingest", "Importør (ingest)", "planner", "Kompetansegruppen (planner)", "admin", "Administrator (admin)");

    private final PersonRoles people;
    private final OidcSettings oidc;

    PeoplePage(PersonRoles people, OidcSettings oidc) {
        this.people = people;
        this.oidc = oidc;
    }

    /** The form: the person, and the roles ticked. */
    record Form(String person, List<String> roller) {
    }

    /** A role to tick. */
    record RoleChoice(String value, String label, boolean checked) {
    }

    /** A person as the page lists them. */
    record Row(String person, String roles, String changedBy, String changedAt) {
    }

    @GetMapping
    String page(Model model) {
        return page(model, new Form(null, List.of()), null);
    }

    @PostMapping
    String set(@ModelAttribute Form form, Principal user, Model model, RedirectAttributes redirect) {
        String person = form.person() == null ? "" : form.person().strip();
        if (person.isEmpty() || person.length() > PersonRoles.MAX_PERSON) {
            return page(model, form, person.isEmpty() ? "Skriv personens subject eller navn"
                    : "Kan ha høyst " + PersonRoles.MAX_PERSON + " tegn");
        }
        List<String> roles = form.roller() == null ? List.of() : form.roller();
        try {
            Person stored = people.set(new PersonForm(person, roles), user.getName());
            redirect.addFlashAttribute("stored", stored.roles().isEmpty() ? person + " har ikke lenger roller her."
                    : person + " har nå rollene " + String.join(", ", stored.roles()) + ".");
            return "redirect:/personer";
        } catch (InvalidRequest e) {
            return page(model, form, e.getMessage());
        }
    }

    private String page(Model model, Form form, String error) {
        List<String> ticked = form.roller() == null ? List.of() : form.roller();
        model.addAttribute("rows", people.all().stream().map(p -> new Row(p.person(),
                String.join(", ", p.roles()), p.changedBy(), NorwegianTime.minute(p.changedAt()))).toList());
        model.addAttribute("roles", Role.USERS.stream().map(r -> new RoleChoice(r, LABELS.get(r), ticked.contains(r))).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", error == null ? Map.of() : Map.of("person", error));
        model.addAttribute("signOn", oidc.enabled());
        return "security/people";
    }
}
