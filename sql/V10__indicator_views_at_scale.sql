-- Indicators at national scale, second step (issue 7): a query computes only what it asks
-- for, and targets find their population by key.
--
-- Before: the planner was free to form the seven indicators of indicator_value before the
-- baseline sums of indicator_window_sums, so that those ran once per indicator (~200 ms for
-- every municipality of one month); indicator_status formed every indicator in all four
-- windows to keep one; indicator_target_at grouped every population row three times per query
-- (~10 of the ~13 ms of one scope's statuses).
-- Now:
--   scope_population_sums  (table) the rows of the view scope_population, stored; triggers on
--                          population and municipality keep it equal to the view
--   indicator_value        forms the indicators from plain columns of the window sums, after them
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

-- Every indicator in every window, per month x scope (as documented in V3). The indicators are
-- a LATERAL list over the columns of the window's sums: they can only be formed once the sums
-- and their baseline are there, so those are computed once per window, not once per indicator.
-- The list holds plain columns, so nothing is computed for a row that a query drops; the
-- arithmetic happens where value is read.
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
  -- (ukp_days and short_term_los_change: numerator and denominator in the CASEs above)
  CROSS JOIN LATERAL (VALUES
    ('ukp_days',               CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)),
    ('zero_day_share',         s.zero_day_stays,     s.ukp_stays),
    ('avg_ukp_days',           s.ukp_days,           s.ukp_stays - s.zero_day_stays),
    ('avg_ukp_days_all_stays', s.ukp_days,           s.ukp_stays),
    ('direct_home_share',      s.discharged_home,    s.ukp_stays),
    ('readmission_30d_share',  s.readmissions_30d,   s.ukp_stays_readmissions_known),
    ('short_term_los_change',  CAST(NULL AS BIGINT), CAST(NULL AS BIGINT))
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
