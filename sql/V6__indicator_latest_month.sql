-- The month the indicators are shown for when none is asked for: the latest month with somatic
-- monthly statistics. One definition for the API, the metrics, the report and the dry-run impact.
CREATE VIEW indicator_latest_month AS
SELECT max(month) AS month
FROM monthly_statistics
WHERE area = 'somatikk';
