-- Single sign-on (issue 19).

-- ---- who did it: a person, not a shared user ----------------------------------------------------

-- A person signed in through OpenID Connect is recorded as "name (subject)" (SignedInPerson), e.g.
-- "Kari Nordmann (3hGk…)": the subjects of HelseID and Entra ID are some 40 characters, so the
-- columns that name who did something grow from 60 or 100 to 200 characters. The column names stay.
ALTER TABLE import ALTER COLUMN imported_by TYPE VARCHAR(200);
ALTER TABLE indicator_target ALTER COLUMN created_by TYPE VARCHAR(200);
ALTER TABLE reference_change ALTER COLUMN changed_by TYPE VARCHAR(200);
ALTER TABLE measure ALTER COLUMN recorded_by TYPE VARCHAR(200);
ALTER TABLE measure_revision ALTER COLUMN recorded_by TYPE VARCHAR(200);
ALTER TABLE measure_status ALTER COLUMN set_by TYPE VARCHAR(200);

-- ---- the roles the service keeps for people --------------------------------------------------

-- HelseID gives no group claims: the admin grants roles to people here (PUT /api/v1/people).
--   person  the subject of the person's tokens (the sub claim, or ukp.oidc.subject-claim), or,
--           while the subject is not known yet, the person's name as the name claim gives it
--   roles   viewer | analyst | ingest | planner | admin (the built-in users' names, each with
--           their roles); a person's roles are these and those the claims map to
CREATE TABLE person_role (
  person      VARCHAR(200) PRIMARY KEY,
  roles       VARCHAR(20)[] NOT NULL,
  changed_by  VARCHAR(200) NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
-- [jooq ignore start] (jOOQ's parser knows no <@)
ALTER TABLE person_role ADD CONSTRAINT person_role_roles CHECK (cardinality(roles) > 0
  AND roles <@ ARRAY['viewer', 'analyst', 'ingest', 'planner', 'admin']::VARCHAR(20)[]);
-- [jooq ignore stop]

-- who may do what is no business of the analysts' read-only role
-- [jooq ignore start]
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ukp_reader') THEN
    REVOKE ALL ON person_role FROM ukp_reader;
  END IF;
END
$$;
-- [jooq ignore stop]
