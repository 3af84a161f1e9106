-- Indicators at national scale, second step (issue 7): every figure of a month and scope is
-- read by key from stored rows, and nothing is computed that the query does not ask for.
--
-- Before (V7), indicator_window_sums summed each window of a month and scope in an index scan
-- of its own, and its baseline in another, and the planner was free to form the seven
-- indicators before the baseline scans, so that they ran once per indicator (~200 ms for every
-- municipality of one month); indicator_status formed every indicator in all four windows to
-- keep one; indicator_target_at grouped every population row three times per query (~10 of the
-- ~13 ms of one scope's statuses).
-- Now:
--   scope_population_sums  (table) the rows of the view scope_population, stored; triggers on
--                          population and municipality keep it equal to the view
--   scope_month_sums       (table, V7) also holds the ytd_ and rolling12_ sums ending at each
--                          month (defined by scope_month_windows; the month's own sums as before)
--   indicator_window_sums  reads the row of M and the baseline year's rows by key
--   indicator_value        forms the indicators from plain columns after the sums
--   indicator_target_at    reads the populations by key
--   indicator_status       forms only the windows some target judges on
-- Every public view keeps its name, columns and figures (checked row for row against V9 on a
-- national-scale data set).

-- The rows of scope_population (population at 1 January of year per scope), stored.
CREATE TABLE scope_population_sums (
  scope_type  VARCHAR(20) NOT NULL,
  scope_id    VARCHAR(40) NOT NULL,
  year        INTEGER     NOT NULL,
  population  BIGINT      NOT NULL,
  PRIMARY KEY (scope_type, scope_id, year)
);

-- [jooq ignore start]
-- Recomputes scope_population_sums from the view (population is small: ~6 000 rows at national
-- scale). One refresh at a time (an advisory lock until the end of the transaction), so that
-- two writers never store sums computed without each other's rows.
CREATE FUNCTION ukp_refresh_scope_population_sums() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ukp_refresh_scope_population_sums'));
  DELETE FROM scope_population_sums;
  INSERT INTO scope_population_sums (scope_type, scope_id, year, population)
  SELECT scope_type, scope_id, year, population FROM scope_population;
  RETURN NULL;
END
$$;

CREATE TRIGGER population_scope_population_sums
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON population
FOR EACH STATEMENT EXECUTE FUNCTION ukp_refresh_scope_population_sums();

CREATE TRIGGER municipality_scope_population_sums
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality
FOR EACH STATEMENT EXECUTE FUNCTION ukp_refresh_scope_population_sums();

INSERT INTO scope_population_sums (scope_type, scope_id, year, population)
SELECT scope_type, scope_id, year, population FROM scope_population;
-- [jooq ignore stop]

-- The windows ending at each month, stored beside the month's own sums (see
-- scope_month_windows): one row per scope and month whose twelve months M-11..M hold any facts.
TRUNCATE scope_month_sums;
ALTER TABLE scope_month_sums
  ADD COLUMN ytd_reported INTEGER NOT NULL,
  ADD COLUMN ytd_ukp_stays BIGINT,
  ADD COLUMN ytd_zero_day_stays BIGINT,
  ADD COLUMN ytd_ukp_days BIGINT,
  ADD COLUMN ytd_discharged_home BIGINT,
  ADD COLUMN ytd_readmissions_30d BIGINT,
  ADD COLUMN ytd_ukp_stays_readmissions_known BIGINT,
  ADD COLUMN ytd_short_term_discharges BIGINT,
  ADD COLUMN ytd_short_term_los_days BIGINT,
  ADD COLUMN rolling12_reported INTEGER NOT NULL,
  ADD COLUMN rolling12_ukp_stays BIGINT,
  ADD COLUMN rolling12_zero_day_stays BIGINT,
  ADD COLUMN rolling12_ukp_days BIGINT,
  ADD COLUMN rolling12_discharged_home BIGINT,
  ADD COLUMN rolling12_readmissions_30d BIGINT,
  ADD COLUMN rolling12_ukp_stays_readmissions_known BIGINT,
  ADD COLUMN rolling12_short_term_discharges BIGINT,
  ADD COLUMN rolling12_short_term_los_days BIGINT;

-- [jooq ignore start]
-- The rows of scope_month_sums for the months first_month..last_month (NULL: from the first
-- month with facts / through 11 months after the last): per scope and month the sums of that
-- month (scope_month_facts; reported 0 and NULL sums in a month without facts), of January..M
-- (ytd_) and of M-11..M (rolling12_). Only months whose M-11..M hold any facts have a row.
CREATE FUNCTION scope_month_windows(first_month DATE, last_month DATE)
RETURNS SETOF scope_month_sums
LANGUAGE plpgsql STABLE AS $$
DECLARE
  first_row DATE := COALESCE(first_month,
    LEAST((SELECT min(month) FROM monthly_statistics), (SELECT min(month) FROM short_term_stays)));
  last_row DATE := COALESCE(last_month, CAST(
    GREATEST((SELECT max(month) FROM monthly_statistics), (SELECT max(month) FROM short_term_stays))
    + 11 * INTERVAL '1' MONTH AS DATE));
  -- the windows of first_row reach 11 months back
  first_fact DATE := CAST(first_row - 11 * INTERVAL '1' MONTH AS DATE);
BEGIN
  RETURN QUERY
    SELECT w.scope_type, w.scope_id, w.month, w.reported,
           w.ukp_stays, w.zero_day_stays, w.ukp_days, w.discharged_home, w.readmissions_30d,
           w.ukp_stays_readmissions_known, w.short_term_discharges, w.short_term_los_days,
           w.ytd_reported,
           w.ytd_ukp_stays, w.ytd_zero_day_stays, w.ytd_ukp_days, w.ytd_discharged_home, w.ytd_readmissions_30d,
           w.ytd_ukp_stays_readmissions_known, w.ytd_short_term_discharges, w.ytd_short_term_los_days,
           w.rolling12_reported,
           w.rolling12_ukp_stays, w.rolling12_zero_day_stays, w.rolling12_ukp_days, w.rolling12_discharged_home,
           w.rolling12_readmissions_30d, w.rolling12_ukp_stays_readmissions_known,
           w.rolling12_short_term_discharges, w.rolling12_short_term_los_days
    FROM (
      SELECT g.scope_type, g.scope_id, g.month, COALESCE(f.reported, 0) AS reported,
             f.ukp_stays, f.zero_day_stays, f.ukp_days, f.discharged_home, f.readmissions_30d,
             f.ukp_stays_readmissions_known, f.short_term_discharges, f.short_term_los_days,
             CAST(sum(COALESCE(f.reported, 0)) OVER ytd AS INTEGER) AS ytd_reported,
             CAST(sum(f.ukp_stays) OVER ytd AS BIGINT) AS ytd_ukp_stays,
             CAST(sum(f.zero_day_stays) OVER ytd AS BIGINT) AS ytd_zero_day_stays,
             CAST(sum(f.ukp_days) OVER ytd AS BIGINT) AS ytd_ukp_days,
             CAST(sum(f.discharged_home) OVER ytd AS BIGINT) AS ytd_discharged_home,
             CAST(sum(f.readmissions_30d) OVER ytd AS BIGINT) AS ytd_readmissions_30d,
             CAST(sum(f.ukp_stays_readmissions_known) OVER ytd AS BIGINT) AS ytd_ukp_stays_readmissions_known,
             CAST(sum(f.short_term_discharges) OVER ytd AS BIGINT) AS ytd_short_term_discharges,
             CAST(sum(f.short_term_los_days) OVER ytd AS BIGINT) AS ytd_short_term_los_days,
             CAST(sum(COALESCE(f.reported, 0)) OVER rolling12 AS INTEGER) AS rolling12_reported,
             CAST(sum(f.ukp_stays) OVER rolling12 AS BIGINT) AS rolling12_ukp_stays,
             CAST(sum(f.zero_day_stays) OVER rolling12 AS BIGINT) AS rolling12_zero_day_stays,
             CAST(sum(f.ukp_days) OVER rolling12 AS BIGINT) AS rolling12_ukp_days,
             CAST(sum(f.discharged_home) OVER rolling12 AS BIGINT) AS rolling12_discharged_home,
             CAST(sum(f.readmissions_30d) OVER rolling12 AS BIGINT) AS rolling12_readmissions_30d,
             CAST(sum(f.ukp_stays_readmissions_known) OVER rolling12 AS BIGINT) AS rolling12_ukp_stays_readmissions_known,
             CAST(sum(f.short_term_discharges) OVER rolling12 AS BIGINT) AS rolling12_short_term_discharges,
             CAST(sum(f.short_term_los_days) OVER rolling12 AS BIGINT) AS rolling12_short_term_los_days,
             count(f.month) OVER rolling12 AS months_with_facts
      FROM (SELECT sc.scope_type, sc.scope_id, CAST(m.month AS DATE) AS month
            FROM generate_series(first_fact, last_row, INTERVAL '1' MONTH) AS m (month)
            CROSS JOIN indicator_scope sc) g
      LEFT JOIN scope_month_facts f
             ON f.scope_type = g.scope_type AND f.scope_id = g.scope_id AND f.month = g.month
            AND f.month >= first_fact AND f.month <= last_row
      WINDOW ytd AS (PARTITION BY g.scope_type, g.scope_id, date_trunc('year', g.month) ORDER BY g.month
                     ROWS UNBOUNDED PRECEDING),
             rolling12 AS (PARTITION BY g.scope_type, g.scope_id ORDER BY g.month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
    ) w
    WHERE w.month >= first_row AND w.months_with_facts > 0;
END
$$;

-- Recomputes the stored rows after the facts of first_month..last_month changed (NULL:
-- unbounded): those months and the 11 after them, whose windows hold them. One refresh at a
-- time (an advisory lock until the end of the transaction), so that two imports never store
-- sums computed without each other's rows.
CREATE OR REPLACE FUNCTION ukp_refresh_scope_month_sums(first_month DATE, last_month DATE) RETURNS void
LANGUAGE plpgsql
SET work_mem = '64MB'
AS $$
DECLARE
  through DATE := CAST(last_month + 11 * INTERVAL '1' MONTH AS DATE);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ukp_refresh_scope_month_sums'));
  DELETE FROM scope_month_sums
  WHERE month >= COALESCE(first_month, '-infinity'::date) AND month <= COALESCE(through, 'infinity'::date);
  INSERT INTO scope_month_sums SELECT * FROM scope_month_windows(first_month, through);
END
$$;

SELECT ukp_refresh_scope_month_sums(NULL, NULL);

-- The sums behind every figure, per month M x scope x window (as documented in V3 and V7),
-- read by key from the stored rows: month, ytd and rolling12 from the row of M; the baseline
-- (the same calendar months of the baseline year: M's month, January..M's month, the whole
-- year) from the row of M's month in the baseline year and of its December. A month without
-- rows keeps NULL sums and reported 0.
CREATE OR REPLACE VIEW indicator_window_sums AS
SELECT c.month, sc.scope_type, sc.scope_id, CAST(tw.time_window AS VARCHAR(20)) AS time_window,
       sc.municipalities, tw.months_in_window,
       CAST(sc.municipalities * tw.months_in_window AS INTEGER) AS expected,
       tw.reported,
       CAST(CASE WHEN tw.reported = sc.municipalities * tw.months_in_window THEN TRUE ELSE FALSE END AS BOOLEAN) AS complete,
       tw.ukp_stays, tw.zero_day_stays, tw.ukp_days, tw.discharged_home, tw.readmissions_30d,
       tw.ukp_stays_readmissions_known, tw.short_term_discharges, tw.short_term_los_days,
       tw.baseline_short_term_discharges, tw.baseline_short_term_los_days
FROM (
  SELECT im.month, CAST(EXTRACT(MONTH FROM im.month) AS INTEGER) AS month_number,
         CAST(by.first_month + (EXTRACT(MONTH FROM im.month) - 1) * INTERVAL '1' MONTH AS DATE) AS baseline_month,
         CAST(by.first_month + 11 * INTERVAL '1' MONTH AS DATE) AS baseline_last_month
  FROM indicator_month im
  LEFT JOIN (SELECT CAST(value || '-01-01' AS DATE) AS first_month
             FROM indicator_setting WHERE key = 'baseline_year') by ON TRUE
) c
CROSS JOIN indicator_scope sc
-- (each row by its key; LIMIT 1 keeps these lookups by key rather than scans of every row of
-- the scope type, which the planner would otherwise choose for many scopes)
LEFT JOIN LATERAL (SELECT x.* FROM scope_month_sums x
                   WHERE x.scope_type = sc.scope_type AND x.scope_id = sc.scope_id AND x.month = c.month
                   LIMIT 1) s ON TRUE
LEFT JOIN LATERAL (SELECT x.* FROM scope_month_sums x
                   WHERE x.scope_type = sc.scope_type AND x.scope_id = sc.scope_id AND x.month = c.baseline_month
                   LIMIT 1) b ON TRUE
LEFT JOIN LATERAL (SELECT x.* FROM scope_month_sums x
                   WHERE x.scope_type = sc.scope_type AND x.scope_id = sc.scope_id AND x.month = c.baseline_last_month
                   LIMIT 1) y ON TRUE
CROSS JOIN LATERAL (VALUES
  ('month', 1, COALESCE(s.reported, 0),
   s.ukp_stays, s.zero_day_stays, s.ukp_days, s.discharged_home, s.readmissions_30d,
   s.ukp_stays_readmissions_known, s.short_term_discharges, s.short_term_los_days,
   b.short_term_discharges, b.short_term_los_days),
  ('ytd', c.month_number, COALESCE(s.ytd_reported, 0),
   s.ytd_ukp_stays, s.ytd_zero_day_stays, s.ytd_ukp_days, s.ytd_discharged_home, s.ytd_readmissions_30d,
   s.ytd_ukp_stays_readmissions_known, s.ytd_short_term_discharges, s.ytd_short_term_los_days,
   b.ytd_short_term_discharges, b.ytd_short_term_los_days),
  ('rolling12', 12, COALESCE(s.rolling12_reported, 0),
   s.rolling12_ukp_stays, s.rolling12_zero_day_stays, s.rolling12_ukp_days, s.rolling12_discharged_home,
   s.rolling12_readmissions_30d, s.rolling12_ukp_stays_readmissions_known,
   s.rolling12_short_term_discharges, s.rolling12_short_term_los_days,
   y.ytd_short_term_discharges, y.ytd_short_term_los_days),
  ('projectedYear', c.month_number, COALESCE(s.ytd_reported, 0),
   s.ytd_ukp_stays, s.ytd_zero_day_stays, s.ytd_ukp_days, s.ytd_discharged_home, s.ytd_readmissions_30d,
   s.ytd_ukp_stays_readmissions_known, s.ytd_short_term_discharges, s.ytd_short_term_los_days,
   b.ytd_short_term_discharges, b.ytd_short_term_los_days)
) AS tw (time_window, months_in_window, reported,
         ukp_stays, zero_day_stays, ukp_days, discharged_home, readmissions_30d,
         ukp_stays_readmissions_known, short_term_discharges, short_term_los_days,
         baseline_short_term_discharges, baseline_short_term_los_days);

-- Every indicator in every window, per month x scope (as documented in V3): one row per
-- indicator formed from the columns of the window's sums (plain columns, so that nothing is
-- computed for a row that a query drops; the arithmetic happens where value is read).
CREATE OR REPLACE VIEW indicator_value AS
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
                WHEN 'short_term_los_change'
                  THEN CAST(s.short_term_los_days AS NUMERIC) / NULLIF(s.short_term_discharges, 0)
                ELSE i.numerator
              END AS NUMERIC(38,16)) AS numerator,
         CAST(CASE i.indicator_id
                WHEN 'ukp_days' THEN CASE WHEN s.time_window = 'projectedYear' AND s.ukp_days IS NOT NULL
                                          THEN s.months_in_window END
                WHEN 'short_term_los_change'
                  THEN CAST(s.baseline_short_term_los_days AS NUMERIC) / NULLIF(s.baseline_short_term_discharges, 0)
                ELSE i.denominator
              END AS NUMERIC(38,16)) AS denominator,
         s.short_term_discharges, s.short_term_los_days,
         s.baseline_short_term_discharges, s.baseline_short_term_los_days,
         s.expected, s.reported, s.complete
  FROM indicator_window_sums s
  CROSS JOIN LATERAL (VALUES
    ('ukp_days',               s.ukp_days,         CAST(NULL AS BIGINT)),
    ('zero_day_share',         s.zero_day_stays,   s.ukp_stays),
    ('avg_ukp_days',           s.ukp_days,         s.ukp_stays - s.zero_day_stays),
    ('avg_ukp_days_all_stays', s.ukp_days,         s.ukp_stays),
    ('direct_home_share',      s.discharged_home,  s.ukp_stays),
    ('readmission_30d_share',  s.readmissions_30d, s.ukp_stays_readmissions_known),
    ('short_term_los_change',  s.short_term_los_days, s.short_term_discharges)
  ) AS i (indicator_id, numerator, denominator)
  WHERE s.time_window <> 'projectedYear' OR i.indicator_id = 'ukp_days'
) v;

-- The target that applies to (month, scope, indicator), as documented in V3; the populations
-- are read by key from scope_population_sums (population_year: the latest year with population
-- <= the month's year).
CREATE OR REPLACE VIEW indicator_target_at AS
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
  FROM (SELECT im.month, py.year AS population_year
        FROM indicator_month im
        CROSS JOIN LATERAL (SELECT max(p.year) AS year FROM scope_population_sums p
                            WHERE p.scope_type = 'total' AND p.scope_id = 'total'
                              AND p.year <= CAST(EXTRACT(YEAR FROM im.month) AS INTEGER)) py) m
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
LEFT JOIN scope_population_sums sp
       ON sp.scope_type = x.scope_type AND sp.scope_id = x.scope_id AND sp.year = x.population_year
LEFT JOIN scope_population_sums tp
       ON tp.scope_type = 'total' AND tp.scope_id = 'total' AND tp.year = x.population_year;

-- The status of each indicator per month x scope (as documented in V3).
CREATE OR REPLACE VIEW indicator_status AS
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
        -- (implied by the line above; lets the planner drop the windows no target judges on
        -- before the indicators are formed)
        AND v.time_window = ANY (ARRAY(SELECT tw.status_window FROM indicator_target tw UNION SELECT 'rolling12'))
) x;
-- [jooq ignore stop]
