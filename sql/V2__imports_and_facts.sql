-- Imports and the facts they bring: monthly UKP statistics, short-term ward statistics,
-- snapshots and population. Each fact table holds the latest value per key; its *_revision
-- table keeps every value ever accepted (revision 1 is the first), with the import that brought
-- it, so a correction never loses the old figure.

-- Every import attempt, also refused and dry-run ones.
CREATE TABLE import (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dataset       VARCHAR(40)  NOT NULL,
  file_name     VARCHAR(255),
  media_type    VARCHAR(120),
  size_bytes    BIGINT       NOT NULL,
  sha256        VARCHAR(64)  NOT NULL,
  imported_by   VARCHAR(60)  NOT NULL,
  started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at   TIMESTAMP WITH TIME ZONE,
  dry_run       BOOLEAN      NOT NULL,
  -- running | stored | validated (dry run without errors) | rejected (invalid rows)
  -- | refused (too large or not CSV/XLSX: never read) | failed (an internal error)
  outcome       VARCHAR(20)  NOT NULL,
  rows_read     INTEGER,
  inserted      INTEGER,
  updated       INTEGER,
  unchanged     INTEGER,
  warning_count INTEGER,
  error_count   INTEGER,
  -- true for the generated demo data: whatever shows these figures must say they are synthetic
  synthetic     BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX import_started_at ON import (started_at);

-- The errors and warnings an import reported (up to the configured cap), where in the file.
CREATE TABLE import_message (
  import_id    BIGINT       NOT NULL REFERENCES import (id),
  seq          INTEGER      NOT NULL,
  severity     VARCHAR(10)  NOT NULL CHECK (severity IN ('error', 'warning')),
  line         INTEGER,
  column_name  VARCHAR(100),
  value        VARCHAR(200),
  message      VARCHAR(500) NOT NULL,
  PRIMARY KEY (import_id, seq)
);

-- One month x municipality x area; counts of UKP stays that ended in the month.
CREATE TABLE monthly_statistics (
  month             DATE        NOT NULL,
  municipality      VARCHAR(4)  NOT NULL REFERENCES municipality (number),
  area              VARCHAR(20) NOT NULL,
  ukp_stays         INTEGER     NOT NULL,
  zero_day_stays    INTEGER     NOT NULL,
  ukp_days          INTEGER     NOT NULL,
  discharged_home   INTEGER     NOT NULL,
  readmissions_30d  INTEGER,
  revision          INTEGER     NOT NULL,
  import_id         BIGINT      NOT NULL REFERENCES import (id),
  recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (month, municipality, area),
  CONSTRAINT monthly_statistics_first_of_month CHECK (EXTRACT(DAY FROM month) = 1),
  CONSTRAINT monthly_statistics_area CHECK (area IN ('somatikk', 'psykisk_helse_rus')),
  CONSTRAINT monthly_statistics_counts CHECK (
    ukp_stays >= 0 AND zero_day_stays >= 0 AND ukp_days >= 0 AND discharged_home >= 0
    AND (readmissions_30d IS NULL OR readmissions_30d >= 0)
    AND zero_day_stays <= ukp_stays AND discharged_home <= ukp_stays
    AND (readmissions_30d IS NULL OR readmissions_30d <= ukp_stays)
    AND ukp_days >= ukp_stays - zero_day_stays)
);

CREATE TABLE monthly_statistics_revision (
  month             DATE        NOT NULL,
  municipality      VARCHAR(4)  NOT NULL,
  area              VARCHAR(20) NOT NULL,
  revision          INTEGER     NOT NULL,
  ukp_stays         INTEGER     NOT NULL,
  zero_day_stays    INTEGER     NOT NULL,
  ukp_days          INTEGER     NOT NULL,
  discharged_home   INTEGER     NOT NULL,
  readmissions_30d  INTEGER,
  import_id         BIGINT      NOT NULL REFERENCES import (id),
  recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (month, municipality, area, revision)
);

-- One month x municipality x short-term unit (e.g. oya-helsehus).
CREATE TABLE short_term_stays (
  month         DATE        NOT NULL,
  municipality  VARCHAR(4)  NOT NULL REFERENCES municipality (number),
  unit          VARCHAR(60) NOT NULL,
  discharges    INTEGER     NOT NULL CHECK (discharges >= 0),
  los_days      INTEGER     NOT NULL CHECK (los_days >= 0),
  revision      INTEGER     NOT NULL,
  import_id     BIGINT      NOT NULL REFERENCES import (id),
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (month, municipality, unit),
  CONSTRAINT short_term_stays_first_of_month CHECK (EXTRACT(DAY FROM month) = 1)
);

CREATE TABLE short_term_stays_revision (
  month         DATE        NOT NULL,
  municipality  VARCHAR(4)  NOT NULL,
  unit          VARCHAR(60) NOT NULL,
  revision      INTEGER     NOT NULL,
  discharges    INTEGER     NOT NULL,
  los_days      INTEGER     NOT NULL,
  import_id     BIGINT      NOT NULL REFERENCES import (id),
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (month, municipality, unit, revision)
);

-- Who is waiting right now: UKP patients in hospital at a point in time.
CREATE TABLE snapshot (
  taken_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  municipality        VARCHAR(4)  NOT NULL REFERENCES municipality (number),
  area                VARCHAR(20) NOT NULL,
  ukp_patients        INTEGER     NOT NULL CHECK (ukp_patients >= 0),
  waiting_over_1_day  INTEGER     CHECK (waiting_over_1_day >= 0),
  revision            INTEGER     NOT NULL,
  import_id           BIGINT      NOT NULL REFERENCES import (id),
  recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (taken_at, municipality, area),
  CONSTRAINT snapshot_area CHECK (area IN ('somatikk', 'psykisk_helse_rus'))
);

CREATE TABLE snapshot_revision (
  taken_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  municipality        VARCHAR(4)  NOT NULL,
  area                VARCHAR(20) NOT NULL,
  revision            INTEGER     NOT NULL,
  ukp_patients        INTEGER     NOT NULL,
  waiting_over_1_day  INTEGER,
  import_id           BIGINT      NOT NULL REFERENCES import (id),
  recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (taken_at, municipality, area, revision)
);

-- Population at 1 January of the year.
CREATE TABLE population (
  year          INTEGER     NOT NULL,
  municipality  VARCHAR(4)  NOT NULL REFERENCES municipality (number),
  population    INTEGER     NOT NULL CHECK (population > 0),
  revision      INTEGER     NOT NULL,
  import_id     BIGINT      NOT NULL REFERENCES import (id),
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (year, municipality)
);

CREATE TABLE population_revision (
  year          INTEGER     NOT NULL,
  municipality  VARCHAR(4)  NOT NULL,
  revision      INTEGER     NOT NULL,
  population    INTEGER     NOT NULL,
  import_id     BIGINT      NOT NULL REFERENCES import (id),
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (year, municipality, revision)
);

-- [jooq ignore start]
SELECT ukp_make_hypertable('monthly_statistics', 'month');
SELECT ukp_make_hypertable('monthly_statistics_revision', 'month');
SELECT ukp_make_hypertable('short_term_stays', 'month');
SELECT ukp_make_hypertable('short_term_stays_revision', 'month');
SELECT ukp_make_hypertable('snapshot', 'taken_at', interval '3 months');
SELECT ukp_make_hypertable('snapshot_revision', 'taken_at', interval '3 months');
-- [jooq ignore stop]
