-- snapshot_latest: who is waiting now, the latest snapshot of each municipality and area. This
-- file is its current text (its history: V5, V9).
--
-- Editing. This is a Flyway repeatable migration: Flyway runs it again, after the versioned
-- migrations, whenever its content changes; it drops the view and creates it anew (CREATE OR
-- REPLACE VIEW cannot change its columns). The read-only role ukp_reader keeps SELECT on it
-- (V3's default privileges).
--
-- LATERAL. jOOQ's code generator simulates the migrations in H2, which has no LATERAL joins: the
-- view is created first with just its columns and their types (all the generator needs), then,
-- between [jooq ignore start/stop], with its definition by CREATE OR REPLACE VIEW, which
-- PostgreSQL refuses unless the names, order and types of the columns are the same.

DROP VIEW IF EXISTS snapshot_latest;

-- For each municipality and area, the first entry of the index snapshot_municipality_area_taken_at
-- (V9), instead of a scan of every snapshot row (~6 s over 3.9 million rows, issue 7).
-- (the columns, for jOOQ's code generator; see "LATERAL" above)
CREATE VIEW snapshot_latest AS
SELECT CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS taken_at,
       CAST(NULL AS VARCHAR(4)) AS municipality,
       CAST(NULL AS VARCHAR(100)) AS municipality_name,
       CAST(NULL AS VARCHAR(40)) AS region_id,
       CAST(NULL AS VARCHAR(20)) AS area,
       CAST(NULL AS INTEGER) AS ukp_patients,
       CAST(NULL AS INTEGER) AS waiting_over_1_day;
-- [jooq ignore start]
CREATE OR REPLACE VIEW snapshot_latest AS
SELECT l.taken_at, m.number AS municipality, m.name AS municipality_name, m.region_id, l.area,
       l.ukp_patients, l.waiting_over_1_day
FROM municipality m
CROSS JOIN (VALUES ('somatikk'), ('psykisk_helse_rus')) AS a (area)
CROSS JOIN LATERAL (
  SELECT s.taken_at, s.area, s.ukp_patients, s.waiting_over_1_day
  FROM snapshot s
  WHERE s.municipality = m.number AND s.area = a.area
  ORDER BY s.taken_at DESC
  LIMIT 1
) l;
-- [jooq ignore stop]
