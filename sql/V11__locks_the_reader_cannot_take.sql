-- Locks of the service that the read-only role cannot take. Imports (one at a time) and the
-- refreshes of the stored sums used advisory locks, which every role may take: ukp_reader could
-- hold pg_advisory_lock(hashtext('ukp_import')) and make every import wait forever. They now lock
-- a row of service_lock FOR UPDATE, which needs the UPDATE privilege that only the owner has.
-- A reader's ACCESS SHARE lock (LOCK TABLE, a long SELECT) does not conflict with row locks.
CREATE TABLE service_lock (
  name VARCHAR(40) PRIMARY KEY
);
INSERT INTO service_lock (name) VALUES ('import'), ('scope_month_sums'), ('scope_population_sums');

-- [jooq ignore start]
-- What the outcomes of the import audit mean (V2 listed the first six).
COMMENT ON COLUMN import.outcome IS 'running | stored | validated (dry run without errors) | rejected (invalid rows) | refused (never read: too large, not CSV/XLSX, unknown dataset, broken upload) | busy (another import held the import lock longer than ukp.import.lock-wait; answered 503) | failed (an internal error) | interrupted (the service stopped mid-import, e.g. killed; closed at the next start)';

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

CREATE OR REPLACE FUNCTION ukp_refresh_scope_population_sums() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM service_lock WHERE name = 'scope_population_sums' FOR UPDATE;
  DELETE FROM scope_population_sums;
  INSERT INTO scope_population_sums (scope_type, scope_id, year, population)
  SELECT scope_type, scope_id, year, population FROM scope_population;
  RETURN NULL;
END
$$;

-- The reader does not even see the lock table (V3's default privileges gave it SELECT). And no
-- role but a superuser and the migrating role may take advisory locks any more: Flyway locks
-- with one at every start, and a reader holding it would keep the service from starting. Where
-- the migrating role may not change the functions' privileges (not a superuser), say so and go on.
DO $$
DECLARE
  f TEXT;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ukp_reader') THEN
    REVOKE ALL ON service_lock FROM ukp_reader;
  END IF;
  REVOKE ALL ON service_lock FROM PUBLIC;
  FOR f IN SELECT p.oid::regprocedure::text FROM pg_proc p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace
             AND p.proname IN ('pg_advisory_lock', 'pg_advisory_lock_shared', 'pg_advisory_xact_lock',
                               'pg_advisory_xact_lock_shared', 'pg_try_advisory_lock', 'pg_try_advisory_lock_shared',
                               'pg_try_advisory_xact_lock', 'pg_try_advisory_xact_lock_shared')
  LOOP
    BEGIN
      EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
      EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, current_user);
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'could not keep roles other than % from advisory locks (%)', current_user, SQLERRM;
      EXIT;
    END;
  END LOOP;
END
$$;
-- [jooq ignore stop]
