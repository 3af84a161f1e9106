-- Analysis: why UKP-days changed (decomposition) and what they would be if (scenario); the ONE
-- definition of both (analysis.md), for the API (AnalysisRepository, through jOOQ), the report's
-- «Hva driver endringen?» and the Grafana panel. This file is their current text.
--
--   ukp_days_shapley(s0, x0, d0, s1, x1, d1)  the contributions of stays, share with days and mean
--                                             days to d1 − d0, from the sums of two windows
--   ukp_days_decomposition(scope_type, scope_id, month, time_window)
--                                             the scope's change and each member municipality's
--   ukp_days_scenario(scope_type, scope_id, month, stays_change, zero_day_share, mean_days)
--                                             baseline and scenario UKP-days with their status
--
-- Every sum comes from indicator_window_sums (R__indicator_views.sql), read by key; nothing here
-- sums facts. Figures are exact NUMERIC: divisions are carried with 30 decimals and the results
-- cut to 16 (the views' NUMERIC(38,16)), so three contributions add up to the change within
-- 1e-15; nothing is rounded for display here (the API and Grafana carry these values; the report
-- rounds them by largest remainder).
--
-- Editing. A Flyway repeatable migration, run again whenever it changes; it runs BEFORE
-- R__indicator_views.sql (name order), so the functions are plpgsql, whose bodies PostgreSQL
-- reads only when they are called. A function whose arguments or result columns change must be
-- dropped first (DROP FUNCTION IF EXISTS with its argument types). Everything is between
-- [jooq ignore start/stop]: jOOQ's code generator simulates the migrations in H2, which knows no
-- plpgsql; the service calls the functions by name (AnalysisRepository).

-- [jooq ignore start]
DROP FUNCTION IF EXISTS ukp_days_shapley(NUMERIC, NUMERIC, NUMERIC, NUMERIC, NUMERIC, NUMERIC);
DROP FUNCTION IF EXISTS ukp_days_decomposition(VARCHAR, VARCHAR, DATE, VARCHAR);
DROP FUNCTION IF EXISTS ukp_days_scenario(VARCHAR, VARCHAR, DATE, NUMERIC, NUMERIC, NUMERIC);

-- The three-factor Shapley value of D = S × W × M between window 0 and window 1, from the sums
-- s = Σ ukp_stays, x = Σ (ukp_stays − zero_day_stays) (stays with days), d = Σ ukp_days:
--   W = x / s, M = d / x;  c_S = (S₁ − S₀)·[W₀M₀/3 + (W₁M₀ + W₀M₁)/6 + W₁M₁/3], likewise c_W, c_M;
--   c_S + c_W + c_M = S₁W₁M₁ − S₀W₀M₀ = d₁ − d₀.
-- Zero cases (analysis.md): a window without stays takes W and M from the other window; one with
-- stays but none with days has W = 0 and takes M from the other window (0 if neither has one);
-- without stays in either window every contribution is 0.
CREATE FUNCTION ukp_days_shapley(s0 NUMERIC, x0 NUMERIC, d0 NUMERIC, s1 NUMERIC, x1 NUMERIC, d1 NUMERIC,
                                 OUT stays NUMERIC, OUT share_with_days NUMERIC, OUT mean_days NUMERIC)
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
  w0 NUMERIC; w1 NUMERIC; m0 NUMERIC; m1 NUMERIC;
BEGIN
  w0 := CASE WHEN s0 > 0 THEN CAST(x0 AS NUMERIC(60,30)) / s0
             WHEN s1 > 0 THEN CAST(x1 AS NUMERIC(60,30)) / s1 ELSE 0 END;
  w1 := CASE WHEN s1 > 0 THEN CAST(x1 AS NUMERIC(60,30)) / s1
             WHEN s0 > 0 THEN CAST(x0 AS NUMERIC(60,30)) / s0 ELSE 0 END;
  m0 := CASE WHEN x0 > 0 THEN CAST(d0 AS NUMERIC(60,30)) / x0
             WHEN x1 > 0 THEN CAST(d1 AS NUMERIC(60,30)) / x1 ELSE 0 END;
  m1 := CASE WHEN x1 > 0 THEN CAST(d1 AS NUMERIC(60,30)) / x1
             WHEN x0 > 0 THEN CAST(d0 AS NUMERIC(60,30)) / x0 ELSE 0 END;
  stays           := round((s1 - s0) * (w0 * m0 / 3 + (w1 * m0 + w0 * m1) / 6 + w1 * m1 / 3), 16);
  share_with_days := round((w1 - w0) * (s0 * m0 / 3 + (s1 * m0 + s0 * m1) / 6 + s1 * m1 / 3), 16);
  mean_days       := round((m1 - m0) * (s0 * w0 / 3 + (s1 * w0 + s0 * w1) / 6 + s1 * w1 / 3), 16);
END
$$;

-- The change of UKP-days between a window ending with month and the same window twelve months
-- earlier (time_window ytd or rolling12), for the scope (first row, member FALSE) and for each
-- municipality of it (member TRUE, the largest change either way first):
--   *_from, *_to             the window's first and last month
--   *_ukp_days, *_stays, *_stays_with_days   the window's sums (NULL: no data in the window)
--   *_share_with_days        W = stays with days / stays (NULL without stays)
--   *_mean_days              M = UKP-days / stays with days (NULL without stays with days)
--   change                   UKP-days − UKP-days a year earlier
--   contribution_*           the Shapley contributions (ukp_days_shapley)
--   complete                 both windows complete (indicator_window_sums)
-- Where the scope has no data in one of the windows, change and contributions are NULL for every
-- row. Otherwise a member without data in a window counts as 0 stays there, so that the members'
-- changes add up exactly to the scope's; their contributions per factor need not add up to the
-- scope's (W and M are ratios, formed within each member).
CREATE FUNCTION ukp_days_decomposition(p_scope_type VARCHAR, p_scope_id VARCHAR, p_month DATE, p_window VARCHAR)
RETURNS TABLE (scope_type VARCHAR, scope_id VARCHAR, scope_name VARCHAR, member BOOLEAN,
               current_from DATE, current_to DATE, current_ukp_days BIGINT, current_stays BIGINT,
               current_stays_with_days BIGINT, current_share_with_days NUMERIC, current_mean_days NUMERIC,
               previous_from DATE, previous_to DATE, previous_ukp_days BIGINT, previous_stays BIGINT,
               previous_stays_with_days BIGINT, previous_share_with_days NUMERIC, previous_mean_days NUMERIC,
               change NUMERIC, contribution_stays NUMERIC, contribution_share_with_days NUMERIC,
               contribution_mean_days NUMERIC, complete BOOLEAN)
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
DECLARE
  previous_month DATE := CAST(p_month - INTERVAL '12 months' AS DATE);
  first_month DATE;
  members VARCHAR[];
BEGIN
  IF p_window NOT IN ('ytd', 'rolling12') THEN
    RAISE EXCEPTION 'ukp_days_decomposition: time_window must be ytd or rolling12, not %', p_window;
  END IF;
  first_month := CASE p_window WHEN 'ytd' THEN CAST(date_trunc('year', p_month) AS DATE)
                               ELSE CAST(p_month - INTERVAL '11 months' AS DATE) END;
  members := ARRAY(SELECT sm.municipality FROM scope_municipality sm
                   WHERE sm.scope_type = p_scope_type AND sm.scope_id = p_scope_id);
  -- The scope's rows and its windows' sums are grouped into one row per scope, not joined: with the
  -- service's generic plans a join of the ~360 scopes to their ~720 windows became a nested loop
  -- over both (and a lookup per scope evaluated the window's months anew each time).
  RETURN QUERY
  WITH pairs AS (
    SELECT u.scope_type, u.scope_id, max(u.scope_name) AS scope_name, u.member,
           max(u.ukp_stays) FILTER (WHERE u.month = p_month)                            AS s1,
           max(u.ukp_stays - u.zero_day_stays) FILTER (WHERE u.month = p_month)         AS x1,
           max(u.ukp_days) FILTER (WHERE u.month = p_month)                             AS d1,
           max(u.ukp_stays) FILTER (WHERE u.month = previous_month)                     AS s0,
           max(u.ukp_stays - u.zero_day_stays) FILTER (WHERE u.month = previous_month)  AS x0,
           max(u.ukp_days) FILTER (WHERE u.month = previous_month)                      AS d0,
           COALESCE(bool_and(u.complete) AND count(u.month) = 2, FALSE)                 AS complete
    FROM (SELECT i.scope_type, i.scope_id, i.scope_name, FALSE AS member, CAST(NULL AS DATE) AS month,
                 CAST(NULL AS BIGINT) AS ukp_stays, CAST(NULL AS BIGINT) AS zero_day_stays,
                 CAST(NULL AS BIGINT) AS ukp_days, CAST(NULL AS BOOLEAN) AS complete
          FROM indicator_scope i WHERE i.scope_type = p_scope_type AND i.scope_id = p_scope_id
          UNION ALL
          SELECT i.scope_type, i.scope_id, i.scope_name, TRUE, NULL, NULL, NULL, NULL, NULL
          FROM indicator_scope i WHERE i.scope_type = 'municipality' AND i.scope_id = ANY (members)
          UNION ALL
          SELECT ws.scope_type, ws.scope_id, NULL, FALSE, ws.month, ws.ukp_stays, ws.zero_day_stays, ws.ukp_days, ws.complete
          FROM indicator_window_sums ws
          WHERE ws.scope_type = p_scope_type AND ws.scope_id = p_scope_id
            AND ws.time_window = p_window AND ws.month IN (p_month, previous_month)
          UNION ALL
          SELECT ws.scope_type, ws.scope_id, NULL, TRUE, ws.month, ws.ukp_stays, ws.zero_day_stays, ws.ukp_days, ws.complete
          FROM indicator_window_sums ws
          WHERE ws.scope_type = 'municipality' AND ws.scope_id = ANY (members)
            AND ws.time_window = p_window AND ws.month IN (p_month, previous_month)) u
    GROUP BY u.scope_type, u.scope_id, u.member
    HAVING count(u.scope_name) > 0
  ),
  scope_data AS (
    -- the scope has data in both windows; otherwise no change is attributed, in any row
    SELECT q.s1 IS NOT NULL AND q.s0 IS NOT NULL AS in_both FROM pairs q WHERE NOT q.member
  )
  SELECT CAST(r.scope_type AS VARCHAR), CAST(r.scope_id AS VARCHAR), CAST(r.scope_name AS VARCHAR), r.member,
         first_month, p_month, r.d1, r.s1, r.x1,
         round(CAST(r.x1 AS NUMERIC(60,30)) / NULLIF(r.s1, 0), 16),
         round(CAST(r.d1 AS NUMERIC(60,30)) / NULLIF(r.x1, 0), 16),
         CAST(first_month - INTERVAL '12 months' AS DATE), previous_month, r.d0, r.s0, r.x0,
         round(CAST(r.x0 AS NUMERIC(60,30)) / NULLIF(r.s0, 0), 16),
         round(CAST(r.d0 AS NUMERIC(60,30)) / NULLIF(r.x0, 0), 16),
         CASE WHEN sd.in_both THEN CAST(COALESCE(r.d1, 0) - COALESCE(r.d0, 0) AS NUMERIC) END,
         CASE WHEN sd.in_both THEN f.stays END,
         CASE WHEN sd.in_both THEN f.share_with_days END,
         CASE WHEN sd.in_both THEN f.mean_days END,
         r.complete
  -- (a function in FROM is called once per row; as a column read three times it was called three times)
  FROM pairs r
  CROSS JOIN scope_data sd
  CROSS JOIN LATERAL ukp_days_shapley(COALESCE(r.s0, 0), COALESCE(r.x0, 0), COALESCE(r.d0, 0),
                                      COALESCE(r.s1, 0), COALESCE(r.x1, 0), COALESCE(r.d1, 0)) f
  ORDER BY r.member, abs(COALESCE(r.d1, 0) - COALESCE(r.d0, 0)) DESC, r.scope_id;
END
$$;

-- What UKP-days would be over the 12 months ending with month (rolling12) if the stays changed by
-- stays_change (a fraction: −0.10 = 10 % fewer), the 0-day share were zero_day_share and/or the
-- mean days among stays with days were mean_days; a NULL argument keeps the baseline's.
--   baseline_*   S = Σ ukp_stays, Z = Σ zero_day_stays / S, M = Σ ukp_days / Σ stays with days,
--                UKP-days = Σ ukp_days, its status (ukp_status against the target of ukp_days)
--   scenario_*   S·(1 + change), Z′, M′ and UKP-days = S·(1 + change)·(1 − Z′)·M′, its status
--   target, yellow_limit, status_window   of ukp_days for the scope in that month (indicator_status;
--                the total's target apportioned by population for a region or municipality)
--   complete     the rolling12 window is complete
-- Exact: the products are formed before the one division by the stays with days, so a scenario
-- that changes nothing gives the baseline's UKP-days exactly.
CREATE FUNCTION ukp_days_scenario(p_scope_type VARCHAR, p_scope_id VARCHAR, p_month DATE,
                                  p_stays_change NUMERIC, p_zero_day_share NUMERIC, p_mean_days NUMERIC)
RETURNS TABLE (baseline_stays NUMERIC, baseline_zero_day_share NUMERIC, baseline_mean_days NUMERIC,
               baseline_ukp_days NUMERIC, baseline_status VARCHAR,
               scenario_stays NUMERIC, scenario_zero_day_share NUMERIC, scenario_mean_days NUMERIC,
               scenario_ukp_days NUMERIC, scenario_status VARCHAR,
               target NUMERIC, yellow_limit NUMERIC, status_window VARCHAR, complete BOOLEAN)
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH b AS (
    SELECT CAST(ws.ukp_stays AS NUMERIC) AS s, CAST(ws.ukp_stays - ws.zero_day_stays AS NUMERIC) AS x,
           CAST(ws.ukp_days AS NUMERIC) AS d, ws.complete
    FROM indicator_window_sums ws
    WHERE ws.scope_type = p_scope_type AND ws.scope_id = p_scope_id AND ws.time_window = 'rolling12'
      AND ws.month = p_month
  ),
  t AS (
    SELECT st.direction, st.target, st.yellow_limit, st.status_window
    FROM indicator_status st
    WHERE st.scope_type = p_scope_type AND st.scope_id = p_scope_id AND st.month = p_month
      AND st.indicator_id = 'ukp_days'
  ),
  sc AS (
    SELECT b.*, COALESCE(p_stays_change, 0) AS change,
           -- S·(1 + change)·(1 − Z′) with Z′ = Z written as the stays with days, so that it stays exact
           CASE WHEN p_zero_day_share IS NULL THEN b.x * (1 + COALESCE(p_stays_change, 0))
                ELSE b.s * (1 + COALESCE(p_stays_change, 0)) * (1 - p_zero_day_share) END AS x_scenario
    FROM b
  )
  SELECT sc.s,
         round(CAST(sc.s - sc.x AS NUMERIC(60,30)) / NULLIF(sc.s, 0), 16),
         round(CAST(sc.d AS NUMERIC(60,30)) / NULLIF(sc.x, 0), 16),
         sc.d,
         CAST(ukp_status(t.direction, sc.d, t.target, t.yellow_limit) AS VARCHAR),
         sc.s * (1 + sc.change),
         COALESCE(p_zero_day_share, round(CAST(sc.s - sc.x AS NUMERIC(60,30)) / NULLIF(sc.s, 0), 16)),
         COALESCE(p_mean_days, round(CAST(sc.d AS NUMERIC(60,30)) / NULLIF(sc.x, 0), 16)),
         su.ukp_days,
         CAST(ukp_status(t.direction, su.ukp_days, t.target, t.yellow_limit) AS VARCHAR),
         t.target, t.yellow_limit, CAST(t.status_window AS VARCHAR), sc.complete
  FROM sc
  CROSS JOIN LATERAL (
    SELECT round(CASE WHEN p_mean_days IS NOT NULL THEN sc.x_scenario * p_mean_days
                      WHEN sc.x > 0 THEN CAST(sc.x_scenario * sc.d AS NUMERIC(60,30)) / sc.x
                      WHEN sc.x_scenario = 0 THEN 0
                 END, 16) AS ukp_days
  ) su
  LEFT JOIN t ON TRUE;
END
$$;

-- The read-only role of the analysts and Grafana may call them (PUBLIC may too, by PostgreSQL's
-- default; said here so that it stays true where an operator revoked that).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ukp_reader') THEN
    GRANT EXECUTE ON FUNCTION ukp_days_shapley(NUMERIC, NUMERIC, NUMERIC, NUMERIC, NUMERIC, NUMERIC) TO ukp_reader;
    GRANT EXECUTE ON FUNCTION ukp_days_decomposition(VARCHAR, VARCHAR, DATE, VARCHAR) TO ukp_reader;
    GRANT EXECUTE ON FUNCTION ukp_days_scenario(VARCHAR, VARCHAR, DATE, NUMERIC, NUMERIC, NUMERIC) TO ukp_reader;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'could not grant the analysis functions to ukp_reader (%)', SQLERRM;
END
$$;
-- [jooq ignore stop]
