-- Approval of a month for the committee (ASU), issue 18 "As reported". An approval keeps the
-- monthly report of the health community exactly as it was rendered then (PDF and HTML, with the
-- PDF's sha256) and the figures it showed: every scope's value per indicator and window, with the
-- target and status of record, as the views gave them at the approval instant. The figures are
-- the committee's record (what the minutes refer to): later revisions of the month are compared
-- with them ("endret etter godkjenning"). Approvals are kept forever: rows are never changed or
-- deleted (the trigger refuses it; TRUNCATE, for tests, is not a row operation).

CREATE TABLE approval (
  month          DATE PRIMARY KEY,
  approved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  approved_by    VARCHAR(200) NOT NULL,
  note           VARCHAR(2000),
  report_pdf     BYTEA NOT NULL,
  report_html    BYTEA NOT NULL,
  report_sha256  CHAR(64) NOT NULL,
  html_sha256    CHAR(64) NOT NULL,
  CONSTRAINT approval_month_check CHECK (EXTRACT(DAY FROM month) = 1)
);

CREATE TABLE approval_figure (
  month          DATE NOT NULL REFERENCES approval (month),
  scope_type     VARCHAR(20) NOT NULL,
  scope_id       VARCHAR(40) NOT NULL,
  indicator_id   VARCHAR(40) NOT NULL,
  time_window    VARCHAR(20) NOT NULL,
  value          NUMERIC(38,16),
  target         NUMERIC(38,16),
  status         VARCHAR(20),
  status_window  VARCHAR(20),
  PRIMARY KEY (month, scope_type, scope_id, indicator_id, time_window)
);

-- The stored imports that revised an approved month (the rule: ingest/ApprovedMonths), one row per
-- import and month, written in the import's transaction: what the data-quality dashboard lists.
CREATE TABLE approval_revision (
  month      DATE NOT NULL REFERENCES approval (month),
  import_id  BIGINT NOT NULL REFERENCES import (id),
  PRIMARY KEY (month, import_id)
);

-- [jooq ignore start]
CREATE FUNCTION ukp_approval_is_kept() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an approval is kept as it was: % of % cannot be changed or deleted', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER approval_is_kept BEFORE UPDATE OR DELETE ON approval
FOR EACH ROW EXECUTE FUNCTION ukp_approval_is_kept();

CREATE TRIGGER approval_figure_is_kept BEFORE UPDATE OR DELETE ON approval_figure
FOR EACH ROW EXECUTE FUNCTION ukp_approval_is_kept();
-- [jooq ignore stop]
