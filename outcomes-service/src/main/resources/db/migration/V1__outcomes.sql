-- outcomes-service: what became of the participants of the activation groups.
--
-- Two kinds of tables:
--  * learned from other services' events (participant-events, group-events), never written by users:
--    known_participant, participation;
--  * owned here, written through the API: outcome, follow_up.

-- A participant this service has heard of, from a participant event or a participation event.
-- Only the anonymous facts it needs: the Jobcenter (the tenant) and whether the person was erased.
CREATE TABLE known_participant (
    id            uuid        PRIMARY KEY,
    jobcenter_id  text        NOT NULL,
    erased_at     timestamptz,
    learned_at    timestamptz NOT NULL DEFAULT now()
);

-- A participation (one participant in one group, entry to exit) as groups-service announced it.
-- Events may arrive in any order: an exit may come before its entry, so every column but the
-- ids and the Jobcenter is filled in by whichever event brings it.
CREATE TABLE participation (
    id              uuid  PRIMARY KEY,
    participant_id  uuid  NOT NULL REFERENCES known_participant (id),
    jobcenter_id    text  NOT NULL,
    group_id        uuid,
    phase_id        text,
    provider_type   text,
    entry_date      date,
    exit_date       date,
    exit_reason     text
);

CREATE INDEX participation_participant_idx ON participation (participant_id, entry_date);

-- Verbleib: where a participant is from a start date on. Integrations are EMPLOYMENT (which may be
-- temporary-agency work and/or fixed-term), APPRENTICESHIP and SELF_EMPLOYMENT; MINIJOB,
-- UNEMPLOYED and OTHER are other whereabouts. The employer's name is the only personal-ish field:
-- it never leaves this service in an event and is cleared when the participant is erased.
CREATE TABLE outcome (
    id                uuid        PRIMARY KEY,
    participant_id    uuid        NOT NULL REFERENCES known_participant (id),
    jobcenter_id      text        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('EMPLOYMENT', 'APPRENTICESHIP', 'SELF_EMPLOYMENT',
                                                           'MINIJOB', 'UNEMPLOYED', 'OTHER')),
    start_date        date        NOT NULL,
    temporary_agency  boolean     NOT NULL DEFAULT false,
    fixed_term        boolean     NOT NULL DEFAULT false,
    employer          text        CHECK (char_length(employer) <= 200),
    recorded_at       timestamptz NOT NULL,
    changed_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT employment_flags_only_on_employment
        CHECK (kind = 'EMPLOYMENT' OR (NOT temporary_agency AND NOT fixed_term))
);

CREATE INDEX outcome_participant_idx ON outcome (jobcenter_id, participant_id, start_date, id);

-- Follow-up checkpoints of a participation, scheduled when it ends: EXIT on the exit date, MONTH_3,
-- MONTH_6 and MONTH_12 on the same day n months later (the month's last day when that day does not
-- exist: exit 2012-01-31 -> MONTH_3 2012-04-30). Open while status is NULL; recorded once.
CREATE TABLE follow_up (
    id                uuid        PRIMARY KEY,
    participation_id  uuid        NOT NULL REFERENCES participation (id),
    participant_id    uuid        NOT NULL,
    jobcenter_id      text        NOT NULL,
    checkpoint        text        NOT NULL CHECK (checkpoint IN ('EXIT', 'MONTH_3', 'MONTH_6', 'MONTH_12')),
    due_date          date        NOT NULL,
    status            text        CHECK (status IN ('EMPLOYMENT', 'APPRENTICESHIP', 'SELF_EMPLOYMENT',
                                                    'MINIJOB', 'UNEMPLOYED', 'OTHER')),
    checked_on        date,
    recorded_at       timestamptz,
    CONSTRAINT one_checkpoint_per_participation UNIQUE (participation_id, checkpoint),
    CONSTRAINT recorded_completely CHECK ((status IS NULL) = (checked_on IS NULL)),
    CONSTRAINT not_checked_before_due CHECK (checked_on IS NULL OR checked_on >= due_date)
);

-- The due list: a Jobcenter's open checkpoints, oldest first.
CREATE INDEX follow_up_open_due_idx ON follow_up (jobcenter_id, due_date, participation_id) WHERE status IS NULL;
