-- data_origin: whether the figures on show rest on synthetic demo data, and how fresh they are.
-- The API, the dashboards and the report read this to put "synthetic data" banners where they
-- belong. This file is its current text (its history: V4, V9).
--
-- Editing. This is a Flyway repeatable migration: Flyway runs it again, after the versioned
-- migrations, whenever its content changes; it drops the view and creates it anew (CREATE OR
-- REPLACE VIEW cannot change its columns). The read-only role ukp_reader keeps SELECT on it
-- (V3's default privileges).

DROP VIEW IF EXISTS data_origin;

-- Starts from the few synthetic imports and asks the one fact table each import fed whether any
-- of its rows is still stored (a scan of every fact row cost 35 ms on every API call at national
-- scale, issue 7).
CREATE VIEW data_origin AS
SELECT
  EXISTS (SELECT 1 FROM import i
          WHERE i.synthetic
            AND CASE i.dataset
                  WHEN 'monthly-statistics' THEN EXISTS (SELECT 1 FROM monthly_statistics f WHERE f.import_id = i.id)
                  WHEN 'short-term-stays'   THEN EXISTS (SELECT 1 FROM short_term_stays f WHERE f.import_id = i.id)
                  WHEN 'snapshots'          THEN EXISTS (SELECT 1 FROM snapshot f WHERE f.import_id = i.id)
                  WHEN 'population'         THEN EXISTS (SELECT 1 FROM population f WHERE f.import_id = i.id)
                  ELSE FALSE
                END) AS synthetic,
  (SELECT max(finished_at) FROM import WHERE outcome = 'stored') AS last_import_at;
