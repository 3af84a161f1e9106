package no.ukp.monitor.forecast;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.YearMonth;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/analysis/forecast}: an indicator's value of a calendar year in a scope, forecast with an 80 % interval. */
@RestController
class ForecastController {

    static final String PATH = "/api/v1/analysis/forecast";

    private final Forecasts forecasts;
    private final IndicatorCatalogue catalogue;
    private final ReferenceRepository reference;
    private final KpiRepository kpis;

    ForecastController(Forecasts forecasts, IndicatorCatalogue catalogue, ReferenceRepository reference, KpiRepository kpis) {
        this.forecasts = forecasts;
        this.catalogue = catalogue;
        this.reference = reference;
        this.kpis = kpis;
    }

    @Operation(summary = "Forecast of an indicator's value of a calendar year",
            description = "The year's value (known months plus the forecast of the rest; a share or mean as the ratio of its "
                    + "forecast sums) with an 80 % prediction interval and the probability of meeting the target of record, "
                    + "from the months up to the latest month with data; the method named, and its rolling-origin backtest "
                    + "(horizons 1–12 months: MASE against seasonal naive, coverage of the 80 % intervals). Where the "
                    + "history is too short the figures are null and «reason» says why. Rules in docs/analysts.md.")
    @GetMapping(path = PATH, produces = "application/json")
    Forecast forecast(@RequestParam(required = false) String indicator,
                      @Parameter(description = "total | region:<id> | municipality:<kommunenummer>")
                      @RequestParam(defaultValue = "total") String scope,
                      @Parameter(description = "YYYY; default the year of the latest month with data")
                      @RequestParam(required = false) String year) {
        IndicatorDefinition definition = catalogue.requireParameter(indicator);
        var resolved = reference.requireScope(scope);
        YearMonth latest = kpis.requireLatestMonth();
        return forecasts.forecast(definition, resolved, year == null ? latest.getYear() : year(year), latest);
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= RequestMonth.FIRST_YEAR && year <= RequestMonth.LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequest("Året «" + Problems.cut(text) + "» i «year» må skrives ÅÅÅÅ, fra "
                + RequestMonth.FIRST_YEAR + " til " + RequestMonth.LAST_YEAR);
    }
}
