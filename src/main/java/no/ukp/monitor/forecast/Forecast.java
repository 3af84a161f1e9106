package no.ukp.monitor.forecast;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code GET /api/v1/analysis/forecast}: one indicator's value of a calendar year in one scope, forecast. */
@Schema(description = "The forecast of an indicator's value of a calendar year in a scope (docs/analysts.md, «Forecast»).")
public record Forecast(
        @Schema(description = "the indicator id, e.g. ukp_days") String indicator,
        @Schema(description = "total | region:<id> | municipality:<kommunenummer>") String scope,
        @Schema(description = "the calendar year forecast") int year,
        @Schema(description = "YYYY-MM: the last month of the history the forecast rests on; null without data") String through,
        @Schema(description = "the year's value: known months plus the forecast of the rest (a ratio: of its sums); null with a reason")
        Double forecast,
        @Schema(description = "lower end of the 80 % prediction interval") Double lower80,
        @Schema(description = "upper end of the 80 % prediction interval") Double upper80,
        @Schema(description = "probability (0..1) that the year's value meets the target in its direction (≤ or ≥); null without target")
        Double probabilityTargetMet,
        @Schema(description = "the target of record (the yearly figure for a yearly target)") Double target,
        @Schema(description = "the method, in Norwegian words") String method,
        @Schema(description = "the rolling-origin backtest over horizons 1–12 months; null where the history is too short")
        ForecastEngine.Backtest backtest,
        @Schema(description = "Norwegian: why there is no forecast; null where there is one") String reason) {
}
