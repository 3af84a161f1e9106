-- The forecasts the dashboards show (docs/analysts.md, "Forecast"). Grafana cannot run the
-- service's forecast arithmetic (no.ukp.monitor.forecast.ForecastEngine), so the service stores
-- what it computed (no.ukp.monitor.forecast.ForecastStore): for every indicator and every scope the
-- answer of GET /api/v1/analysis/forecast for the year of the latest month with data. Derived
-- data, replaced as a whole at start, after every stored import and after every new target;
-- nothing here is history.
--
-- One row per indicator and scope: the year, the last month of the history it rests on (through),
-- the forecast of the year's value with its 80 % interval (lower80, upper80), the probability that
-- it meets the target (a fraction 0..1, the target's direction respected), the target, the method
-- in words, the backtest (backtest_n forecasts compared, mase against seasonal naive, coverage80 =
-- share of actual values inside their 80 % interval) and, where there is no forecast, the reason
-- (Norwegian, as the API says it).
CREATE TABLE indicator_forecast (
  indicator_id            VARCHAR(40) NOT NULL,
  scope_type              VARCHAR(20) NOT NULL,
  scope_id                VARCHAR(40) NOT NULL,
  year                    INTEGER NOT NULL,
  through                 DATE,
  forecast                DOUBLE PRECISION,
  lower80                 DOUBLE PRECISION,
  upper80                 DOUBLE PRECISION,
  probability_target_met  DOUBLE PRECISION,
  target                  DOUBLE PRECISION,
  method                  VARCHAR(120),
  backtest_n              INTEGER,
  mase                    DOUBLE PRECISION,
  coverage80              DOUBLE PRECISION,
  reason                  VARCHAR(300),
  computed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (indicator_id, scope_type, scope_id)
);
