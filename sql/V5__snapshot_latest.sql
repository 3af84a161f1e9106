-- Who is waiting now: the latest snapshot of each municipality and area.
CREATE VIEW snapshot_latest AS
SELECT DISTINCT ON (s.municipality, s.area)
       s.taken_at, s.municipality, m.name AS municipality_name, m.region_id, s.area,
       s.ukp_patients, s.waiting_over_1_day
FROM snapshot s
JOIN municipality m ON m.number = s.municipality
ORDER BY s.municipality, s.area, s.taken_at DESC;
