-- Foundation: the TimescaleDB switch, the hypertable helper and the reference data tables.
-- TimescaleDB-only statements sit between [jooq ignore start/stop] so that jOOQ's DDLDatabase
-- (which cannot parse PL/pgSQL bodies) never sees them; on plain PostgreSQL they do nothing.

-- [jooq ignore start]
-- Load the extension where the server can (it must be in shared_preload_libraries); without
-- the privilege to create it, carry on as plain PostgreSQL and say so.
DO $$
BEGIN
  IF current_setting('shared_preload_libraries', true) ILIKE '%timescaledb%'
     AND NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS timescaledb;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'timescaledb is preloaded but could not be created here (%); running on plain PostgreSQL', SQLERRM;
    END;
  END IF;
END
$$;

-- True when the TimescaleDB extension is loaded in this database.
CREATE OR REPLACE FUNCTION ukp_timescaledb_loaded() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
$$;

-- The one way to turn a fact table into a hypertable: on TimescaleDB it becomes a hypertable
-- partitioned on time_column, on plain PostgreSQL it stays a plain table. Returns whether a
-- hypertable was made. Uses only Apache-2 features (create_hypertable).
CREATE OR REPLACE FUNCTION ukp_make_hypertable(fact_table regclass, time_column name,
                                               chunk_interval interval DEFAULT interval '1 year')
RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT ukp_timescaledb_loaded() THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT create_hypertable(%L, %L, chunk_time_interval => %L::interval, '
                 || 'if_not_exists => true, migrate_data => true)',
                 fact_table, time_column, chunk_interval);
  RETURN true;
END
$$;
-- [jooq ignore stop]

-- Kommuneregioner of the helsefellesskap.
CREATE TABLE region (
  id          VARCHAR(40)  PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  sort_order  INTEGER      NOT NULL
);

-- Current municipalities (kommuner), keyed by their 4-digit kommunenummer.
CREATE TABLE municipality (
  number      VARCHAR(4)   PRIMARY KEY CHECK (number ~ '^[0-9]{4}$'),
  name        VARCHAR(100) NOT NULL,
  region_id   VARCHAR(40)  NOT NULL REFERENCES region (id)
);

-- Older kommunenummer (before the 2018 Trøndelag merger and the 2020 municipal mergers)
-- mapped straight to the current number that now covers the area.
CREATE TABLE municipality_number_mapping (
  old_number      VARCHAR(4)   PRIMARY KEY CHECK (old_number ~ '^[0-9]{4}$'),
  current_number  VARCHAR(4)   NOT NULL REFERENCES municipality (number),
  old_name        VARCHAR(100) NOT NULL,
  valid_until     DATE         NOT NULL,
  note            VARCHAR(300)
);
