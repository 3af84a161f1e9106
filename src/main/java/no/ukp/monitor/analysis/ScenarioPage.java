package no.ukp.monitor.analysis;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.web.Choice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page {@code /scenario} (everyone who reads the indicators): choose a scope and a month, try
 * other stays, 0-day share or mean days, and see UKP-days of the 12 months ending with the month
 * as they are and as they would be, each with its status against the target. The same
 * {@link AnalysisRepository#scenario} as {@code /api/v1/analysis/scenario}; the page speaks percent
 * where the API speaks fractions. A plain GET form: htmx swaps in the result, without JavaScript
 * the whole page comes back.
 */
@Controller
@RequestMapping("/scenario")
class ScenarioPage {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The page's fields by the API's parameters, with the rule in the page's words. */
    private static final Map<String, String> FIELDS = Map.of(ScenarioAssumptions.STAYS_CHANGE, "endring",
            ScenarioAssumptions.ZERO_DAY_SHARE, "nulldogn", ScenarioAssumptions.MEAN_DAYS, "dogn");
    private static final Map<String, String> RULES = Map.of("endring", "Må være større enn −100 %.",
            "nulldogn", "Må være mellom 0 og 100 %.", "dogn", "Kan ikke være negativ.");

    private final AnalysisRepository analysis;
    private final KpiRepository kpis;
    private final ReferenceRepository reference;

    ScenarioPage(AnalysisRepository analysis, KpiRepository kpis, ReferenceRepository reference) {
        this.analysis = analysis;
        this.kpis = kpis;
        this.reference = reference;
    }

    /** The form as sent: percent for the change and the 0-day share, days for the mean; empty = as now. */
    record Form(String utvalg, String maned, String endring, String nulldogn, String dogn) {
    }

    /** A row of the comparison: what, as now and in the scenario (null: none), shown with {@code decimals} and {@code unit}. */
    record Row(String name, BigDecimal baseline, BigDecimal scenario, int decimals, String unit) {
    }

    @GetMapping
    String page(@ModelAttribute Form form, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Map<String, String> errors = new LinkedHashMap<>();
        Scope scope = reference.scope(form.utvalg() == null || form.utvalg().isBlank() ? "total" : form.utvalg().strip())
                .orElse(null);
        if (scope == null) {
            errors.put("utvalg", "Velg et utvalg fra listen.");
        }
        YearMonth month = month(form.maned(), errors);
        BigDecimal change = percent(form.endring(), "endring", errors);
        BigDecimal zeroDay = percent(form.nulldogn(), "nulldogn", errors);
        BigDecimal meanDays = number(form.dogn(), "dogn", errors);
        Scenario.Assumptions assumptions = new Scenario.Assumptions(change, zeroDay, meanDays);
        Set<String> outOfRange = ScenarioAssumptions.outOfRange(assumptions);
        outOfRange.forEach(parameter -> errors.putIfAbsent(FIELDS.get(parameter), RULES.get(FIELDS.get(parameter))));
        Form shown = new Form(scope == null ? form.utvalg() : scope.key(), month == null ? form.maned() : month.toString(),
                form.endring(), form.nulldogn(), form.dogn());
        model.addAttribute("form", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("scopes", reference.scopes().stream().map(s -> new Choice(s.key(), switch (s.type()) {
            case TOTAL -> s.name();
            case REGION -> "Region: " + s.name();
            case MUNICIPALITY -> "Kommune: " + s.name() + " (" + s.id() + ")";
        })).toList());
        model.addAttribute("synthetic", kpis.synthetic());
        if (errors.isEmpty() && month != null) {
            Scenario result = analysis.scenario(scope, month, assumptions);
            model.addAttribute("result", result);
            model.addAttribute("rows", rows(result));
            model.addAttribute("scopeName", scope.name());
        }
        return "true".equals(htmx) ? "analysis/scenario :: resultat" : "analysis/scenario";
    }

    private YearMonth month(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return kpis.latestMonth().orElse(null);
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put("maned", "Skriv måneden som ÅÅÅÅ-MM, for eksempel 2025-06.");
            return null;
        }
    }

    private static BigDecimal percent(String text, String field, Map<String, String> errors) {
        BigDecimal value = number(text, field, errors);
        return value == null ? null : value.divide(HUNDRED);
    }

    private static BigDecimal number(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(" ", "").replace('\u00a0', ' ').strip().replace(',', '.').replace('−', '-'));
        } catch (NumberFormatException e) {
            errors.put(field, "Skriv et tall, for eksempel " + (field.equals("dogn") ? "3,5" : "-10") + ".");
            return null;
        }
    }

    private static List<Row> rows(Scenario s) {
        return List.of(
                new Row("UKP-opphold", s.baseline().stays(), s.scenario().stays(), 0, ""),
                new Row("Andel opphold med 0 døgn", percent(s.baseline().zeroDayShare()), percent(s.scenario().zeroDayShare()), 1, " %"),
                new Row("Gjennomsnittlig antall UKP-døgn (opphold med døgn)", s.baseline().meanDays(), s.scenario().meanDays(), 2, ""),
                new Row("UKP-døgn siste 12 måneder", s.baseline().ukpDays(), s.scenario().ukpDays(), 0, ""));
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.multiply(HUNDRED);
    }
}
