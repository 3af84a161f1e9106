-- Reference data edited by the admin through the API, and imports undone (issue 15).

-- ---- membership from a month ---------------------------------------------------------------

-- The first month a municipality belongs to the helsefellesskap. Coverage expects a
-- municipality's monthly statistics from this month on, and the scopes count its figures and its
-- population from then (R__indicator_views.sql), so that adding a municipality leaves past
-- windows as they were. Every municipality so far: 2000-01, the first month the service keeps
-- (nothing changes for them). The default is also what a row of R__reference_data.sql gets.
ALTER TABLE municipality ADD COLUMN member_from DATE NOT NULL DEFAULT DATE '2000-01-01';
ALTER TABLE municipality ADD CONSTRAINT municipality_member_from_first_of_month CHECK (EXTRACT(DAY FROM member_from) = 1);
-- the views look up the few municipalities that joined after a window began
CREATE INDEX municipality_member_from ON municipality (member_from);

-- Who changed which reference data when: one row per changed field, never updated or deleted.
--   subject      municipality | old_number
--   subject_key  the kommunenummer (current, or the old number)
--   field        the column changed (name, region_id, member_from, current_number, old_name,
--                valid_until, note); on creation every field, with old_value NULL
CREATE TABLE reference_change (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by   VARCHAR(60)  NOT NULL,
  subject      VARCHAR(20)  NOT NULL CHECK (subject IN ('municipality', 'old_number')),
  subject_key  VARCHAR(4)   NOT NULL,
  field        VARCHAR(40)  NOT NULL,
  old_value    VARCHAR(300),
  new_value    VARCHAR(300)
);
CREATE INDEX reference_change_subject ON reference_change (subject, subject_key);

-- ---- undoing an import ---------------------------------------------------------------------

-- An undo is a row of the import audit of its own (outcome 'undo', by the admin who undid),
-- naming the import it undoes; its revisions refer to it like an import's. One undo per import.
-- deleted: the keys an undo gave a deletion revision (its updated: the keys it restored).
ALTER TABLE import ADD COLUMN undoes_import_id BIGINT REFERENCES import (id);
ALTER TABLE import ADD COLUMN deleted INTEGER;
CREATE UNIQUE INDEX import_undoes_import_id ON import (undoes_import_id);

-- A deletion revision: the key has no value from this revision on (an undone import had
-- inserted it). Its value columns are NULL; the fact table has no row for the key. Whoever reads
-- the revisions "as of" an instant treats a key whose latest revision then is deleted as absent.
ALTER TABLE monthly_statistics_revision ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE monthly_statistics_revision ALTER COLUMN ukp_stays DROP NOT NULL;
ALTER TABLE monthly_statistics_revision ALTER COLUMN zero_day_stays DROP NOT NULL;
ALTER TABLE monthly_statistics_revision ALTER COLUMN ukp_days DROP NOT NULL;
ALTER TABLE monthly_statistics_revision ALTER COLUMN discharged_home DROP NOT NULL;
ALTER TABLE short_term_stays_revision ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE short_term_stays_revision ALTER COLUMN discharges DROP NOT NULL;
ALTER TABLE short_term_stays_revision ALTER COLUMN los_days DROP NOT NULL;
ALTER TABLE snapshot_revision ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE snapshot_revision ALTER COLUMN ukp_patients DROP NOT NULL;
ALTER TABLE population_revision ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE population_revision ALTER COLUMN population DROP NOT NULL;

-- [jooq ignore start]
-- values exactly when not deleted
ALTER TABLE monthly_statistics_revision ADD CONSTRAINT monthly_statistics_revision_deleted CHECK (
  deleted = (ukp_stays IS NULL) AND deleted = (zero_day_stays IS NULL) AND deleted = (ukp_days IS NULL)
  AND deleted = (discharged_home IS NULL) AND NOT (deleted AND readmissions_30d IS NOT NULL));
ALTER TABLE short_term_stays_revision ADD CONSTRAINT short_term_stays_revision_deleted CHECK (
  deleted = (discharges IS NULL) AND deleted = (los_days IS NULL));
ALTER TABLE snapshot_revision ADD CONSTRAINT snapshot_revision_deleted CHECK (
  deleted = (ukp_patients IS NULL) AND NOT (deleted AND waiting_over_1_day IS NOT NULL));
ALTER TABLE population_revision ADD CONSTRAINT population_revision_deleted CHECK (deleted = (population IS NULL));

-- The deletion revisions alone (an import asks whether a key it inserts was deleted before, to
-- number its revision on; the usual row is no deletion and costs these indexes nothing).
CREATE INDEX monthly_statistics_revision_deleted ON monthly_statistics_revision (month, municipality, area, revision) WHERE deleted;
CREATE INDEX short_term_stays_revision_deleted ON short_term_stays_revision (month, municipality, unit, revision) WHERE deleted;
CREATE INDEX snapshot_revision_deleted ON snapshot_revision (taken_at, municipality, area, revision) WHERE deleted;
CREATE INDEX population_revision_deleted ON population_revision (year, municipality, revision) WHERE deleted;

COMMENT ON COLUMN import.outcome IS 'running | stored | validated (dry run without errors) | rejected (invalid rows) | refused (never read: too large, not CSV/XLSX, unknown dataset, broken upload) | busy (another import held the import lock longer than ukp.import.lock-wait; answered 503) | failed (an internal error) | interrupted (the service stopped mid-import, e.g. killed; closed at the next start) | undo (not a file: the admin undid import undoes_import_id)';
-- [jooq ignore stop]
