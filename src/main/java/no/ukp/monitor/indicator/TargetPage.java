package no.ukp.monitor.indicator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.indicator.TargetRepository.NewTarget;
import no.ukp.monitor.indicator.TargetRepository.Target;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.reference.ScopeType;
import no.ukp.monitor.system.AlreadyExists;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NorwegianTime;
import no.ukp.monitor.web.Choice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The targets page {@code /mal} (admin): every target version per indicator and scope, and a
 * form that adds one through {@link TargetVersions}, as {@code POST /api/v1/targets} does. The
 * form's fields are checked by the same Bean Validation and the same repository as the API's;
 * their Norwegian messages are shown next to the fields.
 */
@Controller
@RequestMapping("/mal")
class TargetPage {

    /** The API's fields and the form's. */
    private static final Map<String, String> FIELDS = Map.of("indicatorId", "indikator", "scopeType", "omfang",
            "scopeId", "omfang", "validFrom", "gjelderFra", "target", "mal", "tolerance", "toleranse",
            "toleranceKind", "toleransetype", "note", "merknad");

    private final TargetRepository targets;
    private final TargetVersions versions;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;
    private final Validator validator;

    TargetPage(TargetRepository targets, TargetVersions versions, IndicatorCatalogue catalogue, ReferenceRepository reference,
               Validator validator) {
        this.targets = targets;
        this.versions = versions;
        this.catalogue = catalogue;
        this.reference = reference;
        this.validator = validator;
    }

    /** The form as sent; {@code omfang} a scope key ({@code total}, {@code region:<id>}) or a type's default ({@code region:}). */
    record Form(String indikator, String omfang, String gjelderFra, String mal, String toleranse, String toleransetype,
                String merknad) {
    }

    /** One version as the page shows it. */
    record Row(String scope, String validFrom, String validUntil, String target, String tolerance, String createdBy,
               String createdAt, String note) {
    }

    /** The versions of one indicator. */
    record Group(String id, String name, List<Row> rows) {
    }

    @GetMapping
    String page(Model model) {
        return page(model, new Form(null, "total", null, null, null, "relative", null), Map.of(), null);
    }

    @PostMapping
    String add(@ModelAttribute Form form, Principal user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal target = number(form.mal(), "mal", errors);
        BigDecimal tolerance = number(form.toleranse(), "toleranse", errors);
        String scope = form.omfang() == null ? "" : form.omfang().strip();
        int colon = scope.indexOf(':');
        String scopeType = colon < 0 ? scope : scope.substring(0, colon);
        String scopeId = colon < 0 ? null : scope.substring(colon + 1);
        NewTarget newTarget = new NewTarget(form.indikator(), scopeType, scopeId, strip(form.gjelderFra()), target, tolerance,
                form.toleransetype(), null, null, form.merknad());
        for (ConstraintViolation<NewTarget> violation : validator.validate(newTarget)) {
            String field = FIELDS.get(violation.getPropertyPath().toString());
            errors.putIfAbsent(field, capitalized(violation.getMessage()));
        }
        if (errors.isEmpty()) {
            try {
                Target added = versions.add(newTarget, user.getName());
                return page(model, new Form(added.indicatorId(), form.omfang(), null, null, null, form.toleransetype(), null),
                        Map.of(), "Nytt mål for " + indicatorName(added.indicatorId()) + " (" + scopeName(added) + ") gjelder fra "
                                + month(added.validFrom()) + ".");
            } catch (AlreadyExists e) {
                errors.put("gjelderFra", e.getMessage());
            } catch (InvalidRequest e) {
                String message = e.getMessage();
                errors.put(message.contains("indikator") ? "indikator" : message.contains("validFrom") ? "gjelderFra" : "omfang",
                        message.replace("«validFrom»", "«Gjelder fra»"));
            }
        }
        return page(model, form, errors, null);
    }

    private String page(Model model, Form form, Map<String, String> errors, String stored) {
        List<Target> all = targets.list(null, null, null);
        List<Group> groups = new ArrayList<>();
        for (IndicatorDefinition indicator : catalogue.all()) {
            List<Row> rows = all.stream().filter(t -> t.indicatorId().equals(indicator.id())).map(this::row).toList();
            if (!rows.isEmpty()) {
                groups.add(new Group(indicator.id(), indicator.name(), rows));
            }
        }
        model.addAttribute("groups", groups);
        model.addAttribute("indicators", catalogue.all().stream().map(i -> new Choice(i.id(), i.name())).toList());
        model.addAttribute("toleranceKinds", List.of(new Choice("relative", "Relativ (andel av målet)"),
                new Choice("absolute", "Absolutt (i indikatorens enhet)")));
        model.addAttribute("scopes", scopeChoices());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("stored", stored);
        return "indicator/targets";
    }

    private List<Choice> scopeChoices() {
        List<Choice> options = new ArrayList<>();
        options.add(new Choice("region:", "Alle regioner (standard)"));
        options.add(new Choice("municipality:", "Alle kommuner (standard)"));
        for (Scope scope : reference.scopes()) {
            options.add(new Choice(scope.key(), switch (scope.type()) {
                case TOTAL -> scope.name();
                case REGION -> "Region " + scope.name();
                case MUNICIPALITY -> scope.name() + " (" + scope.id() + ")";
            }));
        }
        return options;
    }

    private Row row(Target t) {
        String tolerance = norwegian("relative".equals(t.toleranceKind()) ? t.tolerance().movePointRight(2) : t.tolerance())
                + ("relative".equals(t.toleranceKind()) ? " % av målet" : " (absolutt)");
        String until = t.replacedFrom() == null ? "Gjelder nå" : month(YearMonth.parse(t.replacedFrom()).minusMonths(1).toString());
        return new Row(scopeName(t), month(t.validFrom()), until, norwegian(t.target()), tolerance, t.createdBy(),
                t.createdAt() == null ? "" : NorwegianTime.minute(t.createdAt()), t.note());
    }

    private String scopeName(Target t) {
        if (ScopeType.TOTAL.key().equals(t.scopeType())) {
            return Scope.TOTAL_NAME;
        }
        if (t.scopeId() == null) {
            return ScopeType.REGION.key().equals(t.scopeType()) ? "Alle regioner (standard)" : "Alle kommuner (standard)";
        }
        return reference.scope(t.scopeType() + ":" + t.scopeId()).map(Scope::name).orElse(t.scopeId());
    }

    private String indicatorName(String id) {
        return catalogue.find(id).map(IndicatorDefinition::name).orElse(id);
    }

    private static String month(String month) {
        return NorwegianTime.month(YearMonth.parse(month));
    }

    private static String norwegian(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A number as people write it (decimal comma or point, spaces between thousands); null when empty. */
    private static BigDecimal number(String written, String field, Map<String, String> errors) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(written.strip().replace(" ", "").replace('\u00a0', ' ').replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "Må være et tall, for eksempel 0,1 eller 120");
            return null;
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
