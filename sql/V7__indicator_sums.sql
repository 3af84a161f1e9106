-- Indicators at national scale: the sums per scope and month are stored, and every window is
-- summed from them only for the months asked for.
--
-- Before, every query of indicator_value / indicator_status summed the facts of every month of
-- the scope and then ran the windows over the whole calendar, so that one month of the total
-- cost ~300 ms and all municipalities of one month seconds at 356 municipalities x 15 years.
-- Now:
--   scope_month_facts   (view)  the sums of the facts per scope x month: the definition
--   scope_month_sums    (table) the same rows, stored; kept equal to the view by
--                       ukp_refresh_scope_month_sums(first_month, last_month), which the service
--                       calls in the transaction of every import of monthly or short-term
--                       statistics, and a trigger on municipality (scopes follow it)
--   indicator_window_sums       each window of a month sums at most 12 stored rows of its scope
--                               (the same columns and figures as before)
--   indicator_month             the calendar from the first to the last month with data
-- Whoever writes monthly_statistics or short_term_stays with SQL, outside the service, must call
-- SELECT ukp_refresh_scope_month_sums(NULL, NULL); afterwards (NULL, NULL = every month).
-- The public views keep their names and columns (V3); only their insides change here.

-- The sums of the facts per scope x month, NULL where there is no row of that kind; reported =
-- municipalities with a somatikk row in the month. Only area 'somatikk' counts; short-term ward
-- statistics of every unit are pooled.
CREATE VIEW scope_month_facts AS
SELECT s.scope_type, s.scope_id, u.month,
       CAST(sum(u.reported) AS INTEGER)                     AS reported,
       CAST(sum(u.ukp_stays) AS BIGINT)                    AS ukp_stays,
       CAST(sum(u.zero_day_stays) AS BIGINT)               AS zero_day_stays,
       CAST(sum(u.ukp_days) AS BIGINT)                     AS ukp_days,
       CAST(sum(u.discharged_home) AS BIGINT)              AS discharged_home,
       CAST(sum(u.readmissions_30d) AS BIGINT)             AS readmissions_30d,
       CAST(sum(u.ukp_stays_readmissions_known) AS BIGINT) AS ukp_stays_readmissions_known,
       CAST(sum(u.short_term_discharges) AS BIGINT)        AS short_term_discharges,
       CAST(sum(u.short_term_los_days) AS BIGINT)          AS short_term_los_days
FROM (
  SELECT f.municipality, f.month, 1 AS reported,
         f.ukp_stays, f.zero_day_stays, f.ukp_days, f.discharged_home, f.readmissions_30d,
         CASE WHEN f.readmissions_30d IS NOT NULL THEN f.ukp_stays END AS ukp_stays_readmissions_known,
         CAST(NULL AS INTEGER) AS short_term_discharges, CAST(NULL AS INTEGER) AS short_term_los_days
  FROM monthly_statistics f
  WHERE f.area = 'somatikk'
  UNION ALL
  SELECT f.municipality, f.month, 0,
         CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), CAST(NULL AS INTEGER),
         CAST(NULL AS INTEGER), CAST(NULL AS INTEGER),
         f.discharges, f.los_days
  FROM short_term_stays f
) u
JOIN scope_municipality s ON s.municipality = u.municipality
GROUP BY s.scope_type, s.scope_id, u.month;

-- The rows of scope_month_facts, stored (see ukp_refresh_scope_month_sums).
CREATE TABLE scope_month_sums (
  scope_type                    VARCHAR(20) NOT NULL,
  scope_id                      VARCHAR(40) NOT NULL,
  month                         DATE        NOT NULL,
  reported                      INTEGER     NOT NULL,
  ukp_stays                     BIGINT,
  zero_day_stays                BIGINT,
  ukp_days                      BIGINT,
  discharged_home               BIGINT,
  readmissions_30d              BIGINT,
  ukp_stays_readmissions_known  BIGINT,
  short_term_discharges         BIGINT,
  short_term_los_days           BIGINT,
  PRIMARY KEY (scope_type, scope_id, month)
);

-- [jooq ignore start]
-- Recomputes the stored sums of the months first_month..last_month (NULL: unbounded) from the
-- facts. One refresh at a time (an advisory lock until the end of the transaction), so that two
-- imports never store sums computed without each other's rows.
CREATE FUNCTION ukp_refresh_scope_month_sums(first_month DATE, last_month DATE) RETURNS void
LANGUAGE plpgsql
SET work_mem = '64MB'
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ukp_refresh_scope_month_sums'));
  DELETE FROM scope_month_sums
  WHERE month >= COALESCE(first_month, '-infinity'::date) AND month <= COALESCE(last_month, 'infinity'::date);
  INSERT INTO scope_month_sums
  SELECT * FROM scope_month_facts
  WHERE month >= COALESCE(first_month, '-infinity'::date) AND month <= COALESCE(last_month, 'infinity'::date);
END
$$;

-- Scopes follow the municipality table: any change to it recomputes every month.
CREATE FUNCTION ukp_refresh_all_scope_month_sums() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ukp_refresh_scope_month_sums(NULL, NULL);
  RETURN NULL;
END
$$;

CREATE TRIGGER municipality_scope_month_sums
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality
FOR EACH STATEMENT EXECUTE FUNCTION ukp_refresh_all_scope_month_sums();

SELECT ukp_refresh_scope_month_sums(NULL, NULL);

-- Every calendar month from the first to the last month with any data (monthly statistics of
-- any area, or short-term ward statistics), gaps included; empty without data.
CREATE OR REPLACE VIEW indicator_month AS
SELECT CAST(s.month AS DATE) AS month
FROM (SELECT LEAST((SELECT min(month) FROM monthly_statistics), (SELECT min(month) FROM short_term_stays)) AS first_month,
             GREATEST((SELECT max(month) FROM monthly_statistics), (SELECT max(month) FROM short_term_stays)) AS last_month) r
CROSS JOIN generate_series(r.first_month, r.last_month, INTERVAL '1' MONTH) AS s (month);

-- The sums behind every figure, per month M x scope x window (as documented in V3): each
-- window sums the stored rows of its scope from its first month to M —
--   month M..M; ytd and projectedYear January..M of M's year; rolling12 M-11..M —
-- and the baseline the same calendar months of the baseline year (M's month, January..M's
-- month, the whole year). A month without rows keeps NULL sums and reported 0.
CREATE OR REPLACE VIEW indicator_window_sums AS
SELECT c.month, sc.scope_type, sc.scope_id, c.time_window,
       sc.municipalities, c.months_in_window,
       CAST(sc.municipalities * c.months_in_window AS INTEGER) AS expected,
       w.reported,
       CAST(CASE WHEN w.reported = sc.municipalities * c.months_in_window THEN TRUE ELSE FALSE END AS BOOLEAN) AS complete,
       w.ukp_stays, w.zero_day_stays, w.ukp_days, w.discharged_home, w.readmissions_30d,
       w.ukp_stays_readmissions_known,
       w.short_term_discharges, w.short_term_los_days,
       b.short_term_discharges AS baseline_short_term_discharges,
       b.short_term_los_days   AS baseline_short_term_los_days
FROM (
  SELECT im.month, CAST(tw.time_window AS VARCHAR(20)) AS time_window,
         CAST(CASE tw.time_window WHEN 'month' THEN 1 WHEN 'rolling12' THEN 12
                                  ELSE EXTRACT(MONTH FROM im.month) END AS INTEGER) AS months_in_window,
         CAST(CASE tw.time_window WHEN 'month' THEN im.month
                                  WHEN 'rolling12' THEN im.month - 11 * INTERVAL '1' MONTH
                                  ELSE im.month - (EXTRACT(MONTH FROM im.month) - 1) * INTERVAL '1' MONTH END AS DATE) AS first_month,
         CAST(by.first_month + CASE tw.time_window WHEN 'month' THEN EXTRACT(MONTH FROM im.month) - 1 ELSE 0 END
                                 * INTERVAL '1' MONTH AS DATE) AS baseline_first_month,
         CAST(by.first_month + CASE tw.time_window WHEN 'rolling12' THEN 11 ELSE EXTRACT(MONTH FROM im.month) - 1 END
                                 * INTERVAL '1' MONTH AS DATE) AS baseline_last_month
  FROM indicator_month im
  CROSS JOIN (VALUES ('month'), ('ytd'), ('rolling12'), ('projectedYear')) AS tw (time_window)
  LEFT JOIN (SELECT CAST(value || '-01-01' AS DATE) AS first_month
             FROM indicator_setting WHERE key = 'baseline_year') by ON TRUE
) c
CROSS JOIN indicator_scope sc
CROSS JOIN LATERAL (
  SELECT CAST(COALESCE(sum(s.reported), 0) AS INTEGER)       AS reported,
         CAST(sum(s.ukp_stays) AS BIGINT)                    AS ukp_stays,
         CAST(sum(s.zero_day_stays) AS BIGINT)               AS zero_day_stays,
         CAST(sum(s.ukp_days) AS BIGINT)                     AS ukp_days,
         CAST(sum(s.discharged_home) AS BIGINT)              AS discharged_home,
         CAST(sum(s.readmissions_30d) AS BIGINT)             AS readmissions_30d,
         CAST(sum(s.ukp_stays_readmissions_known) AS BIGINT) AS ukp_stays_readmissions_known,
         CAST(sum(s.short_term_discharges) AS BIGINT)        AS short_term_discharges,
         CAST(sum(s.short_term_los_days) AS BIGINT)          AS short_term_los_days
  FROM scope_month_sums s
  WHERE s.scope_type = sc.scope_type AND s.scope_id = sc.scope_id
    AND s.month >= c.first_month AND s.month <= c.month
) w
CROSS JOIN LATERAL (
  SELECT CAST(sum(s.short_term_discharges) AS BIGINT) AS short_term_discharges,
         CAST(sum(s.short_term_los_days) AS BIGINT)   AS short_term_los_days
  FROM scope_month_sums s
  WHERE s.scope_type = sc.scope_type AND s.scope_id = sc.scope_id
    AND s.month >= c.baseline_first_month AND s.month <= c.baseline_last_month
) b;
-- [jooq ignore stop]
