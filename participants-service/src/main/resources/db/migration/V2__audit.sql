-- Audit trail of access to participants' personal data (issue 18): every read (one participant,
-- age band, one entry per participant a search returned), registration, change and erasure, by
-- anyone (Jobcenter staff, provider staff, the retention job). Ids only, never a name: the actor is
-- the caller's principal (an account id of the identity provider), the participant its id.
--
-- outcome DENIED: the request found the participant and was refused (another Jobcenter's staff,
-- a provider without access), answered 404 to the caller; jobcenter_id is then the OWNING
-- Jobcenter, so that its data-protection officer sees who tried.
--
-- Append-only: the service only inserts, and the triggers below refuse UPDATE, DELETE and
-- TRUNCATE, whoever asks (an operator with SQL access too; dropping the trigger is a visible act).
CREATE TABLE audit_entry (
    id              bigserial   PRIMARY KEY,
    at              timestamptz NOT NULL,
    actor           text        NOT NULL,
    role            text        NOT NULL,
    action          text        NOT NULL CHECK (action IN ('REGISTER', 'READ', 'READ_AGE_BAND', 'SEARCH', 'CHANGE', 'ERASE')),
    outcome         text        NOT NULL CHECK (outcome IN ('GRANTED', 'DENIED')),
    participant_id  uuid        NOT NULL,
    jobcenter_id    text        NOT NULL
);

-- What the data-protection officer asks: one participant's entries; a Jobcenter's entries over time.
CREATE INDEX audit_entry_participant_idx ON audit_entry (participant_id, at, id);
CREATE INDEX audit_entry_jobcenter_idx ON audit_entry (jobcenter_id, at, id);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
