package no.ukp.monitor.measure;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.measure.Measures.Measure;
import no.ukp.monitor.measure.Measures.MeasureInput;
import no.ukp.monitor.measure.Measures.StatusEntry;
import no.ukp.monitor.measure.Measures.StatusInput;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NorwegianTime;
import no.ukp.monitor.system.NotFound;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The action plan page {@code /tiltak}: the plan as the committee's template for a month, filtered
 * by area and indicator (htmx swaps the table, a plain GET works too), each measure's effect on its
 * indicators as a small chart ({@link EffectChart}) with {@link MeasureEffect}'s verdict; and, for
 * planners and admins (the page chain's rule), the forms to add and change a measure and to set a
 * month's status. The forms post the API's fields; {@link MeasureRepository} checks them and
 * names each problem's field by the form's label, and the page shows it beside that field.
 */
@Controller
@RequestMapping("/tiltak")
class PlanPage {

    /** Empty activity rows offered below a measure's own, for new ones. */
    static final int NEW_ACTIVITIES = 2;

    private static final Map<String, String> LABELS = labels();

    private final MeasureRepository measures;
    private final MeasureEffect effects;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;
    private final KpiRepository kpis;
    private final Clock clock;

    PlanPage(MeasureRepository measures, MeasureEffect effects, IndicatorCatalogue catalogue, ReferenceRepository reference,
             KpiRepository kpis, Clock clock) {
        this.measures = measures;
        this.effects = effects;
        this.catalogue = catalogue;
        this.reference = reference;
        this.kpis = kpis;
        this.clock = clock;
    }

    /** One line of the plan's table: a measure, or an activity under it. */
    record Row(long id, long measureId, boolean activity, String title, String period, String priority, String size, String owner,
               String scope, List<String> indicators, String status, String statusText, String comment, boolean synthetic) {
    }

    /** A measure's effect on one linked indicator: the chart (null without values) and the verdict. */
    record EffectView(String indicator, String verdict, String text, String svg) {
    }

    /** A measure with its effects. */
    record MeasureEffects(long id, String title, String startMonth, boolean synthetic, List<EffectView> effects) {
    }

    /** A choice of a select or a checkbox. */
    record Option(String value, String label) {
    }

    @GetMapping
    String plan(@RequestParam(name = "maned", required = false) String month,
                @RequestParam(name = "omrade", required = false) String scope,
                @RequestParam(name = "indikator", required = false) String indicator,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        YearMonth chosen = month == null || month.isBlank() ? defaultMonth() : RequestMonth.parse("maned", month);
        String scopeFilter = scope == null || scope.isBlank() ? null : scope;
        String indicatorFilter = indicator == null || indicator.isBlank() ? null : indicator;
        Map<String, IndicatorDefinition> indicators = indicators();
        Function<String, String> scopeName = scopeNames();
        List<Measure> shown = measures.all().stream()
                .filter(m -> scopeFilter == null || m.scope().equals(scopeFilter))
                .filter(m -> indicatorFilter == null || m.indicators().contains(indicatorFilter))
                .toList();
        List<Row> rows = new ArrayList<>();
        List<MeasureEffects> effectViews = new ArrayList<>();
        YearMonth latest = kpis.latestMonth().orElse(null);
        for (Measure measure : shown) {
            rows.add(row(measure, measure.id(), chosen, indicators, scopeName));
            measure.activities().forEach(a -> rows.add(row(a, measure.id(), chosen, indicators, scopeName)));
            if (!measure.indicators().isEmpty()) {
                List<MeasureEffect.Effect> found = latest == null ? List.of()
                        : chosen.isBefore(latest) ? effects.of(measure, chosen) : effects.of(measure);
                effectViews.add(new MeasureEffects(measure.id(), measure.title(), PlanWords.month(YearMonth.parse(measure.startMonth())),
                        measure.synthetic(), found.stream().map(e -> effectView(measure, e, indicators)).toList()));
            }
        }
        model.addAttribute("month", chosen.toString());
        model.addAttribute("monthText", NorwegianTime.month(chosen));
        model.addAttribute("scope", scopeFilter);
        model.addAttribute("indicator", indicatorFilter);
        model.addAttribute("scopes", scopeOptions());
        model.addAttribute("indicatorOptions", indicatorOptions());
        model.addAttribute("rows", rows);
        model.addAttribute("effects", effectViews);
        model.addAttribute("filtered", scopeFilter != null || indicatorFilter != null);
        return "true".equals(htmx) ? "measure/plan :: plan" : "measure/plan";
    }

    @GetMapping("/nytt")
    String newMeasure(Model model) {
        return form(model, new MeasureInput(null, null, null, null, null, null, null, null, "total", List.of(), List.of()),
                null, null);
    }

    @PostMapping("/nytt")
    String add(@RequestParam MultiValueMap<String, String> fields, Principal user, Model model, RedirectAttributes redirect) {
        Posted posted = posted(fields);
        Map<String, String> problems = problems(posted);
        if (!problems.isEmpty()) {
            return form(model, posted.shown(), null, problems);
        }
        long id = measures.create(posted.input(), user.getName(), false);
        redirect.addFlashAttribute("saved", "Tiltaket «" + posted.input().title().strip() + "» er lagt til.");
        return "redirect:/tiltak#tiltak-" + id;
    }

    @GetMapping("/{id}/endre")
    String edit(@PathVariable long id, Model model) {
        Measure measure = measure(id);
        List<MeasureInput> activities = measure.activities().stream()
                .map(a -> new MeasureInput(a.id(), a.title(), a.description(), a.owner(), a.priority(), a.size(), a.startMonth(),
                        a.endMonth(), a.scope().equals(measure.scope()) ? null : a.scope(), List.of(), List.of()))
                .toList();
        return form(model, new MeasureInput(measure.id(), measure.title(), measure.description(), measure.owner(), measure.priority(),
                measure.size(), measure.startMonth(), measure.endMonth(), measure.scope(), measure.indicators(), activities), measure, null);
    }

    @PostMapping("/{id}/endre")
    String change(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, Principal user, Model model,
                  RedirectAttributes redirect) {
        Measure measure = measure(id);
        Posted posted = posted(fields);
        Map<String, String> problems = problems(posted);
        if (problems.isEmpty()) {
            try {
                measures.update(id, posted.input(), user.getName());
            } catch (InvalidRequest e) {
                // an activity id that is not one of this measure's: no field of the form to show it by
                problems.put("", e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return form(model, posted.shown(), measure, problems);
        }
        redirect.addFlashAttribute("saved", "Endringene i «" + posted.input().title().strip() + "» er lagret.");
        return "redirect:/tiltak#tiltak-" + id;
    }

    @GetMapping("/{id}/status")
    String statusForm(@PathVariable long id, @RequestParam(name = "maned", required = false) String month, Model model) {
        Measure measure = measures.find(id).orElseThrow(() -> new NotFound("Fant ikke tiltak eller aktivitet " + id));
        YearMonth chosen = month == null || month.isBlank() ? defaultMonth() : RequestMonth.parse("maned", month);
        StatusEntry current = statusOf(measure, chosen);
        return statusForm(model, measure, new StatusInput(chosen.toString(), current == null ? null : current.status(),
                current == null ? null : current.comment()), null);
    }

    @PostMapping("/{id}/status")
    String setStatus(@PathVariable long id, @RequestParam(name = "month", required = false) String month,
                     @RequestParam(name = "status", required = false) String status,
                     @RequestParam(name = "comment", required = false) String comment, Principal user, Model model,
                     RedirectAttributes redirect) {
        Measure measure = measures.find(id).orElseThrow(() -> new NotFound("Fant ikke tiltak eller aktivitet " + id));
        StatusInput input = new StatusInput(month, status, comment);
        Map<String, String> problems = new LinkedHashMap<>();
        if (!measures.validateStatus(input, (activity, field) -> LABELS.getOrDefault(field, field),
                p -> problems.putIfAbsent(p.field(), p.message()))) {
            return statusForm(model, measure, input, problems);
        }
        StatusEntry stored = measures.setStatus(id, input, user.getName());
        YearMonth set = YearMonth.parse(stored.month());
        redirect.addFlashAttribute("saved", "Status for «" + measure.title() + "» i " + NorwegianTime.month(set) + " er lagret: "
                + Status.of(stored.status()).text() + ".");
        return "redirect:" + UriComponentsBuilder.fromPath("/tiltak").queryParam("maned", stored.month())
                .fragment("tiltak-" + id).build().toUriString();
    }

    // ---- the plan ----------------------------------------------------------------------------

    /** The latest month with data, or this month when there is none. */
    private YearMonth defaultMonth() {
        return kpis.latestMonth().orElse(YearMonth.now(clock));
    }

    private Row row(Measure m, long measureId, YearMonth month, Map<String, IndicatorDefinition> indicators,
                    Function<String, String> scopeName) {
        StatusEntry status = statusOf(m, month);
        List<String> names = m.indicators() == null ? List.of()
                : m.indicators().stream().map(i -> indicators.containsKey(i) ? indicators.get(i).shortName() : i).toList();
        YearMonth end = m.endMonth() == null ? null : YearMonth.parse(m.endMonth());
        return new Row(m.id(), measureId, m.indicators() == null, m.title(),
                PlanWords.period(YearMonth.parse(m.startMonth()), end),
                PlanWords.priorityWord(m.priority()), PlanWords.sizeWord(m.size()), m.owner(), scopeName.apply(m.scope()), names,
                status == null ? null : status.status(), status == null ? null : Status.of(status.status()).text(),
                status == null ? null : status.comment(), m.synthetic());
    }

    /** The status set for {@code month}; the latest set wins ({@code statuses} are newest first). */
    private static StatusEntry statusOf(Measure measure, YearMonth month) {
        return measure.statuses().stream().filter(s -> s.month().equals(month.toString())).findFirst().orElse(null);
    }

    private EffectView effectView(Measure measure, MeasureEffect.Effect effect, Map<String, IndicatorDefinition> indicators) {
        IndicatorDefinition definition = indicators.get(effect.indicator());
        return new EffectView(definition.shortName(), effect.verdict(), effect.text(),
                EffectChart.svg("effekt-" + measure.id() + "-" + effect.indicator(), definition, effect.chart()));
    }

    private Map<String, IndicatorDefinition> indicators() {
        return catalogue.all().stream().collect(Collectors.toMap(IndicatorDefinition::id, d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    private Function<String, String> scopeNames() {
        Map<String, String> names = reference.scopes().stream().collect(Collectors.toMap(Scope::key, Scope::name, (a, b) -> a));
        return key -> names.getOrDefault(key, key);
    }

    private List<Option> scopeOptions() {
        return reference.scopes().stream()
                .map(s -> new Option(s.key(), switch (s.type()) {
                    case TOTAL -> s.name();
                    case REGION -> "Region " + s.name();
                    case MUNICIPALITY -> s.name() + " kommune";
                }))
                .toList();
    }

    private List<Option> indicatorOptions() {
        return catalogue.all().stream().map(d -> new Option(d.id(), d.name())).toList();
    }

    // ---- the forms ---------------------------------------------------------------------------

    /**
     * The repository's problems with what a form sent, by the form's name of the field (an activity's
     * index is its row in the form, empty rows left out of what was sent; "" for the measure as a
     * whole), each message naming the field by the form's label.
     */
    private Map<String, String> problems(Posted posted) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<Integer> rows = posted.rows();
        measures.validate(posted.input(),
                (activity, field) -> (activity < 0 ? "" : "Aktivitet " + (rows.get(activity) + 1) + ": ")
                        + LABELS.getOrDefault(field, field),
                p -> problems.putIfAbsent(p.activity() < 0 || p.field().isEmpty() ? p.field()
                        : "activities[" + rows.get(p.activity()) + "]." + p.field(), p.message()));
        return problems;
    }

    /** What a form sent: the input for the repository (empty activity rows left out), and the rows as shown. */
    private record Posted(MeasureInput input, MeasureInput shown, List<Integer> rows) {
    }

    private static Posted posted(MultiValueMap<String, String> fields) {
        List<MeasureInput> shown = new ArrayList<>();
        List<MeasureInput> sent = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; fields.containsKey("activities[" + i + "].title"); i++) {
            String p = "activities[" + i + "].";
            MeasureInput activity = new MeasureInput(id(fields.getFirst(p + "id")), fields.getFirst(p + "title"),
                    fields.getFirst(p + "description"), fields.getFirst(p + "owner"), fields.getFirst(p + "priority"),
                    fields.getFirst(p + "size"), fields.getFirst(p + "startMonth"), fields.getFirst(p + "endMonth"),
                    fields.getFirst(p + "scope"), List.of(), List.of());
            shown.add(activity);
            if (activity.id() != null || !blank(activity)) {
                sent.add(activity);
                rows.add(i);
            }
        }
        List<String> indicators = fields.getOrDefault("indicators", List.of());
        MeasureInput input = new MeasureInput(null, fields.getFirst("title"), fields.getFirst("description"), fields.getFirst("owner"),
                fields.getFirst("priority"), fields.getFirst("size"), fields.getFirst("startMonth"), fields.getFirst("endMonth"),
                fields.getFirst("scope"), indicators, sent);
        return new Posted(input, new MeasureInput(null, input.title(), input.description(), input.owner(), input.priority(),
                input.size(), input.startMonth(), input.endMonth(), input.scope(), indicators, shown), rows);
    }

    private static boolean blank(MeasureInput a) {
        return Stream.of(a.title(), a.owner(), a.priority(), a.size(), a.startMonth(), a.endMonth())
                .allMatch(v -> v == null || v.isBlank());
    }

    private static Long id(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequest("Ugyldig aktivitet «" + text + "»");
        }
    }

    private String form(Model model, MeasureInput form, Measure measure, Map<String, String> errors) {
        List<MeasureInput> activities = new ArrayList<>(form.activities());
        long empty = activities.stream().filter(a -> a.id() == null && blank(a)).count();
        for (long k = empty; k < NEW_ACTIVITIES; k++) {
            activities.add(new MeasureInput(null, null, null, null, null, null, null, null, null, List.of(), List.of()));
        }
        model.addAttribute("form", form);
        model.addAttribute("activities", activities);
        model.addAttribute("measure", measure);
        model.addAttribute("errors", errors);
        model.addAttribute("scopes", scopeOptions());
        model.addAttribute("indicatorOptions", indicatorOptions());
        model.addAttribute("priorities", Stream.of("hoy", "middel", "lav").map(k -> new Option(k, PlanWords.priorityWord(k))).toList());
        model.addAttribute("sizes", Stream.of("stort", "middels", "lite").map(k -> new Option(k, PlanWords.sizeWord(k))).toList());
        return "measure/form";
    }

    private String statusForm(Model model, Measure measure, StatusInput input, Map<String, String> errors) {
        model.addAttribute("measure", measure);
        model.addAttribute("input", input);
        YearMonth month = null;
        try {
            month = input.month() == null ? null : YearMonth.parse(input.month());
        } catch (RuntimeException e) {
            // shown as the error says
        }
        model.addAttribute("monthText", month == null ? input.month() : NorwegianTime.month(month));
        model.addAttribute("statuses", List.of(Status.GREEN, Status.YELLOW, Status.RED));
        model.addAttribute("errors", errors);
        return "measure/status";
    }

    private Measure measure(long id) {
        return measures.find(id).filter(m -> m.activities() != null)
                .orElseThrow(() -> new NotFound("Fant ikke tiltak " + id));
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("title", "Navn");
        labels.put("description", "Beskrivelse");
        labels.put("owner", "Ansvarlig");
        labels.put("priority", "Prioritet");
        labels.put("size", "Omfang");
        labels.put("startMonth", "Fra");
        labels.put("endMonth", "Til");
        labels.put("scope", "Område");
        labels.put("indicators", "Indikatorer");
        labels.put("month", "Måned");
        labels.put("status", "Status");
        labels.put("comment", "Kommentar");
        return Map.copyOf(labels);
    }
}
