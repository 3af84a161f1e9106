-- Whether the figures on show rest on synthetic demo data, and how fresh they are. The API,
-- the dashboards and the report read this to put "synthetic data" banners where they belong.
CREATE VIEW data_origin AS
SELECT
  EXISTS (SELECT 1 FROM monthly_statistics f JOIN import i ON i.id = f.import_id WHERE i.synthetic)
  OR EXISTS (SELECT 1 FROM short_term_stays f JOIN import i ON i.id = f.import_id WHERE i.synthetic)
  OR EXISTS (SELECT 1 FROM snapshot f JOIN import i ON i.id = f.import_id WHERE i.synthetic)
  OR EXISTS (SELECT 1 FROM population f JOIN import i ON i.id = f.import_id WHERE i.synthetic) AS synthetic,
  (SELECT max(finished_at) FROM import WHERE outcome = 'stored') AS last_import_at;
