-- The indicator catalogue: what each indicator *is*, as data. The columns are added here; the rows
-- (one per indicator, every column) live in the repeatable migration R__indicator_catalogue.sql,
-- the one place to read or edit them. The service, the report, the API and the dashboards read
-- these columns instead of switching on indicator ids.
--   short_name     Norwegian short name for table headers and panel titles
--   decimals       decimals of the value as people see it (percent for shares and changes)
--   description    Norwegian: what the indicator measures and how it is computed
--   windows        the windows it has values for: month, ytd, rolling12, projectedYear
--   status_window  the window its status is judged on where no target version says otherwise
--   target_period  how its target is read: year (a yearly figure; monthly values are held
--                  against a twelfth of it) or month (the target applies to each window as is)
--   note           Norwegian note shown with the indicator in the report; {baselineYear} is
--                  replaced by the baseline year

ALTER TABLE indicator
  ADD COLUMN short_name    VARCHAR(40)   NOT NULL DEFAULT '',
  ADD COLUMN decimals      SMALLINT      NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
  ADD COLUMN description   VARCHAR(2000) NOT NULL DEFAULT '',
  ADD COLUMN windows       VARCHAR(20)[] NOT NULL DEFAULT '{month,ytd,rolling12}',
  ADD COLUMN status_window VARCHAR(20)   NOT NULL DEFAULT 'rolling12'
                           CHECK (status_window IN ('month', 'ytd', 'rolling12', 'projectedYear')),
  ADD COLUMN target_period VARCHAR(10)   NOT NULL DEFAULT 'month' CHECK (target_period IN ('year', 'month')),
  ADD COLUMN note          VARCHAR(2000);

-- a new row states its names and description
ALTER TABLE indicator ALTER COLUMN short_name DROP DEFAULT;
ALTER TABLE indicator ALTER COLUMN description DROP DEFAULT;

-- [jooq ignore start]
ALTER TABLE indicator DROP CONSTRAINT indicator_unit_check;
ALTER TABLE indicator ADD CONSTRAINT indicator_unit_check CHECK (unit IN ('days', 'share', 'change', 'per_1000'));
ALTER TABLE indicator ADD CONSTRAINT indicator_windows_check
  CHECK (windows <> '{}' AND windows <@ ARRAY['month', 'ytd', 'rolling12', 'projectedYear']::VARCHAR(20)[]);
-- [jooq ignore stop]
