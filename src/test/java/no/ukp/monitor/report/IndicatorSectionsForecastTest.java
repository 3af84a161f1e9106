package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.ukp.monitor.forecast.Forecast;
import no.ukp.monitor.forecast.ForecastEngine;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.Window;
import org.junit.jupiter.api.Test;

/** The forecast as the report words it beside the simple projection. */
class IndicatorSectionsForecastTest {

    private static final IndicatorDefinition DAYS = new IndicatorDefinition("ukp_days", "Antall UKP-døgn per år", "UKP-døgn", "days",
            "at_most", 0, "", List.of(Window.MONTH), Window.ROLLING12, IndicatorDefinition.TargetPeriod.YEAR, null);
    private static final IndicatorDefinition SHARE = new IndicatorDefinition("zero_day_share", "Andel UKP med opphold 0 døgn", "0 døgn",
            "share", "at_least", 1, "", List.of(Window.MONTH), Window.ROLLING12, IndicatorDefinition.TargetPeriod.MONTH, null);

    @Test
    void shouldWordTheForecastWithItsMethodIntervalAndProbability() {
        Forecast days = new Forecast("ukp_days", "total", 2025, "2025-06", 1234.4, 1100.2, 1350.6, 0.734, 1000.0,
                "Holt-Winters, additiv sesong og dempet trend", new ForecastEngine.Backtest(300, 0.8, 0.79), null);
        assertThat(IndicatorSections.forecast(DAYS, days)).isEqualTo("Prognose for 2025 (Holt-Winters, additiv sesong og dempet trend): "
                + "1\u00a0234, 80\u00a0% intervall 1\u00a0100–1\u00a0351, sannsynlighet for å nå målet 73\u00a0%");

        Forecast share = new Forecast("zero_day_share", "municipality:5001", 2025, "2025-06", 0.8125, 0.79, 0.831, null, null,
                "m", null, null);
        assertThat(IndicatorSections.forecast(SHARE, share))
                .isEqualTo("Prognose for 2025 (m): 81,3\u00a0%, 80\u00a0% intervall 79,0\u00a0%–83,1\u00a0%, ingen målsetning");
    }

    @Test
    void shouldSayWhyThereIsNoForecast() {
        Forecast none = new Forecast("ukp_days", "total", 2025, null, null, null, null, null, 1000.0, null, null,
                "Ingen sammenhengende månedsdata å lage prognose av");
        assertThat(IndicatorSections.forecast(DAYS, none))
                .isEqualTo("Prognose for 2025: ingen. Ingen sammenhengende månedsdata å lage prognose av.");
    }
}
