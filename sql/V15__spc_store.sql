-- The XmR charts (SPC, docs/spc.md) the dashboards show. Grafana cannot run the service's one
-- XmR engine (no.ukp.monitor.spc.XmrEngine), so the service stores what the engine computed
-- (no.ukp.monitor.spc.SpcStore): for every indicator with monthly values and every scope the
-- chart that GET /api/v1/kpis/spc answers without parameters: the 24 months up to the latest
-- month with data, the monthly target of record. Derived data, replaced as a whole at start,
-- after every stored import and after every new target; nothing here is history.

-- One row per month with a value: the value, its phase's mean, limits and 2-sigma band (null
-- where the phase has too few points), the rules that flag it (';'-separated keys, '' for none)
-- and its variation (improvement | concern | common).
CREATE TABLE spc_point (
  indicator_id     VARCHAR(40) NOT NULL,
  scope_type       VARCHAR(20) NOT NULL,
  scope_id         VARCHAR(40) NOT NULL,
  month            DATE NOT NULL,
  value            DOUBLE PRECISION NOT NULL,
  phase            INTEGER NOT NULL,
  phase_from       DATE NOT NULL,
  mean             DOUBLE PRECISION,
  lpl              DOUBLE PRECISION,
  upl              DOUBLE PRECISION,
  lower_two_sigma  DOUBLE PRECISION,
  upper_two_sigma  DOUBLE PRECISION,
  signals          VARCHAR(100) NOT NULL,
  variation        VARCHAR(20) NOT NULL,
  PRIMARY KEY (indicator_id, scope_type, scope_id, month)
);

-- One row per indicator and scope: the months the chart covers, the monthly target it is held
-- against, the latest phase's mean and limits, the variation of the latest point and the
-- assurance (keys as in the API, null where not assessed) and the same in the words of the
-- report (variation_text, assurance_text; where not assessed, «Ikke vurdert» and why), so that
-- dashboards and report say the same.
CREATE TABLE spc_summary (
  indicator_id     VARCHAR(40) NOT NULL,
  scope_type       VARCHAR(20) NOT NULL,
  scope_id         VARCHAR(40) NOT NULL,
  from_month       DATE NOT NULL,
  to_month         DATE NOT NULL,
  target           DOUBLE PRECISION,
  mean             DOUBLE PRECISION,
  lpl              DOUBLE PRECISION,
  upl              DOUBLE PRECISION,
  variation        VARCHAR(30),
  variation_text   VARCHAR(60),
  assurance        VARCHAR(30),
  assurance_text   VARCHAR(60),
  computed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (indicator_id, scope_type, scope_id)
);
