-- Views that scanned every row at national scale (issue 7: ~6 s for snapshot_latest over 3.9
-- million snapshot rows, 35 ms for data_origin on every API call) now look up what they need.
-- Same names and columns as V5 and V4.

-- scope_population of one municipality (the dashboards ask per municipality) reads its rows
-- instead of every population row.
CREATE INDEX population_municipality_year ON population (municipality, year);

-- The latest snapshot of a municipality and area is the first entry of this index.
CREATE INDEX snapshot_municipality_area_taken_at ON snapshot (municipality, area, taken_at DESC);

-- [jooq ignore start]
-- Who is waiting now: the latest snapshot of each municipality and area (as V5).
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

-- Whether the figures on show rest on synthetic demo data, and how fresh they are (as V4):
-- starts from the few synthetic imports and asks the one fact table each import fed whether
-- any of its rows is still stored.
CREATE OR REPLACE VIEW data_origin AS
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
-- [jooq ignore stop]
