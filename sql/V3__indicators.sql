-- Indicators: the ONE definition of the indicator arithmetic (domain.md), as views.
--
-- The API, the Grafana panels, the report and the analysts' own SQL all read these views; no
-- other code computes an indicator. Public names (a promise to analysts, keep them):
--
--   indicator, indicator_setting, indicator_target     tables: what is measured, settings, targets
--   scope_municipality   (scope_type, scope_id, scope_name, municipality)  which municipalities make a scope
--   indicator_scope      (scope_type, scope_id, scope_name, municipalities) every scope, once
--   scope_population     (year, scope_type, scope_id, population)         population at 1 January per scope
--   indicator_month      (month)  every month from the first to the last month with any data
--   indicator_window_sums  the sums behind every figure, per month x scope x window, with coverage
--   indicator_value      (month, scope_type, scope_id, indicator_id, time_window, value, numerator,
--                         denominator, expected, reported, complete)
--   indicator_coverage   (month, scope_type, scope_id, time_window, expected, reported, complete)
--   indicator_target_period  each target row with the month it stops applying
--   indicator_target_at  the target that applies to (month, scope, indicator)
--   indicator_status     (month, scope_type, scope_id, indicator_id, direction, status_window, value,
--                         target, tolerance, tolerance_kind, yellow_limit, status, expected, reported,
--                         complete, target_id); status green | yellow | red | no_data | no_target
--
-- Conventions: a month is a DATE on the first of the month; scope_type is total | region |
-- municipality, scope_id is 'total', a region id or a kommunenummer; time_window is month |
-- ytd | rolling12 (| projectedYear for ukp_days). All figures are exact NUMERIC (the view
-- columns NUMERIC(38,16)); shares are fractions 0..1; a window without data gives NULL (never
-- 0), and so does a zero denominator. Only area 'somatikk' counts. Scopes follow the reference
-- data as it is now (a municipality that moves region moves with all its history).
-- Plain SQL only: works on PostgreSQL and on TimescaleDB alike. Every expression is CAST to its
-- type, so that jOOQ's DDLDatabase (which simulates this file in H2) and PostgreSQL agree on the
-- column types of the views; the views are in the generated jOOQ model.
-- Typical use: WHERE month = ? AND scope_type = ? AND scope_id = ? (the scope is pushed down into
-- the sums; the month is picked after the running sums of that scope).

-- ---- what is measured ----------------------------------------------------------------------

CREATE TABLE indicator (
  id          VARCHAR(40)  PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  -- at_most: lower is better; at_least: higher is better
  direction   VARCHAR(10)  NOT NULL CHECK (direction IN ('at_most', 'at_least')),
  unit        VARCHAR(10)  NOT NULL CHECK (unit IN ('days', 'share', 'change')),
  sort_order  INTEGER      NOT NULL
);

-- Settings. The service overwrites them from its configuration at start.
--   baseline_year            the year short_term_los_change compares with (YYYY); read by the views
--   measurement_start_month  virkningstidspunkt: the month from which the indicators are measured
--                            (YYYY-MM); data for the service and the report, the views show every month
CREATE TABLE indicator_setting (
  key    VARCHAR(60)  PRIMARY KEY,
  value  VARCHAR(100) NOT NULL,
  CONSTRAINT indicator_setting_baseline_year CHECK (key <> 'baseline_year' OR value ~ '^[0-9]{4}$'),
  CONSTRAINT indicator_setting_measurement_start_month
    CHECK (key <> 'measurement_start_month' OR value ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);

-- Targets, versioned: a row applies from valid_from (first of a month) until a newer row for the
-- same indicator and scope. scope_id NULL is the default for every scope of scope_type; a row
-- with the exact scope_id beats the default. apportioned = true (ukp_days for regions and
-- municipalities): the target is the total target valid at the month times the scope's share
-- of the population; the row's own target column is then not used (it records the total target
-- when the row was written), its tolerance and status_window are.
CREATE TABLE indicator_target (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id    VARCHAR(40)  NOT NULL REFERENCES indicator (id),
  scope_type      VARCHAR(20)  NOT NULL CHECK (scope_type IN ('total', 'region', 'municipality')),
  scope_id        VARCHAR(40),
  valid_from      DATE         NOT NULL,
  target          NUMERIC(14,6) NOT NULL,
  -- relative: a fraction of the target (0.10 = 10 %); absolute: in the unit of the indicator
  tolerance       NUMERIC(14,6) NOT NULL CHECK (tolerance >= 0),
  tolerance_kind  VARCHAR(10)  NOT NULL CHECK (tolerance_kind IN ('relative', 'absolute')),
  -- the window the status of record is judged on
  status_window   VARCHAR(20)  NOT NULL DEFAULT 'rolling12'
                  CHECK (status_window IN ('month', 'ytd', 'rolling12', 'projectedYear')),
  apportioned     BOOLEAN      NOT NULL DEFAULT FALSE,
  created_by      VARCHAR(60)  NOT NULL DEFAULT 'migration',
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  note            VARCHAR(300),
  CONSTRAINT indicator_target_first_of_month CHECK (EXTRACT(DAY FROM valid_from) = 1),
  CONSTRAINT indicator_target_total_scope CHECK (scope_type <> 'total' OR scope_id IS NULL OR scope_id = 'total'),
  CONSTRAINT indicator_target_apportioned CHECK (NOT apportioned OR scope_type <> 'total')
);
CREATE INDEX indicator_target_lookup ON indicator_target (indicator_id, scope_type, scope_id, valid_from);

-- [jooq ignore start]
-- One version per indicator, scope and valid_from (a NULL scope_id counts as one scope).
CREATE UNIQUE INDEX indicator_target_version
  ON indicator_target (indicator_id, scope_type, COALESCE(scope_id, ''), valid_from);

INSERT INTO indicator (id, name, direction, unit, sort_order) VALUES
  ('ukp_days',              'Antall UKP-døgn per år',                    'at_most',  'days',   1),
  ('zero_day_share',        'Andel UKP med opphold 0 døgn',              'at_least', 'share',  2),
  ('avg_ukp_days',          'Gjennomsnittlig liggetid som UKP',          'at_most',  'days',   3),
  ('direct_home_share',     'Andel UKP som reiser rett hjem',            'at_least', 'share',  4),
  ('readmission_30d_share', 'Andel re-innleggelser < 30 døgn',           'at_most',  'share',  5),
  ('short_term_los_change', 'Endring i liggetid på korttidsopphold (Øya helsehus)', 'at_most', 'change', 6);

INSERT INTO indicator_setting (key, value) VALUES
  ('baseline_year', '2023'),
  ('measurement_start_month', '2024-01');

-- The committee's targets (ASU 2023) and the default tolerances of domain.md.
INSERT INTO indicator_target (indicator_id, scope_type, scope_id, valid_from, target, tolerance,
                              tolerance_kind, apportioned, note) VALUES
  ('ukp_days',              'total',        NULL,        '2000-01-01', 1000,  0.10, 'relative', FALSE, 'ASU 2023: at most 1000 UKP-days per year'),
  ('ukp_days',              'region',       NULL,        '2000-01-01', 1000,  0.10, 'relative', TRUE,  'total target apportioned by population share'),
  ('ukp_days',              'municipality', NULL,        '2000-01-01', 1000,  0.10, 'relative', TRUE,  'total target apportioned by population share'),
  ('zero_day_share',        'total',        NULL,        '2000-01-01', 0.90,  0.05, 'absolute', FALSE, 'ASU 2023: at least 90 %'),
  ('zero_day_share',        'region',       NULL,        '2000-01-01', 0.90,  0.05, 'absolute', FALSE, 'ASU 2023: at least 90 %'),
  ('zero_day_share',        'municipality', NULL,        '2000-01-01', 0.90,  0.05, 'absolute', FALSE, 'ASU 2023: at least 90 %'),
  ('avg_ukp_days',          'total',        NULL,        '2000-01-01', 2,     0.10, 'relative', FALSE, 'ASU 2023: at most 2 days'),
  ('avg_ukp_days',          'region',       NULL,        '2000-01-01', 2,     0.10, 'relative', FALSE, 'ASU 2023: at most 2 days'),
  ('avg_ukp_days',          'municipality', NULL,        '2000-01-01', 2,     0.10, 'relative', FALSE, 'ASU 2023: at most 2 days'),
  ('direct_home_share',     'total',        NULL,        '2000-01-01', 0.30,  0.05, 'absolute', FALSE, 'ASU 2023: at least 30 %'),
  ('direct_home_share',     'region',       NULL,        '2000-01-01', 0.30,  0.05, 'absolute', FALSE, 'ASU 2023: at least 30 %'),
  ('direct_home_share',     'municipality', NULL,        '2000-01-01', 0.30,  0.05, 'absolute', FALSE, 'ASU 2023: at least 30 %'),
  ('readmission_30d_share', 'total',        NULL,        '2000-01-01', 0.16,  0.10, 'relative', FALSE, 'ASU 2023: at most 16 %'),
  ('readmission_30d_share', 'region',       NULL,        '2000-01-01', 0.16,  0.10, 'relative', FALSE, 'ASU 2023: at most 16 %'),
  ('readmission_30d_share', 'municipality', NULL,        '2000-01-01', 0.16,  0.10, 'relative', FALSE, 'ASU 2023: at most 16 %'),
  ('short_term_los_change', 'total',        NULL,        '2000-01-01', -0.20, 0.05, 'absolute', FALSE, 'ASU 2023: 20 % shorter stays at Øya helsehus'),
  ('short_term_los_change', 'region',       'trondheim', '2000-01-01', -0.20, 0.05, 'absolute', FALSE, 'ASU 2023: 20 % shorter stays at Øya helsehus'),
  ('short_term_los_change', 'municipality', '5001',      '2000-01-01', -0.20, 0.05, 'absolute', FALSE, 'ASU 2023: 20 % shorter stays at Øya helsehus'),
  ('short_term_los_change', 'region',       NULL,        '2000-01-01', 0.00,  0.05, 'absolute', FALSE, 'ASU 2023: shorter stays in short-term wards'),
  ('short_term_los_change', 'municipality', NULL,        '2000-01-01', 0.00,  0.05, 'absolute', FALSE, 'ASU 2023: shorter stays in short-term wards');
-- [jooq ignore stop]

-- ---- scopes --------------------------------------------------------------------------------

-- Which municipalities make up a scope: the total (every municipality), each region (its
-- municipalities) and each municipality (itself). Follows the reference data as it is now.
CREATE VIEW scope_municipality AS
SELECT CAST('total' AS VARCHAR(20))             AS scope_type,
       CAST('total' AS VARCHAR(40))             AS scope_id,
       CAST('Helsefellesskapet' AS VARCHAR(100)) AS scope_name,
       m.number                                 AS municipality
FROM municipality m
UNION ALL
SELECT CAST('region' AS VARCHAR(20)), CAST(r.id AS VARCHAR(40)), CAST(r.name AS VARCHAR(100)), m.number
FROM region r JOIN municipality m ON m.region_id = r.id
UNION ALL
SELECT CAST('municipality' AS VARCHAR(20)), CAST(m.number AS VARCHAR(40)), CAST(m.name AS VARCHAR(100)), m.number
FROM municipality m;

-- Every scope once, with the number of municipalities in it (a region without municipalities
-- is no scope). The same scopes as scope_municipality, written out rather than grouped from it,
-- so that the planner knows how many there are.
CREATE VIEW indicator_scope AS
SELECT CAST('total' AS VARCHAR(20))              AS scope_type,
       CAST('total' AS VARCHAR(40))              AS scope_id,
       CAST('Helsefellesskapet' AS VARCHAR(100)) AS scope_name,
       CAST((SELECT count(*) FROM municipality) AS INTEGER) AS municipalities
WHERE EXISTS (SELECT 1 FROM municipality)
UNION ALL
SELECT CAST('region' AS VARCHAR(20)), CAST(r.id AS VARCHAR(40)), CAST(r.name AS VARCHAR(100)),
       CAST((SELECT count(*) FROM municipality m WHERE m.region_id = r.id) AS INTEGER)
FROM region r
WHERE EXISTS (SELECT 1 FROM municipality m WHERE m.region_id = r.id)
UNION ALL
SELECT CAST('municipality' AS VARCHAR(20)), CAST(m.number AS VARCHAR(40)), CAST(m.name AS VARCHAR(100)), 1
FROM municipality m;

-- Population at 1 January of year, summed over the municipalities of a scope that have it.
CREATE VIEW scope_population AS
SELECT p.year, s.scope_type, s.scope_id, CAST(sum(p.population) AS BIGINT) AS population
FROM scope_municipality s
JOIN population p ON p.municipality = s.municipality
GROUP BY p.year, s.scope_type, s.scope_id;

-- ---- months --------------------------------------------------------------------------------

-- Every calendar month from the first to the last month with any data (monthly statistics of
-- any area, or short-term ward statistics), gaps included; empty without data.
-- (Months are numbered from 1900-01 in a fixed series of 30000, 1900-01..4399-12; the series
-- is filtered on the number first. Its fixed length lets the planner guess the size of the
-- calendar, about 150 months, instead of a handful, and choose hash joins over it.)
CREATE VIEW indicator_month AS
SELECT CAST(DATE '1900-01-01' + s.n * INTERVAL '1' MONTH AS DATE) AS month
FROM generate_series(0, 29999) AS s (n)
WHERE s.n >= (SELECT CAST((EXTRACT(YEAR FROM r.first_month) - 1900) * 12 + EXTRACT(MONTH FROM r.first_month) - 1 AS INTEGER)
              FROM (SELECT LEAST((SELECT min(month) FROM monthly_statistics),
                                 (SELECT min(month) FROM short_term_stays)) AS first_month) r)
  AND s.n <= (SELECT CAST((EXTRACT(YEAR FROM r.last_month) - 1900) * 12 + EXTRACT(MONTH FROM r.last_month) - 1 AS INTEGER)
              FROM (SELECT GREATEST((SELECT max(month) FROM monthly_statistics),
                                    (SELECT max(month) FROM short_term_stays)) AS last_month) r);

-- ---- the sums behind every figure ----------------------------------------------------------

-- Per month M x scope x window, the sums of the facts in the window (NULL: no row in the window)
-- and the coverage of the window:
--   time_window      month = M; ytd = January..M of M's year; rolling12 = the 12 months ending
--                    with M; projectedYear = the ytd sums (ukp_days is projected from them)
--   municipalities   in the scope; months_in_window: 1, the number of M's month, 12
--   expected         municipalities × months_in_window
--   reported         municipality-months in the window with a somatikk row
--   complete         reported = expected
--   ukp_stays .. readmissions_30d    somatikk statistics of the scope's municipalities
--   ukp_stays_readmissions_known     ukp_stays over the rows whose readmissions_30d is known
--   short_term_*                     short-term ward statistics, all units pooled
--   baseline_short_term_*            the same in the same calendar months of the baseline year:
--                                    M's month / January..M's month / all twelve (rolling12)
-- How: the facts of each scope and month are summed with an empty row for every month of the
-- calendar (indicator_month, no gaps; a month without facts keeps NULL sums). Then one running
-- sum over "the 11 rows before and this one" does every window, partitioned by the window's
-- period: each month alone for month, the calendar year for ytd (at most 12 rows), the whole
-- calendar for rolling12. The baseline year is indicator_setting 'baseline_year' (without it,
-- short_term_los_change has no value).
CREATE VIEW indicator_window_sums AS
SELECT w.month, w.scope_type, w.scope_id, w.time_window,
       w.municipalities, w.months_in_window,
       CAST(w.municipalities * w.months_in_window AS INTEGER) AS expected,
       w.reported,
       CAST(CASE WHEN w.reported = w.municipalities * w.months_in_window THEN TRUE ELSE FALSE END AS BOOLEAN) AS complete,
       w.ukp_stays, w.zero_day_stays, w.ukp_days, w.discharged_home, w.readmissions_30d,
       w.ukp_stays_readmissions_known,
       w.short_term_discharges, w.short_term_los_days,
       w.baseline_short_term_discharges, w.baseline_short_term_los_days
FROM (
  SELECT m.month, m.scope_type, m.scope_id, CAST(tw.time_window AS VARCHAR(20)) AS time_window, sc.municipalities,
         CAST(CASE tw.time_window WHEN 'month' THEN 1 WHEN 'rolling12' THEN 12
                                  ELSE EXTRACT(MONTH FROM m.month) END AS INTEGER) AS months_in_window,
         CAST(sum(m.reported) OVER win AS INTEGER)                      AS reported,
         CAST(sum(m.ukp_stays) OVER win AS BIGINT)                      AS ukp_stays,
         CAST(sum(m.zero_day_stays) OVER win AS BIGINT)                 AS zero_day_stays,
         CAST(sum(m.ukp_days) OVER win AS BIGINT)                       AS ukp_days,
         CAST(sum(m.discharged_home) OVER win AS BIGINT)                AS discharged_home,
         CAST(sum(m.readmissions_30d) OVER win AS BIGINT)               AS readmissions_30d,
         CAST(sum(m.ukp_stays_readmissions_known) OVER win AS BIGINT)   AS ukp_stays_readmissions_known,
         CAST(sum(m.short_term_discharges) OVER win AS BIGINT)          AS short_term_discharges,
         CAST(sum(m.short_term_los_days) OVER win AS BIGINT)            AS short_term_los_days,
         CAST(CASE tw.time_window WHEN 'month' THEN b.month_discharges WHEN 'rolling12' THEN b.year_discharges
                                  ELSE b.ytd_discharges END AS BIGINT)  AS baseline_short_term_discharges,
         CAST(CASE tw.time_window WHEN 'month' THEN b.month_los_days WHEN 'rolling12' THEN b.year_los_days
                                  ELSE b.ytd_los_days END AS BIGINT)    AS baseline_short_term_los_days
  FROM (
    -- per scope and month: the sums of the facts, NULL where there are none
    SELECT u.scope_type, u.scope_id, u.month,
           sum(u.reported)                     AS reported,
           sum(u.ukp_stays)                    AS ukp_stays,
           sum(u.zero_day_stays)               AS zero_day_stays,
           sum(u.ukp_days)                     AS ukp_days,
           sum(u.discharged_home)              AS discharged_home,
           sum(u.readmissions_30d)             AS readmissions_30d,
           sum(u.ukp_stays_readmissions_known) AS ukp_stays_readmissions_known,
           sum(u.short_term_discharges)        AS short_term_discharges,
           sum(u.short_term_los_days)          AS short_term_los_days
    FROM (
      -- every month of the calendar for every scope
      SELECT sc.scope_type, sc.scope_id, cm.month, 0 AS reported,
             CAST(NULL AS INTEGER) AS ukp_stays, CAST(NULL AS INTEGER) AS zero_day_stays,
             CAST(NULL AS INTEGER) AS ukp_days, CAST(NULL AS INTEGER) AS discharged_home,
             CAST(NULL AS INTEGER) AS readmissions_30d, CAST(NULL AS INTEGER) AS ukp_stays_readmissions_known,
             CAST(NULL AS INTEGER) AS short_term_discharges, CAST(NULL AS INTEGER) AS short_term_los_days
      FROM indicator_scope sc CROSS JOIN indicator_month cm
      UNION ALL
      -- somatikk statistics: one row per municipality and month
      SELECT s.scope_type, s.scope_id, f.month, 1,
             f.ukp_stays, f.zero_day_stays, f.ukp_days, f.discharged_home, f.readmissions_30d,
             CASE WHEN f.readmissions_30d IS NOT NULL THEN f.ukp_stays END,
             NULL, NULL
      FROM scope_municipality s
      JOIN monthly_statistics f ON f.municipality = s.municipality AND f.area = 'somatikk'
      UNION ALL
      -- short-term ward statistics, every unit
      SELECT s.scope_type, s.scope_id, f.month, 0,
             NULL, NULL, NULL, NULL, NULL, NULL,
             f.discharges, f.los_days
      FROM scope_municipality s
      JOIN short_term_stays f ON f.municipality = s.municipality
    ) u
    GROUP BY u.scope_type, u.scope_id, u.month
  ) m
  JOIN indicator_scope sc ON sc.scope_type = m.scope_type AND sc.scope_id = m.scope_id
  CROSS JOIN (VALUES ('month'), ('ytd'), ('rolling12'), ('projectedYear')) AS tw (time_window)
  -- the baseline year per scope and calendar month number n: month n, January..n, the whole year
  LEFT JOIN (
    SELECT bs.scope_type, bs.scope_id, n.month_number,
           sum(CASE WHEN bs.month_number = n.month_number THEN bs.discharges END)  AS month_discharges,
           sum(CASE WHEN bs.month_number = n.month_number THEN bs.los_days END)    AS month_los_days,
           sum(CASE WHEN bs.month_number <= n.month_number THEN bs.discharges END) AS ytd_discharges,
           sum(CASE WHEN bs.month_number <= n.month_number THEN bs.los_days END)   AS ytd_los_days,
           sum(bs.discharges)                                                      AS year_discharges,
           sum(bs.los_days)                                                        AS year_los_days
    FROM (
      SELECT s.scope_type, s.scope_id, CAST(EXTRACT(MONTH FROM f.month) AS INTEGER) AS month_number,
             sum(f.discharges) AS discharges, sum(f.los_days) AS los_days
      FROM scope_municipality s
      JOIN short_term_stays f ON f.municipality = s.municipality
      WHERE f.month >= CAST((SELECT value FROM indicator_setting WHERE key = 'baseline_year') || '-01-01' AS DATE)
        AND f.month <= CAST((SELECT value FROM indicator_setting WHERE key = 'baseline_year') || '-12-01' AS DATE)
      GROUP BY s.scope_type, s.scope_id, f.month
    ) bs
    CROSS JOIN generate_series(1, 12) AS n (month_number)
    GROUP BY bs.scope_type, bs.scope_id, n.month_number
  ) b ON b.scope_type = m.scope_type AND b.scope_id = m.scope_id
     AND b.month_number = CAST(EXTRACT(MONTH FROM m.month) AS INTEGER)
  WINDOW win AS (PARTITION BY m.scope_type, m.scope_id, tw.time_window,
                              CASE tw.time_window
                                WHEN 'month'     THEN EXTRACT(YEAR FROM m.month) * 100 + EXTRACT(MONTH FROM m.month)
                                WHEN 'rolling12' THEN 0
                                ELSE EXTRACT(YEAR FROM m.month) END
                 ORDER BY m.month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
) w;

-- ---- the indicators ------------------------------------------------------------------------

-- Every indicator of domain.md in every window, per month x scope, with the numerator and the
-- denominator it is computed from, and the coverage of the window (as in indicator_coverage):
--   ukp_days               Σ ukp_days                                  (denominator NULL: a count)
--     projectedYear        (Σ ukp_days of the ytd window × 12) / number of M's month (1..12)
--   zero_day_share         Σ zero_day_stays / Σ ukp_stays
--   avg_ukp_days           Σ ukp_days / Σ (ukp_stays − zero_day_stays)  (stays with at least one UKP-day)
--   avg_ukp_days_all_stays Σ ukp_days / Σ ukp_stays    (the second series shown beside avg_ukp_days;
--                                                      not one of the six, never judged)
--   direct_home_share      Σ discharged_home / Σ ukp_stays
--   readmission_30d_share  Σ readmissions_30d / Σ ukp_stays, both over the rows whose readmissions
--                          are known (an unknown count is not 0)
--   short_term_los_change  (Σ los_days / Σ discharges) / (the same in the baseline months) − 1;
--                          numerator = mean length of stay in the window, denominator = in the
--                          baseline months; the value is computed from the four sums in one
--                          division, (los × baseline discharges) / (discharges × baseline los) − 1,
--                          so that it is exact wherever that is a finite decimal.
-- value is NULL when the window has no data or a denominator is 0. projectedYear exists for
-- ukp_days only.
CREATE VIEW indicator_value AS
SELECT v.month, v.scope_type, v.scope_id, v.indicator_id, v.time_window,
       CAST(CASE
              WHEN v.indicator_id = 'ukp_days' AND v.time_window <> 'projectedYear' THEN v.numerator
              WHEN v.indicator_id = 'short_term_los_change'
                THEN CAST(v.short_term_los_days * v.baseline_short_term_discharges AS NUMERIC)
                     / NULLIF(v.short_term_discharges * v.baseline_short_term_los_days, 0) - 1
              ELSE v.numerator / NULLIF(v.denominator, 0)
            END AS NUMERIC(38,16)) AS value,
       v.numerator, v.denominator,
       v.expected, v.reported, v.complete
FROM (
  SELECT s.month, s.scope_type, s.scope_id, CAST(i.indicator_id AS VARCHAR(40)) AS indicator_id, s.time_window,
         CAST(CASE i.indicator_id
                WHEN 'ukp_days' THEN CASE WHEN s.time_window = 'projectedYear' THEN s.ukp_days * 12 ELSE s.ukp_days END
                WHEN 'zero_day_share'         THEN s.zero_day_stays
                WHEN 'avg_ukp_days'           THEN s.ukp_days
                WHEN 'avg_ukp_days_all_stays' THEN s.ukp_days
                WHEN 'direct_home_share'      THEN s.discharged_home
                WHEN 'readmission_30d_share'  THEN s.readmissions_30d
                WHEN 'short_term_los_change'
                  THEN CAST(s.short_term_los_days AS NUMERIC) / NULLIF(s.short_term_discharges, 0)
              END AS NUMERIC(38,16)) AS numerator,
         CAST(CASE i.indicator_id
                WHEN 'ukp_days' THEN CASE WHEN s.time_window = 'projectedYear' AND s.ukp_days IS NOT NULL
                                          THEN s.months_in_window END
                WHEN 'zero_day_share'         THEN s.ukp_stays
                WHEN 'avg_ukp_days'           THEN s.ukp_stays - s.zero_day_stays
                WHEN 'avg_ukp_days_all_stays' THEN s.ukp_stays
                WHEN 'direct_home_share'      THEN s.ukp_stays
                WHEN 'readmission_30d_share'  THEN s.ukp_stays_readmissions_known
                WHEN 'short_term_los_change'
                  THEN CAST(s.baseline_short_term_los_days AS NUMERIC) / NULLIF(s.baseline_short_term_discharges, 0)
              END AS NUMERIC(38,16)) AS denominator,
         s.short_term_discharges, s.short_term_los_days,
         s.baseline_short_term_discharges, s.baseline_short_term_los_days,
         s.expected, s.reported, s.complete
  FROM indicator_window_sums s
  CROSS JOIN (VALUES ('ukp_days'), ('zero_day_share'), ('avg_ukp_days'), ('avg_ukp_days_all_stays'),
                     ('direct_home_share'), ('readmission_30d_share'), ('short_term_los_change')) AS i (indicator_id)
  WHERE s.time_window <> 'projectedYear' OR i.indicator_id = 'ukp_days'
) v;

-- Coverage per month x scope x window: expected = municipalities in the scope × months in the
-- window (month 1, ytd the number of M's month, rolling12 12; projectedYear as ytd); reported =
-- municipality-months with a somatikk row in the window; complete when they are equal.
CREATE VIEW indicator_coverage AS
SELECT month, scope_type, scope_id, time_window, expected, reported, complete
FROM indicator_window_sums;

-- ---- targets and status --------------------------------------------------------------------

-- Each target row with the month from which it no longer applies (valid_to, exclusive; NULL:
-- still applies): the valid_from of the next row for the same indicator and scope.
CREATE VIEW indicator_target_period AS
SELECT t.id AS target_id, t.indicator_id, t.scope_type, t.scope_id, t.valid_from,
       lead(t.valid_from) OVER (PARTITION BY t.indicator_id, t.scope_type, t.scope_id ORDER BY t.valid_from) AS valid_to
FROM indicator_target t;

-- The target that applies to (month, scope, indicator), for every month of indicator_month; no
-- row where none applies. The row for the exact scope_id beats the default (scope_id NULL) of
-- the scope type; of those, the one valid at the month (the latest valid_from <= month).
-- An apportioned target is the total target valid at the month × the scope's share of the
-- population: scope population / total population, both of population_year = the latest year
-- with population <= the month's year. Without population for the scope the target is NULL
-- (no target).
CREATE VIEW indicator_target_at AS
SELECT x.month, x.scope_type, x.scope_id, x.indicator_id, t.id AS target_id, t.valid_from,
       CAST(CASE WHEN NOT t.apportioned THEN t.target
                 ELSE tt.target * sp.population / NULLIF(tp.population, 0) END AS NUMERIC(38,16)) AS target,
       t.tolerance, t.tolerance_kind, t.status_window, t.apportioned,
       CAST(CASE WHEN t.apportioned THEN tt.target END AS NUMERIC(14,6))         AS total_target,
       CAST(CASE WHEN t.apportioned THEN x.population_year END AS INTEGER)       AS population_year,
       CAST(CASE WHEN t.apportioned THEN sp.population END AS BIGINT)            AS scope_population,
       CAST(CASE WHEN t.apportioned THEN tp.population END AS BIGINT)            AS total_population
FROM (
  SELECT m.month, m.population_year, sc.scope_type, sc.scope_id, i.id AS indicator_id,
         COALESCE(pe.target_id, pd.target_id) AS target_id,
         COALESCE(te.target_id, td.target_id) AS total_target_id
  FROM (SELECT im.month, max(py.year) AS population_year
        FROM indicator_month im
        LEFT JOIN (SELECT DISTINCT year FROM population) py ON py.year <= CAST(EXTRACT(YEAR FROM im.month) AS INTEGER)
        GROUP BY im.month) m
  CROSS JOIN indicator_scope sc
  CROSS JOIN indicator i
  -- for the exact scope
  LEFT JOIN indicator_target_period pe
         ON pe.indicator_id = i.id AND pe.scope_type = sc.scope_type AND pe.scope_id = sc.scope_id
        AND pe.valid_from <= m.month AND (pe.valid_to IS NULL OR pe.valid_to > m.month)
  -- the default of the scope type
  LEFT JOIN indicator_target_period pd
         ON pd.indicator_id = i.id AND pd.scope_type = sc.scope_type AND pd.scope_id IS NULL
        AND pd.valid_from <= m.month AND (pd.valid_to IS NULL OR pd.valid_to > m.month)
  -- the total's, for apportioning
  LEFT JOIN indicator_target_period te
         ON te.indicator_id = i.id AND te.scope_type = 'total' AND te.scope_id = 'total'
        AND te.valid_from <= m.month AND (te.valid_to IS NULL OR te.valid_to > m.month)
  LEFT JOIN indicator_target_period td
         ON td.indicator_id = i.id AND td.scope_type = 'total' AND td.scope_id IS NULL
        AND td.valid_from <= m.month AND (td.valid_to IS NULL OR td.valid_to > m.month)
) x
JOIN indicator_target t ON t.id = x.target_id
LEFT JOIN indicator_target tt ON tt.id = x.total_target_id
LEFT JOIN scope_population sp
       ON sp.year = x.population_year AND sp.scope_type = x.scope_type AND sp.scope_id = x.scope_id
LEFT JOIN scope_population tp
       ON tp.year = x.population_year AND tp.scope_type = 'total' AND tp.scope_id = 'total';

-- The status of each of the six indicators per month x scope, judged on the value in the
-- target's status_window (rolling12 where no target applies):
--   at_most,  relative r: green v <= T, yellow v <= T·(1 + r), red otherwise
--   at_most,  absolute p: green v <= T, yellow v <= T + p,     red otherwise
--   at_least, absolute p: green v >= T, yellow v >= T − p,     red otherwise
--   at_least, relative r: green v >= T, yellow v >= T·(1 − r), red otherwise
-- no_target where no target applies (also an apportioned one without population); otherwise
-- no_data where the value is NULL. Exact NUMERIC comparisons: a value on a limit is inside it.
-- expected / reported / complete: the coverage of the status window.
CREATE VIEW indicator_status AS
SELECT x.month, x.scope_type, x.scope_id, x.indicator_id, x.direction, x.status_window,
       x.value, x.target, x.tolerance, x.tolerance_kind, x.yellow_limit,
       CAST(CASE
              WHEN x.target IS NULL THEN 'no_target'
              WHEN x.value IS NULL THEN 'no_data'
              WHEN x.direction = 'at_most'  AND x.value <= x.target       THEN 'green'
              WHEN x.direction = 'at_most'  AND x.value <= x.yellow_limit THEN 'yellow'
              WHEN x.direction = 'at_least' AND x.value >= x.target       THEN 'green'
              WHEN x.direction = 'at_least' AND x.value >= x.yellow_limit THEN 'yellow'
              ELSE 'red'
            END AS VARCHAR(10)) AS status,
       x.expected, x.reported, x.complete, x.target_id
FROM (
  SELECT g.month, g.scope_type, g.scope_id, i.id AS indicator_id, i.direction,
         CAST(COALESCE(t.status_window, 'rolling12') AS VARCHAR(20)) AS status_window,
         v.value, t.target, t.tolerance, t.tolerance_kind,
         CAST(CASE
                WHEN t.target IS NULL THEN NULL
                WHEN i.direction = 'at_most'  AND t.tolerance_kind = 'relative' THEN t.target * (1 + t.tolerance)
                WHEN i.direction = 'at_most'                                    THEN t.target + t.tolerance
                WHEN i.direction = 'at_least' AND t.tolerance_kind = 'relative' THEN t.target * (1 - t.tolerance)
                ELSE t.target - t.tolerance
              END AS NUMERIC(38,16)) AS yellow_limit,
         v.expected, v.reported, v.complete, t.target_id
  FROM (SELECT sc.scope_type, sc.scope_id, m.month FROM indicator_scope sc CROSS JOIN indicator_month m) g
  CROSS JOIN indicator i
  LEFT JOIN indicator_target_at t
         ON t.month = g.month AND t.scope_type = g.scope_type AND t.scope_id = g.scope_id AND t.indicator_id = i.id
  LEFT JOIN indicator_value v
         ON v.month = g.month AND v.scope_type = g.scope_type AND v.scope_id = g.scope_id AND v.indicator_id = i.id
        AND v.time_window = COALESCE(t.status_window, 'rolling12')
) x;

-- ---- read-only access for analysts ---------------------------------------------------------

-- [jooq ignore start]
-- ukp_reader may read every table and view of the schema, now and in future migrations, and
-- write nothing. Created NOLOGIN here; the service gives it LOGIN and a password at start.
-- Where the migrating user may not create roles or grant, say so and go on.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ukp_reader') THEN
    BEGIN
      CREATE ROLE ukp_reader NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'could not create role ukp_reader (%); analysts get no read-only role here', SQLERRM;
      RETURN;
    END;
  END IF;
  BEGIN
    GRANT USAGE ON SCHEMA public TO ukp_reader;
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO ukp_reader;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ukp_reader;
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'could not grant read access to ukp_reader (%)', SQLERRM;
  END;
END
$$;
-- [jooq ignore stop]
