-- The functions that keep the stored sums of the indicators equal to their views: this file is
-- their current text.
--   scope_month_sums       (table, V7)  the rows of the view scope_month_facts
--   scope_population_sums  (table, V10) the rows of the view scope_population
-- (both views in R__indicator_views.sql). The service calls ukp_refresh_scope_month_sums in the
-- transaction of every import of monthly or short-term statistics; triggers (V7, V10) call the
-- others when municipality or population change. Whoever writes monthly_statistics or
-- short_term_stays with SQL, outside the service, must call
-- SELECT ukp_refresh_scope_month_sums(NULL, NULL); afterwards (NULL, NULL = every month).
--
-- Editing. This is a Flyway repeatable migration: Flyway runs it again, after the versioned
-- migrations, whenever its content changes. CREATE OR REPLACE keeps each function (and the
-- triggers bound to it) and replaces its body; a function whose arguments or result change must
-- be dropped first, with its triggers, and those created again. The history of these functions
-- is in V7, V10 and V11.

-- [jooq ignore start]
-- Recomputes the stored sums of the months first_month..last_month (NULL: unbounded) from the
-- facts. One refresh at a time (a row lock of service_lock, V11, until the end of the
-- transaction), so that two imports never store sums computed without each other's rows.
CREATE OR REPLACE FUNCTION ukp_refresh_scope_month_sums(first_month DATE, last_month DATE) RETURNS void
LANGUAGE plpgsql
SET work_mem = '64MB'
AS $$
BEGIN
  PERFORM 1 FROM service_lock WHERE name = 'scope_month_sums' FOR UPDATE;
  DELETE FROM scope_month_sums
  WHERE month >= COALESCE(first_month, '-infinity'::date) AND month <= COALESCE(last_month, 'infinity'::date);
  INSERT INTO scope_month_sums
  SELECT * FROM scope_month_facts
  WHERE month >= COALESCE(first_month, '-infinity'::date) AND month <= COALESCE(last_month, 'infinity'::date);
END
$$;

-- Scopes follow the municipality table: any change to it recomputes every month (trigger
-- municipality_scope_month_sums, V7).
CREATE OR REPLACE FUNCTION ukp_refresh_all_scope_month_sums() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ukp_refresh_scope_month_sums(NULL, NULL);
  RETURN NULL;
END
$$;

-- Recomputes scope_population_sums from the view (population is small: ~6 000 rows at national
-- scale; triggers population_scope_population_sums and municipality_scope_population_sums, V10).
-- One refresh at a time (a row lock of service_lock, V11), so that two writers never store sums
-- computed without each other's rows.
CREATE OR REPLACE FUNCTION ukp_refresh_scope_population_sums() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM service_lock WHERE name = 'scope_population_sums' FOR UPDATE;
  DELETE FROM scope_population_sums;
  INSERT INTO scope_population_sums (scope_type, scope_id, year, population, complete)
  SELECT scope_type, scope_id, year, population, complete FROM scope_population;
  RETURN NULL;
END
$$;
-- [jooq ignore stop]
