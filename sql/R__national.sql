-- The national comparison ("blant de beste i landet", issue 20): the one definition of the
-- ranking that the API (/api/v1/national/ranking), the monthly report and the Grafana dashboards
-- «UKP – nasjonalt» and «UKP – måloppnåelse» read. Rules in docs/analysts.md ("National
-- comparison") and the design's analysis.md. Tables in V22.
--
--   national_figures (year, municipality, municipality_name, community, community_name, ukp_days,
--                     population, patients, stays, rate_per_1000_standardised, ours, import_id)
--       one row per year and municipality of residence; its community is the file's community
--       column, else the membership of national_municipality; ours: a municipality of our
--       reference data (table municipality)
--   national_our_community (year, community)
--       our community per year: the setting 'community' (ukp.national.community, a name or an id)
--       where set, else the community most of our reference municipalities belong to that year
--   national_community_ranking (year, measure, community, name, municipalities, ukp_days,
--                               population, value, rank, n, percentile, among_the_best, status, ours)
--       measure ukp_days_per_1000 only (a standardised rate cannot be combined): value =
--       Σ days / Σ population × 1 000 over the community's municipalities, null when one lacks its
--       population (then no rank and not counted in n)
--   national_municipality_ranking (year, measure, municipality, name, community, community_name,
--                                  value, rank, n, percentile, among_the_best, status, ours)
--       measures ukp_days_per_1000 (days / population × 1 000) and
--       ukp_days_per_1000_standardised (the published standardised rate as published)
--   national_year (year, communities, municipalities, synthetic, imported_at, file_names)
--       the years with national figures and where they come from
--
-- rank: 1 = best = lowest value, ties share the better rank (rank()); n: those with a value;
-- percentile = 100 (n − rank) / (n − 1), 100 when n = 1, one decimal (ukp_national_percentile);
-- status (ukp_national_status) green for rank ≤ max(1, ⌊n × best_fraction⌋) (setting
-- 'best_fraction', default 0.25) = among_the_best, yellow for rank ≤ ⌊n / 2⌋, red otherwise.
-- value and percentile are rounded for showing; the rank is of the exact value.
--
-- Editing. A Flyway repeatable migration: re-run whenever it changes; the views are dropped and
-- created anew. ukp_reader reads them through V3's default privileges (and may execute the
-- function, as PUBLIC may). The Java side reads them by name (national/NationalRepository).

DROP VIEW IF EXISTS national_year;
DROP VIEW IF EXISTS national_municipality_ranking;
DROP VIEW IF EXISTS national_community_ranking;
DROP VIEW IF EXISTS national_our_community;
DROP VIEW IF EXISTS national_figures;

-- The views first with just their columns and types, for jOOQ's code generator (which simulates this file
-- in H2); their definitions follow between [jooq ignore start/stop], by CREATE OR REPLACE VIEW, which
-- PostgreSQL refuses unless the names, order and types of the columns are the same.
CREATE VIEW national_figures AS
SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR(4)) AS municipality,
       CAST(NULL AS VARCHAR(100)) AS municipality_name, CAST(NULL AS VARCHAR(100)) AS community,
       CAST(NULL AS VARCHAR(100)) AS community_name, CAST(NULL AS INTEGER) AS ukp_days, CAST(NULL AS INTEGER) AS population,
       CAST(NULL AS INTEGER) AS patients, CAST(NULL AS INTEGER) AS stays,
       CAST(NULL AS NUMERIC(12, 3)) AS rate_per_1000_standardised, CAST(NULL AS BOOLEAN) AS ours,
       CAST(NULL AS BIGINT) AS import_id;
CREATE VIEW national_our_community AS
SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR(100)) AS community;
CREATE VIEW national_community_ranking AS
SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR(40)) AS measure, CAST(NULL AS VARCHAR(100)) AS community,
       CAST(NULL AS VARCHAR(100)) AS name, CAST(NULL AS INTEGER) AS municipalities, CAST(NULL AS BIGINT) AS ukp_days,
       CAST(NULL AS BIGINT) AS population, CAST(NULL AS NUMERIC(14, 2)) AS value, CAST(NULL AS INTEGER) AS rank,
       CAST(NULL AS INTEGER) AS n, CAST(NULL AS NUMERIC(5, 1)) AS percentile, CAST(NULL AS BOOLEAN) AS among_the_best,
       CAST(NULL AS VARCHAR(10)) AS status, CAST(NULL AS BOOLEAN) AS ours;
CREATE VIEW national_municipality_ranking AS
SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR(40)) AS measure, CAST(NULL AS VARCHAR(4)) AS municipality,
       CAST(NULL AS VARCHAR(100)) AS name, CAST(NULL AS VARCHAR(100)) AS community,
       CAST(NULL AS VARCHAR(100)) AS community_name, CAST(NULL AS NUMERIC(14, 2)) AS value, CAST(NULL AS INTEGER) AS rank,
       CAST(NULL AS INTEGER) AS n, CAST(NULL AS NUMERIC(5, 1)) AS percentile, CAST(NULL AS BOOLEAN) AS among_the_best,
       CAST(NULL AS VARCHAR(10)) AS status, CAST(NULL AS BOOLEAN) AS ours;
CREATE VIEW national_year AS
SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS INTEGER) AS communities, CAST(NULL AS INTEGER) AS municipalities,
       CAST(NULL AS BOOLEAN) AS synthetic, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS imported_at,
       CAST(NULL AS VARCHAR(1000)) AS file_names;

-- [jooq ignore start]

-- A community's id from its name: «Helsefellesskapet St. Olav» → helsefellesskapet-st-olav.
CREATE OR REPLACE FUNCTION ukp_community_id(name TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT NULLIF(btrim(regexp_replace(replace(replace(replace(lower(name), 'æ', 'ae'), 'ø', 'o'), 'å', 'a'),
                                     '[^a-z0-9]+', '-', 'g'), '-'), '')
$$;

-- The one place of the ranking's rules: a place's percentile, and its status (among the best = green).
CREATE OR REPLACE FUNCTION ukp_national_percentile(rank BIGINT, n BIGINT) RETURNS NUMERIC
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN rank IS NULL THEN NULL WHEN n = 1 THEN 100.0 ELSE round(100.0 * (n - rank) / (n - 1), 1) END
$$;

CREATE OR REPLACE FUNCTION ukp_national_status(rank BIGINT, n BIGINT) RETURNS TEXT
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN rank IS NULL THEN NULL
              WHEN rank <= greatest(1, floor(n * COALESCE((SELECT CAST(value AS NUMERIC) FROM national_setting
                                                           WHERE key = 'best_fraction'), 0.25))) THEN 'green'
              WHEN rank <= floor(n / 2.0) THEN 'yellow'
              ELSE 'red' END
$$;

CREATE OR REPLACE VIEW national_figures AS
SELECT s.year,
       s.municipality,
       CAST(COALESCE(s.municipality_name, n.municipality_name, m.name, s.municipality) AS VARCHAR(100)) AS municipality_name,
       CAST(ukp_community_id(COALESCE(s.community, n.community)) AS VARCHAR(100)) AS community,
       CAST(COALESCE(s.community, n.community) AS VARCHAR(100)) AS community_name,
       s.ukp_days,
       s.population,
       s.patients,
       s.stays,
       s.rate_per_1000_standardised,
       m.number IS NOT NULL AS ours,
       s.import_id
FROM national_statistics s
LEFT JOIN national_municipality n ON n.municipality = s.municipality
LEFT JOIN municipality m ON m.number = s.municipality;

CREATE OR REPLACE VIEW national_our_community AS
SELECT CAST(y.year AS INTEGER) AS year,
       CAST(COALESCE(ukp_community_id((SELECT value FROM national_setting WHERE key = 'community')),
                (SELECT mode() WITHIN GROUP (ORDER BY f.community)
                 FROM national_figures f WHERE f.year = y.year AND f.ours AND f.community IS NOT NULL)) AS VARCHAR(100)) AS community
FROM (SELECT DISTINCT year FROM national_statistics) y;

CREATE OR REPLACE VIEW national_community_ranking AS
WITH community AS (
  SELECT year, community, min(community_name) AS name, count(*) AS municipalities,
         sum(ukp_days) AS ukp_days, sum(population) AS population,
         CASE WHEN bool_and(population IS NOT NULL) THEN sum(ukp_days) * 1000.0 / sum(population) END AS value
  FROM national_figures
  WHERE community IS NOT NULL
  GROUP BY year, community
), ranked AS (
  SELECT c.*,
         CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year, value IS NULL ORDER BY value) END AS rank,
         count(value) OVER (PARTITION BY year) AS n
  FROM community c
), placed AS (
  SELECT r.*, ukp_national_status(r.rank, r.n) AS status FROM ranked r
)
SELECT CAST(r.year AS INTEGER) AS year,
       CAST('ukp_days_per_1000' AS VARCHAR(40)) AS measure,
       CAST(r.community AS VARCHAR(100)) AS community,
       CAST(r.name AS VARCHAR(100)) AS name,
       CAST(r.municipalities AS INTEGER) AS municipalities,
       CAST(r.ukp_days AS BIGINT) AS ukp_days,
       CAST(r.population AS BIGINT) AS population,
       CAST(round(r.value, 2) AS NUMERIC(14, 2)) AS value,
       CAST(r.rank AS INTEGER) AS rank,
       CAST(r.n AS INTEGER) AS n,
       CAST(ukp_national_percentile(r.rank, r.n) AS NUMERIC(5, 1)) AS percentile,
       CAST(r.status = 'green' AS BOOLEAN) AS among_the_best,
       CAST(r.status AS VARCHAR(10)) AS status,
       CAST(COALESCE(r.community = o.community, FALSE) AS BOOLEAN) AS ours
FROM placed r
LEFT JOIN national_our_community o ON o.year = r.year;

CREATE OR REPLACE VIEW national_municipality_ranking AS
WITH measured AS (
  SELECT year, 'ukp_days_per_1000' AS measure, municipality, municipality_name, community, community_name, ours,
         ukp_days * 1000.0 / population AS value
  FROM national_figures
  UNION ALL
  SELECT year, 'ukp_days_per_1000_standardised', municipality, municipality_name, community, community_name, ours,
         CAST(rate_per_1000_standardised AS NUMERIC)
  FROM national_figures
), ranked AS (
  SELECT m.*,
         CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year, measure, value IS NULL ORDER BY value) END AS rank,
         count(value) OVER (PARTITION BY year, measure) AS n
  FROM measured m
), placed AS (
  SELECT r.*, ukp_national_status(r.rank, r.n) AS status FROM ranked r
)
SELECT CAST(r.year AS INTEGER) AS year,
       CAST(r.measure AS VARCHAR(40)) AS measure,
       CAST(r.municipality AS VARCHAR(4)) AS municipality,
       CAST(r.municipality_name AS VARCHAR(100)) AS name,
       CAST(r.community AS VARCHAR(100)) AS community,
       CAST(r.community_name AS VARCHAR(100)) AS community_name,
       CAST(round(r.value, 2) AS NUMERIC(14, 2)) AS value,
       CAST(r.rank AS INTEGER) AS rank,
       CAST(r.n AS INTEGER) AS n,
       CAST(ukp_national_percentile(r.rank, r.n) AS NUMERIC(5, 1)) AS percentile,
       CAST(r.status = 'green' AS BOOLEAN) AS among_the_best,
       CAST(r.status AS VARCHAR(10)) AS status,
       CAST(r.ours AS BOOLEAN) AS ours
FROM placed r;

CREATE OR REPLACE VIEW national_year AS
SELECT CAST(f.year AS INTEGER) AS year,
       CAST(count(DISTINCT f.community) AS INTEGER) AS communities,
       CAST(count(*) AS INTEGER) AS municipalities,
       CAST(bool_or(i.synthetic) AS BOOLEAN) AS synthetic,
       CAST(max(i.finished_at) AS TIMESTAMP WITH TIME ZONE) AS imported_at,
       CAST(string_agg(DISTINCT i.file_name, ', ') AS VARCHAR(1000)) AS file_names
FROM national_figures f
JOIN import i ON i.id = f.import_id
GROUP BY f.year;
-- [jooq ignore stop]
