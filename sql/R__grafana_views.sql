-- What the Grafana dashboards need to show the indicator catalogue (R__indicator_catalogue.sql)
-- in Grafana's own terms: the one place where a catalogue unit becomes a Grafana unit, and where
-- a status becomes the number the dashboards' value mappings colour. The dashboards read these
-- views instead of spelling units, decimals, headings or status codes out in their JSON, so an
-- indicator added to the catalogue shows in every panel without an edit of the dashboards.
--
--   grafana_indicator (id, sort_order, name, short_name, unit, decimals, scale, heading)
--     unit      the Grafana unit of the value as the views hold it (shares and changes are
--               fractions: percentunit, which Grafana multiplies by 100)
--     decimals  the catalogue's decimals: of the value as people see it (percent for shares and
--               changes), which is what Grafana's decimals apply to with percentunit
--     scale     what the value is multiplied by to read as people see it (100 for percent), for
--               the tables whose columns are made from rows (Grouping to matrix), which can only
--               show plain numbers: they show round(value * scale, decimals) under heading
--     heading   the column heading in those tables: the short name, with "(%)" for percent
--   grafana_status (status, code)
--     status    green | yellow | red | no_data | no_target, as indicator_status gives it
--     code      the number a panel shows for it where a column or series must be numeric; the
--               dashboards' value mappings turn it into the Norwegian text and the colour
--
-- The read-only role ukp_reader (Grafana's data source user) gets SELECT on these views through
-- the default privileges of V3. Plain SQL, every column CAST (jOOQ's DDLDatabase simulates this
-- file in H2, see R__indicator_views.sql). Nothing else depends on these views, so they are
-- dropped and created anew whenever this file changes.

DROP VIEW IF EXISTS grafana_status;
DROP VIEW IF EXISTS grafana_indicator;

CREATE VIEW grafana_indicator AS
SELECT CAST(i.id AS VARCHAR(40)) AS id,
       CAST(i.sort_order AS INTEGER) AS sort_order,
       CAST(i.name AS VARCHAR(200)) AS name,
       CAST(i.short_name AS VARCHAR(40)) AS short_name,
       CAST(CASE i.unit
              WHEN 'share' THEN 'percentunit'
              WHEN 'change' THEN 'percentunit'
              WHEN 'days' THEN 'suffix: døgn'
              WHEN 'per_1000' THEN 'suffix: per 1 000 innb.'
              ELSE 'none'
            END AS VARCHAR(40)) AS unit,
       CAST(i.decimals AS INTEGER) AS decimals,
       CAST(CASE WHEN i.unit IN ('share', 'change') THEN 100 ELSE 1 END AS INTEGER) AS scale,
       CAST(CASE WHEN i.unit IN ('share', 'change') THEN i.short_name || ' (%)' ELSE i.short_name END AS VARCHAR(60)) AS heading
FROM indicator i;

CREATE VIEW grafana_status AS
SELECT CAST('green' AS VARCHAR(10)) AS status, CAST(1 AS INTEGER) AS code
UNION ALL SELECT CAST('yellow' AS VARCHAR(10)), CAST(2 AS INTEGER)
UNION ALL SELECT CAST('red' AS VARCHAR(10)), CAST(3 AS INTEGER)
UNION ALL SELECT CAST('no_data' AS VARCHAR(10)), CAST(4 AS INTEGER)
UNION ALL SELECT CAST('no_target' AS VARCHAR(10)), CAST(5 AS INTEGER);
