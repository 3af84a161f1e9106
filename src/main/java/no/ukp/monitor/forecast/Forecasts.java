package no.ukp.monitor.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.reference.Scope;
import org.springframework.stereotype.Service;

/**
 * The one way from an indicator and a scope to its forecast, for the API, the report and the
 * stored forecasts the dashboards read: the history from {@link ForecastRepository}, the target of
 * record valid in the year (at its December, or at the last month with data if that is earlier),
 * the arithmetic of {@link ForecastEngine}.
 */
@Service
public class Forecasts {

    /** Indicators whose months are not sums: a change against the same months of a baseline year. */
    static final String UNIT_NOT_FORECAST = "change";
    static final String NOT_FORECAST = "Prognose lages ikke for denne indikatoren: den er en endring mot de samme månedene i "
            + "basisåret, ikke en sum eller et forhold mellom summer";

    private final ForecastRepository repository;

    Forecasts(ForecastRepository repository) {
        this.repository = repository;
    }

    /** Whether the indicator's year can be forecast from its monthly sums. */
    public static boolean forecastable(IndicatorDefinition definition) {
        return !UNIT_NOT_FORECAST.equals(definition.unit());
    }

    /** The forecast of {@code year} from the months up to {@code until} (the latest month with data, or a report's month). */
    public Forecast forecast(IndicatorDefinition definition, Scope scope, int year, YearMonth until) {
        YearMonth targetMonth = targetMonth(year, until);
        if (!forecastable(definition)) {
            return none(definition, scope, year, repository.target(definition.id(), scope, targetMonth));
        }
        return of(definition, scope.key(), year, repository.history(definition, scope, until),
                repository.target(definition.id(), scope, targetMonth));
    }

    /** The forecasts of every scope (in the order given) of the indicator, in two reads. */
    List<Forecast> forecasts(IndicatorDefinition definition, List<Scope> scopes, int year, YearMonth until) {
        Map<String, Double> targets = repository.targets(definition.id(), targetMonth(year, until));
        Map<String, ForecastEngine.History> histories = forecastable(definition) ? repository.histories(definition, until) : Map.of();
        List<Forecast> forecasts = new ArrayList<>();
        for (Scope scope : scopes) {
            Double target = targets.get(scope.key());
            ForecastEngine.History history = histories.get(scope.key());
            forecasts.add(!forecastable(definition) ? none(definition, scope, year, target)
                    : history == null ? of(definition, scope.key(), year, new ForecastEngine.History(until, new double[0], null), target)
                    : of(definition, scope.key(), year, history, target));
        }
        return forecasts;
    }

    private static YearMonth targetMonth(int year, YearMonth until) {
        YearMonth december = YearMonth.of(year, 12);
        return december.isBefore(until) ? december : until;
    }

    private static Forecast none(IndicatorDefinition definition, Scope scope, int year, Double target) {
        return new Forecast(definition.id(), scope.key(), year, null, null, null, null, null, target, null, null, NOT_FORECAST);
    }

    private static Forecast of(IndicatorDefinition definition, String scope, int year, ForecastEngine.History history, Double target) {
        ForecastEngine.Result r = ForecastEngine.forecast(history, year, target, "at_least".equals(definition.direction()));
        return new Forecast(definition.id(), scope, year, history.months() == 0 ? null : history.last().toString(),
                r.forecast(), r.lower80(), r.upper80(), r.probabilityTargetMet(), target, r.method(), r.backtest(), r.reason());
    }
}
