-- National comparison ("blant de beste i landet", issue 20): Helsedirektoratet's yearly UKP
-- figures per municipality of residence for all of Norway, and which health community each
-- municipality belongs to. Both are import files like every fact (revisions, undo, audit); the
-- municipality numbers are any Norwegian ones, so there is no reference to municipality(number).
-- The ranking is in R__national.sql.

-- The national municipalities with their health community (import «national-municipalities»):
-- the membership where a file of national figures has no community column.
CREATE TABLE national_municipality (
  municipality       VARCHAR(4)   NOT NULL PRIMARY KEY CHECK (municipality ~ '^[0-9]{4}$'),
  municipality_name  VARCHAR(100),
  community          VARCHAR(100) NOT NULL,
  revision           INTEGER      NOT NULL,
  import_id          BIGINT       NOT NULL REFERENCES import (id),
  recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE national_municipality_revision (
  municipality       VARCHAR(4)   NOT NULL,
  revision           INTEGER      NOT NULL,
  municipality_name  VARCHAR(100),
  community          VARCHAR(100),
  import_id          BIGINT       NOT NULL REFERENCES import (id),
  recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted            BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (municipality, revision)
);

-- One year of one municipality of residence (import «national-statistics»). population is null
-- where the file leaves it blank: the municipality then has no crude rate, and its community none.
CREATE TABLE national_statistics (
  year                        INTEGER      NOT NULL,
  municipality                VARCHAR(4)   NOT NULL CHECK (municipality ~ '^[0-9]{4}$'),
  municipality_name           VARCHAR(100),
  community                   VARCHAR(100),
  ukp_days                    INTEGER      NOT NULL CHECK (ukp_days >= 0),
  population                  INTEGER      CHECK (population > 0),
  patients                    INTEGER      CHECK (patients >= 0),
  stays                       INTEGER      CHECK (stays >= 0),
  rate_per_1000_standardised  NUMERIC(12, 3) CHECK (rate_per_1000_standardised >= 0),
  revision                    INTEGER      NOT NULL,
  import_id                   BIGINT       NOT NULL REFERENCES import (id),
  recorded_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (year, municipality)
);

CREATE TABLE national_statistics_revision (
  year                        INTEGER      NOT NULL,
  municipality                VARCHAR(4)   NOT NULL,
  revision                    INTEGER      NOT NULL,
  municipality_name           VARCHAR(100),
  community                   VARCHAR(100),
  ukp_days                    INTEGER,
  population                  INTEGER,
  patients                    INTEGER,
  stays                       INTEGER,
  rate_per_1000_standardised  NUMERIC(12, 3),
  import_id                   BIGINT       NOT NULL REFERENCES import (id),
  recorded_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted                     BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (year, municipality, revision)
);

-- The configured settings of the comparison (ukp.national.*), written at every start, so that
-- the ranking views (and with them Grafana) use what the API uses: best_fraction, community.
CREATE TABLE national_setting (
  key    VARCHAR(40)  PRIMARY KEY,
  value  VARCHAR(200) NOT NULL
);
