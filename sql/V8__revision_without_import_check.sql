-- The revision tables no longer check import_id against import row by row. Only the service
-- writes them, in the transaction of an import whose audit row it has just stored, and audit
-- rows are never deleted; the per-row foreign-key check cost about 8 s per million rows, more
-- than half the cost of writing the revision (measured for issue 7, see README "Benchmark").
-- The fact tables keep their checks (municipality and import).
-- [jooq ignore start]
ALTER TABLE monthly_statistics_revision DROP CONSTRAINT IF EXISTS monthly_statistics_revision_import_id_fkey;
ALTER TABLE short_term_stays_revision DROP CONSTRAINT IF EXISTS short_term_stays_revision_import_id_fkey;
ALTER TABLE snapshot_revision DROP CONSTRAINT IF EXISTS snapshot_revision_import_id_fkey;
ALTER TABLE population_revision DROP CONSTRAINT IF EXISTS population_revision_import_id_fkey;
-- [jooq ignore stop]
