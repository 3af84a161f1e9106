-- Indicators: the ONE definition of the indicator arithmetic (domain.md), as views. This file
-- is the current text of every view below; edit it here (see "Editing" at the end of this header).
--
-- The API, the Grafana panels, the report and the analysts' own SQL all read these views; no
-- other code computes an indicator. Public names (a promise to analysts, keep them):
--
--   indicator, indicator_setting, indicator_target     tables (V3): what is measured, settings, targets
--   scope_municipality   (scope_type, scope_id, scope_name, municipality)  which municipalities make a scope
--   indicator_scope      (scope_type, scope_id, scope_name, municipalities, last_member_from) every scope, once
--   scope_population     (year, scope_type, scope_id, population, complete) population at 1 January per scope
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
--   indicator_latest_month (month)  the month shown when none is asked for
--
-- Conventions: a month is a DATE on the first of the month; scope_type is total | region |
-- municipality, scope_id is 'total', a region id or a kommunenummer; time_window is month |
-- ytd | rolling12 (| projectedYear for ukp_days). All figures are exact NUMERIC (the view
-- columns NUMERIC(38,16)); shares are fractions 0..1; a window without data gives NULL (never
-- 0), and so does a zero denominator. Only area 'somatikk' counts. Scopes follow the reference
-- data as it is now (a municipality that moves region moves with all its history), except for
-- membership: a municipality counts from its municipality.member_from month on (V18) — its facts
-- of earlier months are kept but in no scope's sums, its population from the first year it is a
-- member on 1 January, and coverage expects its rows from that month — so that adding a
-- municipality leaves past windows as they were.
-- Plain SQL only: works on PostgreSQL and on TimescaleDB alike. Every expression is CAST to its
-- type, so that jOOQ's DDLDatabase (which simulates the migrations in H2 to generate the jOOQ
-- classes) and PostgreSQL agree on the column types of the views.
-- Typical use: WHERE month = ? AND scope_type = ? AND scope_id = ? (the scope is pushed down into
-- the sums; the month is picked after the sums of that scope).
--
-- At national scale the views read stored sums rather than the facts (issue 7): scope_month_sums
-- holds the rows of scope_month_facts, scope_population_sums those of scope_population; the
-- functions of R__indicator_sums.sql keep them equal (see there, and docs/benchmark.md).
--
-- Editing. This is a Flyway repeatable migration: the versioned migrations (V<n>__*.sql) hold
-- the tables and data and are never edited; this file holds the current text of these views,
-- and Flyway runs it again, after the versioned migrations, whenever its content changes. So it
-- starts by dropping all its views, dependent ones first (CREATE OR REPLACE VIEW cannot change
-- a view's columns), and creates them again in dependency order. Keep every view that depends
-- on another one of them in this file: a view elsewhere that depended on one of them would stop
-- the drop (no CASCADE, so that nothing is lost silently). The read-only role ukp_reader keeps
-- SELECT on the views created anew (V3's default privileges). A versioned migration that has to
-- drop one of these views (to change a column it reads) must come with an edit of this file,
-- or Flyway does not run it again. The history of these views is in V3, V6, V7 and V10.
--
-- LATERAL. jOOQ's code generator reads the migrations (pom.xml: DDLDatabase, Flyway's order) and
-- simulates them in H2, which has no LATERAL joins. A view that uses them is created twice in a
-- row: first with just its columns and their types (all the generator needs), then, between
-- [jooq ignore start/stop], with its definition by CREATE OR REPLACE VIEW, which PostgreSQL
-- refuses unless the names, order and types of the columns are the same. JooqModelTest proves
-- that the generated classes match the migrated database.

DROP VIEW IF EXISTS indicator_latest_month;
DROP VIEW IF EXISTS indicator_status;
DROP VIEW IF EXISTS indicator_target_at;
DROP VIEW IF EXISTS indicator_target_period;
DROP VIEW IF EXISTS indicator_target_as_of;
DROP VIEW IF EXISTS indicator_coverage;
DROP VIEW IF EXISTS indicator_value;
DROP VIEW IF EXISTS indicator_window_sums;
DROP VIEW IF EXISTS indicator_month;
DROP VIEW IF EXISTS scope_month_figures;
DROP VIEW IF EXISTS scope_month_facts;
DROP VIEW IF EXISTS scope_population_figures;
DROP VIEW IF EXISTS scope_population;
DROP VIEW IF EXISTS indicator_scope;
DROP VIEW IF EXISTS scope_municipality;
DROP VIEW IF EXISTS municipality_as_of;
DROP VIEW IF EXISTS population_as_of;
DROP VIEW IF EXISTS short_term_stays_as_of;
DROP VIEW IF EXISTS monthly_statistics_as_of;

-- ---- as of an instant (issue 18) ------------------------------------------------------------

-- Every figure can be had as the data stood at an instant T ("as reported"): set
--   SELECT set_config('ukp.as_of', '2025-08-20T10:00:00Z', true);
-- in a transaction and every view below reads the facts, the population, the reference data and
-- the target versions as they were recorded at or before T; without it (the normal case) they read
-- what is stored now. The arithmetic is the same either way: only these source views switch.
--   monthly_statistics_as_of, short_term_stays_as_of, population_as_of (keys, values, import_id)
--                        per key the latest revision recorded at or before T, left out when that
--                        revision is a deletion (an undone import); now: the fact tables
--   municipality_as_of   (number, name, region_id, member_from) each municipality as it was at T,
--                        from reference_change (a field changed after T has the old value of its
--                        first later change; a municipality created after T is left out); now: the table
--   indicator_target_as_of  the target versions recorded (created_at) at or before T
--   scope_month_figures, scope_population_figures
--                        now: the stored sums (scope_month_sums, scope_population_sums); at T:
--                        computed from the views scope_month_facts and scope_population, which are
--                        the one definition of those sums (the stored ones are their copy)
-- Application settings (indicator_setting: baseline year, measurement start) are not versioned.
-- The switch, ukp_as_of_set(), is decided when a query is planned: it is declared IMMUTABLE so that
-- the planner folds it and drops the other branch of each view entirely. As STABLE it left both
-- branches in every plan, and their row estimates made the plans of the figures of now up to 100
-- times slower (the status series of a dashboard: 0.15 s → 15 s at national scale). The instant
-- itself, ukp_as_of(), is STABLE: read when a statement runs, so that a plan made as of one instant
-- serves every other. The price: a plan made with the setting must never be reused without it, nor
-- the other way round. The service runs its figures as of an instant on connections of their own
-- (database/AsOfConnections), which never run the figures of now. Your own SQL: set it in a session
-- of its own, or run DISCARD PLANS after setting or clearing it (psql plans each query anew anyway).
-- [jooq ignore start]
CREATE OR REPLACE FUNCTION ukp_as_of_set() RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT COALESCE(current_setting('ukp.as_of', true), '') <> '' $$;

CREATE OR REPLACE FUNCTION ukp_as_of() RETURNS TIMESTAMP WITH TIME ZONE
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT CAST(NULLIF(current_setting('ukp.as_of', true), '') AS TIMESTAMP WITH TIME ZONE) $$;
-- [jooq ignore stop]

-- (each view first with its columns, for jOOQ's code generator; see "LATERAL" above)
CREATE VIEW monthly_statistics_as_of AS
SELECT month, municipality, area, ukp_stays, zero_day_stays, ukp_days, discharged_home, readmissions_30d, import_id
FROM monthly_statistics;
CREATE VIEW short_term_stays_as_of AS
SELECT month, municipality, unit, discharges, los_days, import_id FROM short_term_stays;
CREATE VIEW population_as_of AS
SELECT year, municipality, population, import_id FROM population;
CREATE VIEW municipality_as_of AS
SELECT number, name, region_id, member_from FROM municipality;
-- [jooq ignore start]
CREATE OR REPLACE VIEW monthly_statistics_as_of AS
SELECT month, municipality, area, ukp_stays, zero_day_stays, ukp_days, discharged_home, readmissions_30d, import_id
FROM monthly_statistics
WHERE NOT ukp_as_of_set()
UNION ALL
SELECT r.month, r.municipality, r.area, r.ukp_stays, r.zero_day_stays, r.ukp_days, r.discharged_home, r.readmissions_30d,
       r.import_id
FROM (SELECT DISTINCT ON (month, municipality, area) *
      FROM monthly_statistics_revision
      WHERE ukp_as_of_set() AND recorded_at <= ukp_as_of()
      ORDER BY month, municipality, area, revision DESC) r
WHERE NOT r.deleted;

CREATE OR REPLACE VIEW short_term_stays_as_of AS
SELECT month, municipality, unit, discharges, los_days, import_id
FROM short_term_stays
WHERE NOT ukp_as_of_set()
UNION ALL
SELECT r.month, r.municipality, r.unit, r.discharges, r.los_days, r.import_id
FROM (SELECT DISTINCT ON (month, municipality, unit) *
      FROM short_term_stays_revision
      WHERE ukp_as_of_set() AND recorded_at <= ukp_as_of()
      ORDER BY month, municipality, unit, revision DESC) r
WHERE NOT r.deleted;

CREATE OR REPLACE VIEW population_as_of AS
SELECT year, municipality, population, import_id
FROM population
WHERE NOT ukp_as_of_set()
UNION ALL
SELECT r.year, r.municipality, r.population, r.import_id
FROM (SELECT DISTINCT ON (year, municipality) *
      FROM population_revision
      WHERE ukp_as_of_set() AND recorded_at <= ukp_as_of()
      ORDER BY year, municipality, revision DESC) r
WHERE NOT r.deleted;

CREATE OR REPLACE VIEW municipality_as_of AS
SELECT number, name, region_id, member_from
FROM municipality
WHERE NOT ukp_as_of_set()
UNION ALL
SELECT m.number, CAST(COALESCE(n.old_value, m.name) AS VARCHAR(100)), CAST(COALESCE(r.old_value, m.region_id) AS VARCHAR(40)),
       COALESCE(CAST(f.old_value || '-01' AS DATE), m.member_from)
FROM municipality m
LEFT JOIN LATERAL (SELECT c.old_value FROM reference_change c
                   WHERE c.subject = 'municipality' AND c.subject_key = m.number AND c.field = 'name'
                     AND c.changed_at > ukp_as_of() ORDER BY c.changed_at, c.id LIMIT 1) n ON TRUE
LEFT JOIN LATERAL (SELECT c.old_value FROM reference_change c
                   WHERE c.subject = 'municipality' AND c.subject_key = m.number AND c.field = 'region_id'
                     AND c.changed_at > ukp_as_of() ORDER BY c.changed_at, c.id LIMIT 1) r ON TRUE
LEFT JOIN LATERAL (SELECT c.old_value FROM reference_change c
                   WHERE c.subject = 'municipality' AND c.subject_key = m.number AND c.field = 'member_from'
                     AND c.changed_at > ukp_as_of() ORDER BY c.changed_at, c.id LIMIT 1) f ON TRUE
WHERE ukp_as_of_set()
  -- created after T: its first change then is the creation, from nothing
  AND NOT EXISTS (SELECT 1 FROM reference_change c
                  WHERE c.subject = 'municipality' AND c.subject_key = m.number AND c.field = 'name'
                    AND c.old_value IS NULL AND c.changed_at > ukp_as_of());
-- [jooq ignore stop]

-- ---- scopes --------------------------------------------------------------------------------

-- Which municipalities make up a scope: the total (every municipality), each region (its
-- municipalities) and each municipality (itself). Follows the reference data as it is now.
CREATE VIEW scope_municipality AS
SELECT CAST('total' AS VARCHAR(20))             AS scope_type,
       CAST('total' AS VARCHAR(40))             AS scope_id,
       CAST('Helsefellesskapet' AS VARCHAR(100)) AS scope_name,
       m.number                                 AS municipality
FROM municipality_as_of m
UNION ALL
SELECT CAST('region' AS VARCHAR(20)), CAST(r.id AS VARCHAR(40)), CAST(r.name AS VARCHAR(100)), m.number
FROM region r JOIN municipality_as_of m ON m.region_id = r.id
UNION ALL
SELECT CAST('municipality' AS VARCHAR(20)), CAST(m.number AS VARCHAR(40)), CAST(m.name AS VARCHAR(100)), m.number
FROM municipality_as_of m;

-- Every scope once, with the number of municipalities in it (a region without municipalities
-- is no scope). The same scopes as scope_municipality, written out rather than grouped from it,
-- so that the planner knows how many there are.
-- last_member_from: the latest member_from of its municipalities (coverage looks for members that
-- joined after a window began only where a window begins before it).
CREATE VIEW indicator_scope AS
SELECT CAST('total' AS VARCHAR(20))              AS scope_type,
       CAST('total' AS VARCHAR(40))              AS scope_id,
       CAST('Helsefellesskapet' AS VARCHAR(100)) AS scope_name,
       CAST((SELECT count(*) FROM municipality_as_of) AS INTEGER) AS municipalities,
       CAST((SELECT max(member_from) FROM municipality_as_of) AS DATE) AS last_member_from
WHERE EXISTS (SELECT 1 FROM municipality_as_of)
UNION ALL
SELECT CAST('region' AS VARCHAR(20)), CAST(r.id AS VARCHAR(40)), CAST(r.name AS VARCHAR(100)),
       CAST((SELECT count(*) FROM municipality_as_of m WHERE m.region_id = r.id) AS INTEGER),
       CAST((SELECT max(m.member_from) FROM municipality_as_of m WHERE m.region_id = r.id) AS DATE)
FROM region r
WHERE EXISTS (SELECT 1 FROM municipality_as_of m WHERE m.region_id = r.id)
UNION ALL
SELECT CAST('municipality' AS VARCHAR(20)), CAST(m.number AS VARCHAR(40)), CAST(m.name AS VARCHAR(100)), 1,
       m.member_from
FROM municipality_as_of m;

-- Population at 1 January of year, summed over the municipalities of a scope that are members on
-- that day (member_from <= 1 January of year) and have it; complete when every one of those has it.
-- How: the scopes' members and the population are read once each (a view's CTE used twice is
-- formed once), then the sums per scope and year are joined to the number of members on each
-- 1 January. As a count looked up per scope and year it cost 0.9 s for every scope now and 70 ms
-- for one scope as of an instant, at national scale; this way 25 ms.
CREATE VIEW scope_population AS
WITH member AS (
  SELECT s.scope_type, s.scope_id, s.municipality,
         EXTRACT(YEAR FROM m.member_from) * 12 + EXTRACT(MONTH FROM m.member_from) AS first_month
  FROM scope_municipality s
  JOIN municipality_as_of m ON m.number = s.municipality
),
population_then AS (
  SELECT year, municipality, population FROM population_as_of
)
SELECT p.year, p.scope_type, p.scope_id, p.population, CAST(p.members_with_it = n.members AS BOOLEAN) AS complete
FROM (SELECT y.year, mb.scope_type, mb.scope_id, CAST(sum(y.population) AS BIGINT) AS population,
             count(*) AS members_with_it
      FROM member mb
      JOIN population_then y ON y.municipality = mb.municipality AND mb.first_month <= y.year * 12 + 1
      GROUP BY y.year, mb.scope_type, mb.scope_id) p
JOIN (SELECT y.year, mb.scope_type, mb.scope_id, count(*) AS members
      FROM member mb
      JOIN (SELECT DISTINCT year FROM population_then) y ON mb.first_month <= y.year * 12 + 1
      GROUP BY y.year, mb.scope_type, mb.scope_id) n
  ON n.year = p.year AND n.scope_type = p.scope_type AND n.scope_id = p.scope_id;

-- The population per scope the indicators read: now the stored copy, as of T the view above.
CREATE VIEW scope_population_figures AS
SELECT scope_type, scope_id, year, population, complete FROM scope_population_sums;
-- [jooq ignore start]
-- (as scope_month_figures below: a request of the service keeps the population of its scopes as of T
-- in the temporary table ukp_as_of_population first)
CREATE OR REPLACE FUNCTION ukp_as_of_scope_population() RETURNS SETOF scope_population_sums
LANGUAGE plpgsql STABLE
AS $$
BEGIN
  IF to_regclass('pg_temp.ukp_as_of_population') IS NOT NULL THEN
    RETURN QUERY EXECUTE 'SELECT scope_type, scope_id, year, population, complete FROM pg_temp.ukp_as_of_population';
  ELSE
    RETURN QUERY EXECUTE 'SELECT scope_type, scope_id, year, population, complete FROM scope_population';
  END IF;
END
$$;

CREATE OR REPLACE VIEW scope_population_figures AS
SELECT scope_type, scope_id, year, population, complete FROM scope_population_sums WHERE NOT ukp_as_of_set()
UNION ALL
SELECT scope_type, scope_id, year, population, complete FROM ukp_as_of_scope_population() WHERE ukp_as_of_set();
-- [jooq ignore stop]

-- ---- months --------------------------------------------------------------------------------

-- Every calendar month from the first to the last month with any data (monthly statistics of
-- any area, or short-term ward statistics), gaps included; empty without data.
CREATE VIEW indicator_month AS
SELECT CAST(NULL AS DATE) AS month;
-- [jooq ignore start]
-- (as of T: the first and last month of the revisions recorded by then that are not deletions)
CREATE OR REPLACE VIEW indicator_month AS
SELECT CAST(s.month AS DATE) AS month
FROM (SELECT CASE WHEN NOT ukp_as_of_set()
                  THEN LEAST((SELECT min(month) FROM monthly_statistics), (SELECT min(month) FROM short_term_stays))
                  ELSE LEAST((SELECT min(month) FROM monthly_statistics_revision
                              WHERE recorded_at <= ukp_as_of() AND NOT deleted),
                             (SELECT min(month) FROM short_term_stays_revision
                              WHERE recorded_at <= ukp_as_of() AND NOT deleted)) END AS first_month,
             CASE WHEN NOT ukp_as_of_set()
                  THEN GREATEST((SELECT max(month) FROM monthly_statistics), (SELECT max(month) FROM short_term_stays))
                  ELSE GREATEST((SELECT max(month) FROM monthly_statistics_revision
                                 WHERE recorded_at <= ukp_as_of() AND NOT deleted),
                                (SELECT max(month) FROM short_term_stays_revision
                                 WHERE recorded_at <= ukp_as_of() AND NOT deleted)) END AS last_month) r
CROSS JOIN generate_series(r.first_month, r.last_month, INTERVAL '1' MONTH) AS s (month);
-- [jooq ignore stop]

-- ---- the sums behind every figure ----------------------------------------------------------

-- The sums of the facts per scope x month, NULL where there is no row of that kind; reported =
-- municipalities with a somatikk row in the month. Only area 'somatikk' counts; short-term ward
-- statistics of every unit are pooled; a municipality's rows count from its member_from month on.
-- scope_month_sums stores these rows (R__indicator_sums.sql):
-- whoever writes monthly_statistics or short_term_stays with SQL, outside the service, must call
-- SELECT ukp_refresh_scope_month_sums(NULL, NULL); afterwards (NULL, NULL = every month).
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
  FROM monthly_statistics_as_of f
  WHERE f.area = 'somatikk'
  UNION ALL
  SELECT f.municipality, f.month, 0,
         CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), CAST(NULL AS INTEGER),
         CAST(NULL AS INTEGER), CAST(NULL AS INTEGER),
         f.discharges, f.los_days
  FROM short_term_stays_as_of f
) u
JOIN municipality_as_of m ON m.number = u.municipality AND u.month >= m.member_from
JOIN scope_municipality s ON s.municipality = u.municipality
GROUP BY s.scope_type, s.scope_id, u.month;

-- The sums the windows add up: now the stored copy (scope_month_sums), as of T the view above.
CREATE VIEW scope_month_figures AS
SELECT * FROM scope_month_sums;
-- [jooq ignore start]
-- As of T the sums are those of scope_month_facts. PostgreSQL cannot push a window's scope into the
-- latest-revision-per-key of the as-of facts, so every window looked up would form them all anew:
-- a request of the service first keeps the sums of the scopes and months it reads in the temporary
-- table ukp_as_of_sums of its transaction (indicator/AsOf), and they are read from there. Without
-- that table (an analyst's own SQL) they are formed from the view itself.
CREATE OR REPLACE FUNCTION ukp_as_of_scope_month_sums() RETURNS SETOF scope_month_sums
LANGUAGE plpgsql STABLE
AS $$
BEGIN
  IF to_regclass('pg_temp.ukp_as_of_sums') IS NOT NULL THEN
    RETURN QUERY EXECUTE 'SELECT * FROM pg_temp.ukp_as_of_sums';
  ELSE
    RETURN QUERY EXECUTE 'SELECT * FROM scope_month_facts';
  END IF;
END
$$;

CREATE OR REPLACE VIEW scope_month_figures AS
SELECT * FROM scope_month_sums WHERE NOT ukp_as_of_set()
UNION ALL
SELECT * FROM ukp_as_of_scope_month_sums() WHERE ukp_as_of_set();
-- [jooq ignore stop]

-- Per month M x scope x window, the sums of the facts in the window (NULL: no row in the window)
-- and the coverage of the window:
--   time_window      month = M; ytd = January..M of M's year; rolling12 = the 12 months ending
--                    with M; projectedYear = the ytd sums (ukp_days is projected from them)
--   municipalities   in the scope; months_in_window: 1, the number of M's month, 12
--   expected         municipalities × months_in_window, less the months of the window before a
--                    municipality's member_from
--   reported         municipality-months in the window with a somatikk row (from member_from on)
--   complete         reported = expected
--   ukp_stays .. readmissions_30d    somatikk statistics of the scope's municipalities
--   ukp_stays_readmissions_known     ukp_stays over the rows whose readmissions_30d is known
--   short_term_*                     short-term ward statistics, all units pooled
--   baseline_short_term_*            the same in the same calendar months of the baseline year:
--                                    M's month / January..M's month / all twelve (rolling12)
-- The baseline year is indicator_setting 'baseline_year' (without it, short_term_los_change has
-- no value).
-- How: each window sums the stored rows of its scope (scope_month_sums) from its first month
-- to M — month M..M; ytd and projectedYear January..M of M's year; rolling12 M-11..M — and the
-- baseline the same calendar months of the baseline year (M's month, January..M's month, the
-- whole year). A month without rows keeps NULL sums and reported 0. The months not expected are
-- looked up (index municipality_member_from) only where the window begins before the scope's
-- last_member_from, which is nowhere for a scope whose municipalities all joined before its data.
-- (the columns, for jOOQ's code generator; see "LATERAL" above)
CREATE VIEW indicator_window_sums AS
SELECT CAST(NULL AS DATE) AS month,
       CAST(NULL AS VARCHAR(20)) AS scope_type,
       CAST(NULL AS VARCHAR(40)) AS scope_id,
       CAST(NULL AS VARCHAR(20)) AS time_window,
       CAST(NULL AS INTEGER) AS municipalities,
       CAST(NULL AS INTEGER) AS months_in_window,
       CAST(NULL AS INTEGER) AS expected,
       CAST(NULL AS INTEGER) AS reported,
       CAST(NULL AS BOOLEAN) AS complete,
       CAST(NULL AS BIGINT) AS ukp_stays,
       CAST(NULL AS BIGINT) AS zero_day_stays,
       CAST(NULL AS BIGINT) AS ukp_days,
       CAST(NULL AS BIGINT) AS discharged_home,
       CAST(NULL AS BIGINT) AS readmissions_30d,
       CAST(NULL AS BIGINT) AS ukp_stays_readmissions_known,
       CAST(NULL AS BIGINT) AS short_term_discharges,
       CAST(NULL AS BIGINT) AS short_term_los_days,
       CAST(NULL AS BIGINT) AS baseline_short_term_discharges,
       CAST(NULL AS BIGINT) AS baseline_short_term_los_days;
-- [jooq ignore start]
CREATE OR REPLACE VIEW indicator_window_sums AS
SELECT c.month, sc.scope_type, sc.scope_id, c.time_window,
       sc.municipalities, c.months_in_window,
       CAST(sc.municipalities * c.months_in_window - late.months AS INTEGER) AS expected,
       w.reported,
       CAST(CASE WHEN w.reported = sc.municipalities * c.months_in_window - late.months THEN TRUE ELSE FALSE END AS BOOLEAN) AS complete,
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
-- the months of the window before the member_from of the scope's municipalities that joined after it began
CROSS JOIN LATERAL (
  SELECT CAST(COALESCE(sum(LEAST(c.months_in_window,
                                 (EXTRACT(YEAR FROM m.member_from) - EXTRACT(YEAR FROM c.first_month)) * 12
                                 + EXTRACT(MONTH FROM m.member_from) - EXTRACT(MONTH FROM c.first_month))), 0) AS INTEGER) AS months
  FROM municipality_as_of m
  WHERE c.first_month < sc.last_member_from
    AND m.member_from > c.first_month
    AND (sc.scope_type = 'total'
         OR (sc.scope_type = 'region' AND m.region_id = sc.scope_id)
         OR (sc.scope_type = 'municipality' AND m.number = sc.scope_id))
) late
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
  FROM scope_month_figures s
  WHERE s.scope_type = sc.scope_type AND s.scope_id = sc.scope_id
    AND s.month >= c.first_month AND s.month <= c.month
) w
CROSS JOIN LATERAL (
  SELECT CAST(sum(s.short_term_discharges) AS BIGINT) AS short_term_discharges,
         CAST(sum(s.short_term_los_days) AS BIGINT)   AS short_term_los_days
  FROM scope_month_figures s
  WHERE s.scope_type = sc.scope_type AND s.scope_id = sc.scope_id
    AND s.month >= c.baseline_first_month AND s.month <= c.baseline_last_month
) b;
-- [jooq ignore stop]

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
-- How: the indicators are a LATERAL list over the columns of the window's sums: they can only be
-- formed once the sums and their baseline are there, so those are computed once per window, not
-- once per indicator. The list holds plain columns, so nothing is computed for a row that a
-- query drops; the arithmetic happens where value is read.
-- (the columns, for jOOQ's code generator; see "LATERAL" above)
CREATE VIEW indicator_value AS
SELECT CAST(NULL AS DATE) AS month,
       CAST(NULL AS VARCHAR(20)) AS scope_type,
       CAST(NULL AS VARCHAR(40)) AS scope_id,
       CAST(NULL AS VARCHAR(40)) AS indicator_id,
       CAST(NULL AS VARCHAR(20)) AS time_window,
       CAST(NULL AS NUMERIC(38,16)) AS value,
       CAST(NULL AS NUMERIC(38,16)) AS numerator,
       CAST(NULL AS NUMERIC(38,16)) AS denominator,
       CAST(NULL AS INTEGER) AS expected,
       CAST(NULL AS INTEGER) AS reported,
       CAST(NULL AS BOOLEAN) AS complete;
-- [jooq ignore start]
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
  -- the scope's population in the latest year <= the month's year, when every municipality has it
  LEFT JOIN LATERAL (SELECT CASE WHEN p.complete THEN p.population END AS population
                     FROM scope_population_figures p
                     WHERE p.scope_type = s.scope_type AND p.scope_id = s.scope_id
                       AND p.year <= CAST(EXTRACT(YEAR FROM s.month) AS INTEGER)
                     ORDER BY p.year DESC
                     LIMIT 1) pop ON TRUE
  -- (ukp_days and short_term_los_change: numerator and denominator in the CASEs above)
  CROSS JOIN LATERAL (VALUES
    ('ukp_days',               CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)),
    ('zero_day_share',         s.zero_day_stays,     s.ukp_stays),
    ('avg_ukp_days',           s.ukp_days,           s.ukp_stays - s.zero_day_stays),
    ('avg_ukp_days_all_stays', s.ukp_days,           s.ukp_stays),
    ('direct_home_share',      s.discharged_home,    s.ukp_stays),
    ('readmission_30d_share',  s.readmissions_30d,   s.ukp_stays_readmissions_known),
    ('short_term_los_change',  CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)),
    -- a crude rate, not standardised for age and sex; month and ytd are not annualised
    ('ukp_days_per_1000',      s.ukp_days,           pop.population / 1000.0)
  ) AS i (indicator_id, numerator, denominator)
  WHERE s.time_window <> 'projectedYear' OR i.indicator_id = 'ukp_days'
) v;
-- [jooq ignore stop]

-- Coverage per month x scope x window: expected = municipalities in the scope × months in the
-- window (month 1, ytd the number of M's month, rolling12 12; projectedYear as ytd), each
-- municipality counted from its member_from month; reported = municipality-months with a somatikk
-- row in the window; complete when they are equal.
CREATE VIEW indicator_coverage AS
SELECT month, scope_type, scope_id, time_window, expected, reported, complete
FROM indicator_window_sums;

-- ---- targets and status --------------------------------------------------------------------

-- Each target row with the month from which it no longer applies (valid_to, exclusive; NULL:
-- still applies): the valid_from of the next row for the same indicator and scope.
-- The target versions recorded at or before the instant of ukp_as_of(); now: every version.
CREATE VIEW indicator_target_as_of AS
SELECT id, indicator_id, scope_type, scope_id, valid_from, target, tolerance, tolerance_kind, status_window, apportioned,
       created_by, created_at, note
FROM indicator_target;
-- [jooq ignore start]
CREATE OR REPLACE VIEW indicator_target_as_of AS
SELECT id, indicator_id, scope_type, scope_id, valid_from, target, tolerance, tolerance_kind, status_window, apportioned,
       created_by, created_at, note
FROM indicator_target
WHERE NOT ukp_as_of_set() OR created_at <= ukp_as_of();
-- [jooq ignore stop]

CREATE VIEW indicator_target_period AS
SELECT t.id AS target_id, t.indicator_id, t.scope_type, t.scope_id, t.valid_from,
       lead(t.valid_from) OVER (PARTITION BY t.indicator_id, t.scope_type, t.scope_id ORDER BY t.valid_from) AS valid_to
FROM indicator_target_as_of t;

-- The target that applies to (month, scope, indicator), for every month of indicator_month; no
-- row where none applies. The row for the exact scope_id beats the default (scope_id NULL) of
-- the scope type; of those, the one valid at the month (the latest valid_from <= month).
-- An apportioned target is the total target valid at the month × the scope's share of the
-- population: scope population / total population, both of population_year = the latest year
-- with population <= the month's year. Without population for the scope the target is NULL
-- (no target). The populations are read by key from scope_population_sums.
-- (the columns, for jOOQ's code generator; see "LATERAL" above)
CREATE VIEW indicator_target_at AS
SELECT CAST(NULL AS DATE) AS month,
       CAST(NULL AS VARCHAR(20)) AS scope_type,
       CAST(NULL AS VARCHAR(40)) AS scope_id,
       CAST(NULL AS VARCHAR(40)) AS indicator_id,
       CAST(NULL AS BIGINT) AS target_id,
       CAST(NULL AS DATE) AS valid_from,
       CAST(NULL AS NUMERIC(38,16)) AS target,
       CAST(NULL AS NUMERIC(14,6)) AS tolerance,
       CAST(NULL AS VARCHAR(10)) AS tolerance_kind,
       CAST(NULL AS VARCHAR(20)) AS status_window,
       CAST(NULL AS BOOLEAN) AS apportioned,
       CAST(NULL AS NUMERIC(14,6)) AS total_target,
       CAST(NULL AS INTEGER) AS population_year,
       CAST(NULL AS BIGINT) AS scope_population,
       CAST(NULL AS BIGINT) AS total_population;
-- [jooq ignore start]
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
        CROSS JOIN LATERAL (SELECT max(p.year) AS year FROM scope_population_figures p
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
JOIN indicator_target_as_of t ON t.id = x.target_id
LEFT JOIN indicator_target_as_of tt ON tt.id = x.total_target_id
LEFT JOIN scope_population_figures sp
       ON sp.scope_type = x.scope_type AND sp.scope_id = x.scope_id AND sp.year = x.population_year
LEFT JOIN scope_population_figures tp
       ON tp.scope_type = 'total' AND tp.scope_id = 'total' AND tp.year = x.population_year;
-- [jooq ignore stop]

-- The status of each of the six indicators per month x scope, judged on the value in the
-- target's status_window (rolling12 where no target applies):
--   at_most,  relative r: green v <= T, yellow v <= T·(1 + r), red otherwise
--   at_most,  absolute p: green v <= T, yellow v <= T + p,     red otherwise
--   at_least, absolute p: green v >= T, yellow v >= T − p,     red otherwise
--   at_least, relative r: green v >= T, yellow v >= T·(1 − r), red otherwise
-- no_target where no target applies (also an apportioned one without population); otherwise
-- no_data where the value is NULL. Exact NUMERIC comparisons: a value on a limit is inside it.
-- expected / reported / complete: the coverage of the status window.
-- Only the windows some target judges on are formed (see the join with indicator_value).
-- The comparison itself is ukp_status (below), which the scenario (R__analysis.sql) uses too.
-- (the columns, for jOOQ's code generator, which does not know the function; see "LATERAL" above)
CREATE VIEW indicator_status AS
SELECT CAST(NULL AS DATE) AS month,
       CAST(NULL AS VARCHAR(20)) AS scope_type,
       CAST(NULL AS VARCHAR(40)) AS scope_id,
       CAST(NULL AS VARCHAR(40)) AS indicator_id,
       CAST(NULL AS VARCHAR(10)) AS direction,
       CAST(NULL AS VARCHAR(20)) AS status_window,
       CAST(NULL AS NUMERIC(38,16)) AS value,
       CAST(NULL AS NUMERIC(38,16)) AS target,
       CAST(NULL AS NUMERIC(14,6)) AS tolerance,
       CAST(NULL AS VARCHAR(10)) AS tolerance_kind,
       CAST(NULL AS NUMERIC(38,16)) AS yellow_limit,
       CAST(NULL AS VARCHAR(10)) AS status,
       CAST(NULL AS INTEGER) AS expected,
       CAST(NULL AS INTEGER) AS reported,
       CAST(NULL AS BOOLEAN) AS complete,
       CAST(NULL AS BIGINT) AS target_id;
-- [jooq ignore start]
-- The status of a value against a target and its yellow limit (the rules above): the one place
-- that judges a value, for indicator_status and for the scenario's UKP-days (R__analysis.sql).
CREATE OR REPLACE FUNCTION ukp_status(direction VARCHAR, value NUMERIC, target NUMERIC, yellow_limit NUMERIC)
RETURNS VARCHAR
LANGUAGE sql IMMUTABLE
AS $$
  SELECT CASE
           WHEN target IS NULL THEN 'no_target'
           WHEN value IS NULL THEN 'no_data'
           WHEN direction = 'at_most'  AND value <= target       THEN 'green'
           WHEN direction = 'at_most'  AND value <= yellow_limit THEN 'yellow'
           WHEN direction = 'at_least' AND value >= target       THEN 'green'
           WHEN direction = 'at_least' AND value >= yellow_limit THEN 'yellow'
           ELSE 'red'
         END
$$;

CREATE OR REPLACE VIEW indicator_status AS
SELECT x.month, x.scope_type, x.scope_id, x.indicator_id, x.direction, x.status_window,
       x.value, x.target, x.tolerance, x.tolerance_kind, x.yellow_limit,
       CAST(ukp_status(x.direction, x.value, x.target, x.yellow_limit) AS VARCHAR(10)) AS status,
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

-- ---- the month shown -----------------------------------------------------------------------

-- The month the indicators are shown for when none is asked for: the latest month with somatic
-- monthly statistics. One definition for the API, the metrics, the report and the dry-run impact.
CREATE VIEW indicator_latest_month AS
SELECT max(month) AS month
FROM monthly_statistics
WHERE area = 'somatikk';
-- [jooq ignore start]
-- (as of T: the latest month with a somatic revision recorded by then that was the key's latest then
-- and not a deletion; read backwards along the primary key)
CREATE OR REPLACE VIEW indicator_latest_month AS
SELECT CASE WHEN NOT ukp_as_of_set()
            THEN (SELECT max(month) FROM monthly_statistics WHERE area = 'somatikk')
            -- (ORDER BY .. LIMIT 1, not max(): walks the months back from the newest and stops at the first
            -- one with a key whose latest revision then is no deletion; max() read every revision, 100 ms)
            ELSE (SELECT r.month FROM monthly_statistics_revision r
                  WHERE r.area = 'somatikk' AND r.recorded_at <= ukp_as_of() AND NOT r.deleted
                    AND NOT EXISTS (SELECT 1 FROM monthly_statistics_revision n
                                    WHERE n.month = r.month AND n.municipality = r.municipality AND n.area = r.area
                                      AND n.revision > r.revision AND n.recorded_at <= ukp_as_of())
                  ORDER BY r.month DESC LIMIT 1) END AS month;
-- [jooq ignore stop]

-- [jooq ignore start]
-- scope_month_sums and scope_population_sums store the rows of scope_month_facts and
-- scope_population: store them anew whenever this file runs, so that an edit of those two views
-- reaches the stored rows too. (DELETE ... WHERE FALSE deletes nothing; it fires the statement
-- trigger of V10 that stores scope_population_sums.)
SELECT ukp_refresh_scope_month_sums(NULL, NULL);
DELETE FROM population WHERE FALSE;
-- [jooq ignore stop]
