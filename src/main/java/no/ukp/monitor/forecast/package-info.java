/**
 * Forecasts of each indicator's value of a calendar year, with an 80 % prediction interval and
 * the probability of meeting the target (analysis.md, "Forecast"; docs/analysts.md): the
 * arithmetic in one place ({@link no.ukp.monitor.forecast.ForecastEngine}, pure Java on the
 * monthly sums the indicator views give), {@code GET /api/v1/analysis/forecast}, and the stored
 * forecasts of the current year the dashboards read ({@link no.ukp.monitor.forecast.ForecastStore}).
 * Computes statistics about the indicators' sums; never an indicator.
 */
package no.ukp.monitor.forecast;
