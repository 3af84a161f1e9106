package no.ukp.monitor.reference;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.ukp.monitor.reference.ReferenceEdits.Change;
import no.ukp.monitor.reference.ReferenceEdits.MunicipalityForm;
import no.ukp.monitor.reference.ReferenceEdits.OldNumberForm;
import no.ukp.monitor.system.AlreadyExists;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NorwegianTime;
import no.ukp.monitor.system.NotFound;
import no.ukp.monitor.web.Choice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reference data page {@code /kommuner} (admin): the municipalities with their region,
 * member-from month and old numbers, three forms (add a municipality; rename it, move it or change
 * its member-from month; add an old number) and the change log. Every edit goes through
 * {@link ReferenceEdits}, as the API's, and counts at once; its Norwegian 400 and 409 messages
 * are shown next to the field they concern.
 */
@Controller
@RequestMapping("/kommuner")
class MunicipalityPage {

    static final int CHANGES_SHOWN = 50;
    /** The API's field names as the page labels them, for the messages of {@link ReferenceEdits}. */
    private static final Map<String, String> LABELS = Map.of("«number»", "«Kommunenummer»", "«memberFrom»", "«Medlem fra»",
            "«oldNumber»", "«Gammelt nummer»", "«currentNumber»", "«Nåværende kommune»", "«kommunenummer»", "«Kommune»");
    private static final Map<String, String> CHANGED_FIELDS = Map.of("name", "Navn", "region_id", "Region",
            "member_from", "Medlem fra", "current_number", "Nåværende nummer", "old_name", "Gammelt navn",
            "valid_until", "Siste dag", "note", "Merknad");

    private final ReferenceRepository reference;
    private final ReferenceEdits edits;
    private final Validator validator;

    MunicipalityPage(ReferenceRepository reference, ReferenceEdits edits, Validator validator) {
        this.reference = reference;
        this.edits = edits;
        this.validator = validator;
    }

    /** Add a municipality. */
    record NewForm(String nummer, String navn, String region, String medlemFra) {
    }

    /** Rename, move or change the member-from month of a municipality; empty fields keep what is stored. */
    record EditForm(String kommune, String navn, String region, String medlemFra) {
    }

    /** Add an old number. */
    record OldForm(String gammeltNummer, String gjeldende, String gammeltNavn, String sisteDag, String merknad) {
    }

    /** A municipality as the page lists it. */
    record Row(String number, String name, String region, String memberFrom, String oldNumbers) {
    }

    /** A change of the log as the page shows it. */
    record ChangeRow(String when, String who, String subject, String field, String before, String after) {
    }

    @GetMapping
    String page(Model model) {
        return page(model, new NewForm(null, null, null, null), new EditForm(null, null, null, null),
                new OldForm(null, null, null, null, null), Map.of());
    }

    @PostMapping("/ny")
    String add(@ModelAttribute NewForm form, Principal user, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        MunicipalityForm sent = new MunicipalityForm(form.nummer(), form.navn(), form.region(), form.medlemFra());
        check(sent, Map.of("number", "ny-nummer", "name", "ny-navn", "regionId", "ny-region", "memberFrom", "ny-medlemFra"),
                errors);
        if (errors.isEmpty()) {
            try {
                Municipality added = edits.addMunicipality(sent, user.getName());
                redirect.addFlashAttribute("stored", added.name() + " (" + added.number() + ") er lagt til, medlem fra "
                        + month(added.memberFrom()) + ".");
                return "redirect:/kommuner";
            } catch (AlreadyExists e) {
                errors.put("ny-nummer", shown(e));
            } catch (InvalidRequest e) {
                errors.put(field(e, "ny-nummer", "ny-region", "ny-medlemFra"), shown(e));
            }
        }
        return page(model, form, new EditForm(null, null, null, null), new OldForm(null, null, null, null, null), errors);
    }

    @PostMapping("/endre")
    String edit(@ModelAttribute EditForm form, Principal user, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Municipality stored = form.kommune() == null || form.kommune().isBlank() ? null
                : reference.municipality(form.kommune().strip()).orElse(null);
        if (stored == null) {
            errors.put("endre-kommune", "Velg en kommune");
        } else {
            MunicipalityForm sent = new MunicipalityForm(null, orElse(form.navn(), stored.name()),
                    orElse(form.region(), stored.regionId()), orElse(form.medlemFra(), stored.memberFrom()));
            check(sent, Map.of("name", "endre-navn", "regionId", "endre-region", "memberFrom", "endre-medlemFra"), errors);
            if (errors.isEmpty()) {
                try {
                    Municipality changed = edits.updateMunicipality(stored.number(), sent, user.getName());
                    redirect.addFlashAttribute("stored", changed.name() + " (" + changed.number() + ") er endret.");
                    return "redirect:/kommuner";
                } catch (NotFound e) {
                    errors.put("endre-kommune", shown(e));
                } catch (InvalidRequest e) {
                    errors.put(field(e, "endre-kommune", "endre-region", "endre-medlemFra"), shown(e));
                }
            }
        }
        return page(model, new NewForm(null, null, null, null), form, new OldForm(null, null, null, null, null), errors);
    }

    @PostMapping("/gammelt-nummer")
    String addOldNumber(@ModelAttribute OldForm form, Principal user, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate lastDay = null;
        if (form.sisteDag() != null && !form.sisteDag().isBlank()) {
            try {
                lastDay = LocalDate.parse(form.sisteDag().strip());
            } catch (DateTimeParseException e) {
                errors.put("gammel-sisteDag", "Må være en dato, skrevet ÅÅÅÅ-MM-DD");
            }
        }
        OldNumberForm sent = new OldNumberForm(form.gammeltNummer(), form.gjeldende(), form.gammeltNavn(), lastDay,
                form.merknad());
        check(sent, Map.of("oldNumber", "gammel-nummer", "currentNumber", "gammel-gjeldende", "oldName", "gammel-navn",
                "validUntil", "gammel-sisteDag", "note", "gammel-merknad"), errors);
        if (errors.isEmpty()) {
            try {
                OldMunicipalityNumber added = edits.addOldNumber(sent, user.getName());
                redirect.addFlashAttribute("stored", "Det gamle nummeret " + added.oldNumber() + " (" + added.oldName()
                        + ") er lagt til; filer med det importeres under " + added.currentNumber() + ".");
                return "redirect:/kommuner";
            } catch (AlreadyExists e) {
                errors.put("gammel-nummer", shown(e));
            } catch (InvalidRequest e) {
                errors.put(e.getMessage().contains("currentNumber") ? "gammel-gjeldende" : "gammel-nummer", shown(e));
            }
        }
        return page(model, new NewForm(null, null, null, null), new EditForm(null, null, null, null), form, errors);
    }

    private String page(Model model, NewForm newForm, EditForm editForm, OldForm oldForm, Map<String, String> errors) {
        List<Region> regions = reference.regions();
        Map<String, String> regionNames = regions.stream().collect(Collectors.toMap(Region::id, Region::name));
        Map<String, List<OldMunicipalityNumber>> old = reference.oldNumbers().stream()
                .collect(Collectors.groupingBy(OldMunicipalityNumber::currentNumber));
        List<Municipality> municipalities = reference.municipalities();
        model.addAttribute("rows", municipalities.stream().map(m -> new Row(m.number(), m.name(),
                regionNames.getOrDefault(m.regionId(), m.regionId()), month(m.memberFrom()),
                old.getOrDefault(m.number(), List.of()).stream()
                        .map(o -> o.oldNumber() + " " + o.oldName() + (o.validUntil() == null ? "" : " (til " + NorwegianTime.day(o.validUntil()) + ")"))
                        .collect(Collectors.joining(", ")))).toList());
        List<Choice> regionChoices = regions.stream().map(r -> new Choice(r.id(), r.name())).toList();
        model.addAttribute("regions", regionChoices);
        model.addAttribute("regionsOrUnchanged", Stream.concat(Stream.of(new Choice("", "Ikke endre")), regionChoices.stream()).toList());
        model.addAttribute("municipalityChoices", Stream.concat(Stream.of(new Choice("", "Velg kommune")),
                municipalities.stream().map(m -> new Choice(m.number(), m.name() + " (" + m.number() + ")"))).toList());
        model.addAttribute("changes", edits.changes(null, CHANGES_SHOWN).stream().map(this::changeRow).toList());
        model.addAttribute("changesShown", CHANGES_SHOWN);
        model.addAttribute("newForm", newForm);
        model.addAttribute("editForm", editForm);
        model.addAttribute("oldForm", oldForm);
        model.addAttribute("errors", errors);
        return "reference/municipalities";
    }

    private ChangeRow changeRow(Change c) {
        String subject = ("municipality".equals(c.subject()) ? "Kommune " : "Gammelt nummer ") + c.key();
        return new ChangeRow(NorwegianTime.minute(c.changedAt()), c.changedBy(), subject,
                CHANGED_FIELDS.getOrDefault(c.field(), c.field()), c.oldValue(), c.newValue());
    }

    /** The same Bean Validation as the API's, each message next to its field. */
    private <T> void check(T form, Map<String, String> fields, Map<String, String> errors) {
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        for (ConstraintViolation<T> violation : violations) {
            String field = fields.get(violation.getPropertyPath().toString());
            if (field != null) {
                String message = violation.getMessage();
                errors.putIfAbsent(field, Character.toUpperCase(message.charAt(0)) + message.substring(1));
            }
        }
    }

    /** The field a refusal of {@link ReferenceEdits} concerns: the region, the month, else the number. */
    private static String field(RuntimeException e, String number, String region, String month) {
        String message = e.getMessage();
        return message.contains("region") ? region : message.contains("Måneden") ? month : number;
    }

    private static String shown(RuntimeException e) {
        String message = e.getMessage();
        for (Map.Entry<String, String> label : LABELS.entrySet()) {
            message = message.replace(label.getKey(), label.getValue());
        }
        return message;
    }

    private static String orElse(String written, String stored) {
        return written == null || written.isBlank() ? stored : written.strip();
    }

    private static String month(String month) {
        return NorwegianTime.month(YearMonth.parse(month));
    }
}
