package no.ukp.monitor.spc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import no.ukp.monitor.indicator.AsOf;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.CsvExport;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/kpis/spc}: the XmR chart of an indicator's monthly values in a scope, as
 * JSON or, with {@code Accept: text/csv} or {@code ?format=csv}, as CSV (one row per month, with its phase's mean and
 * limits) for the analysts' own tools.
 */
@RestController
class SpcController {

    static final String PATH = "/api/v1/kpis/spc";

    private final KpiRepository kpis;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;
    private final SpcCharts charts;

    private final AsOf asOf;

    SpcController(KpiRepository kpis, IndicatorCatalogue catalogue, ReferenceRepository reference, SpcCharts charts, AsOf asOf) {
        this.asOf = asOf;
        this.kpis = kpis;
        this.catalogue = catalogue;
        this.reference = reference;
        this.charts = charts;
    }

    @Operation(summary = "SPC (XmR, NHS «Making Data Count») of one indicator's monthly values",
            description = "Phases with mean, process limits (mean ± 2.66 × mean moving range) and 2-sigma band; every month "
                    + "with a value, the rules that flag it (outside_limits, shift, trend, two_of_three) and its variation "
                    + "(improvement, concern, common); the variation of the latest month and the assurance of the latest "
                    + "phase against the monthly target. Rules in docs/spc.md.")
    @GetMapping(path = PATH, produces = "application/json")
    Spc spc(@RequestParam(required = false) String indicator,
            @Parameter(description = "total | region:<id> | municipality:<kommunenummer>") @RequestParam(defaultValue = "total") String scope,
            @Parameter(description = "YYYY-MM; default 23 months before to") @RequestParam(required = false) String from,
            @Parameter(description = "YYYY-MM; default the latest month with data") @RequestParam(required = false) String to,
            @Parameter(description = "rebase months YYYY-MM,YYYY-MM: each starts a new phase") @RequestParam(required = false) String phases,
            @Parameter(description = "true: leave moving ranges above 3.267 × their mean out once") @RequestParam(required = false) String screenOutliers,
            @Parameter(description = "the target on the monthly scale for the assurance; default the catalogue's target valid "
                    + "in the latest month (a yearly one / 12)") @RequestParam(required = false) String target,
            @Parameter(description = AsOf.DESCRIPTION) @RequestParam(required = false) String asOf) {
        IndicatorDefinition definition = definition(indicator);
        return spc(definition, reference.requireScope(scope), from, to, phases, screenOutliers, target, asOf);
    }

    private Spc spc(IndicatorDefinition definition, Scope resolved, String from, String to, String phases,
                    String screenOutliers, String target, String asOf) {
        Instant instant = AsOf.parse(asOf);
        return this.asOf.read(instant, () -> {
            YearMonth end = to == null ? kpis.requireLatestMonth() : RequestMonth.parse("to", to);
            return new AsOf.Extent(resolved, from == null ? end.minusMonths(SpcCharts.DEFAULT_MONTHS - 1L)
                    : RequestMonth.parse("from", from), end);
        }, months -> spc(definition, resolved, months.from(), months.to(), phases, screenOutliers, target));
    }

    private Spc spc(IndicatorDefinition definition, Scope resolved, YearMonth start, YearMonth end, String phases,
                    String screenOutliers, String target) {
        if (start.isAfter(end)) {
            throw new InvalidRequest("«from» (" + start + ") er etter «to» (" + end + ")");
        }
        List<YearMonth> rebases = rebases(phases, end);
        boolean screen = flag("screenOutliers", screenOutliers);
        Double asked = target == null ? null : number("target", target);

        return Spc.of(definition, resolved,
                charts.chart(definition, kpis.series(definition.id(), resolved, Window.MONTH, start, end), asked, rebases, screen));
    }

    /** The same as CSV, one row per month; the value with the indicator's decimals, means, limits and target with two more. */
    @GetMapping(path = PATH, produces = CsvExport.MEDIA_TYPE)
    @PreAuthorize(CsvExport.ROLE)
    ResponseEntity<String> spcCsv(@RequestParam(required = false) String indicator, @RequestParam(defaultValue = "total") String scope,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String phases, @RequestParam(required = false) String screenOutliers,
                                  @RequestParam(required = false) String target, @RequestParam(required = false) String dialect,
                                  @RequestParam(required = false) String asOf) {
        CsvExport.Dialect csvDialect = CsvExport.Dialect.of(dialect);
        IndicatorDefinition d = definition(indicator);
        Scope resolved = reference.requireScope(scope);
        Spc spc = spc(d, resolved, from, to, phases, screenOutliers, target, asOf);
        String scopeKey = resolved.key();
        return CsvExport.response("spc-" + spc.indicator() + "-" + scopeKey.replace(':', '-') + ".csv", csvDialect, csv -> {
            csv.header("month", "scope", "indicator", "value", "phase", "mean", "lpl", "upl", "lower_two_sigma", "upper_two_sigma",
                    "signals", "variation", "target");
            for (SpcChart.Point p : spc.points()) {
                SpcChart.Phase phase = spc.phases().get(p.phase());
                csv.row(p.month(), scopeKey, spc.indicator(), d.rounded(number(p.value())), p.phase(),
                        d.roundedTarget(number(phase.mean())), d.roundedTarget(number(phase.lpl())), d.roundedTarget(number(phase.upl())),
                        d.roundedTarget(number(phase.lowerTwoSigma())), d.roundedTarget(number(phase.upperTwoSigma())),
                        p.signals().stream().map(SpcChart.Signal::key).collect(Collectors.joining(";")), p.variation().key(),
                        d.roundedTarget(number(spc.target())));
            }
        });
    }

    private IndicatorDefinition definition(String indicator) {
        IndicatorDefinition definition = catalogue.requireParameter(indicator);
        if (!definition.windows().contains(Window.MONTH)) {
            throw new InvalidRequest("Indikatoren «" + indicator + "» har ingen månedsverdier å lage SPC av");
        }
        return definition;
    }

    /** The rebase months; one after {@code to} is a mistake, one before the first value changes nothing. */
    private static List<YearMonth> rebases(String phases, YearMonth end) {
        List<YearMonth> months = new ArrayList<>();
        if (phases == null || phases.isBlank()) {
            return months;
        }
        for (String part : phases.split(",", -1)) {
            YearMonth month = RequestMonth.parse("phases", part);
            if (month.isAfter(end)) {
                throw new InvalidRequest("Fasestart «" + month + "» i «phases» er etter «to» (" + end + ")");
            }
            months.add(month);
        }
        return months;
    }

    private static boolean flag(String name, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequest("«" + Problems.cut(value) + "» i «" + name + "» må være true eller false");
        };
    }

    private static Double number(String name, String value) {
        try {
            double number = new BigDecimal(value.strip()).doubleValue();
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequest("«" + Problems.cut(value) + "» i «" + name
                + "» må være et tall med punktum som desimaltegn, f.eks. 83.33");
    }

    private static BigDecimal number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
