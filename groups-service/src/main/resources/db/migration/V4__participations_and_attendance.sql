-- One participant in one group, from entry to exit. The participant's anonymous attributes
-- are copied at entry, so the events and reports need nothing else.
CREATE TABLE participation (
    id                       uuid        PRIMARY KEY,
    group_id                 uuid        NOT NULL REFERENCES activation_group (id),
    participant_id           uuid        NOT NULL REFERENCES known_participant (id),
    jobcenter_id             text        NOT NULL,
    entry_date               date        NOT NULL,
    exit_date                date,
    exit_reason              text,                 -- COMPLETED, INTEGRATED, DROPOUT, OTHER
    gender                   text        NOT NULL,
    age_band                 text        NOT NULL,
    customer_type            text        NOT NULL,
    labour_market_distance   text        NOT NULL,
    vocational_qualification boolean     NOT NULL,
    entered_at               timestamptz NOT NULL,
    exited_at                timestamptz,
    version                  bigint      NOT NULL DEFAULT 0,
    CONSTRAINT participation_exit CHECK ((exit_date IS NULL) = (exit_reason IS NULL)),
    CONSTRAINT participation_exit_after_entry CHECK (exit_date IS NULL OR exit_date >= entry_date)
);

CREATE INDEX participation_group_idx ON participation (group_id, entry_date, id);
CREATE INDEX participation_participant_idx ON participation (participant_id);

-- Attendance per session and participant; recording a session again replaces its entries.
CREATE TABLE attendance (
    group_id        uuid        NOT NULL REFERENCES activation_group (id),
    session_date    date        NOT NULL,
    participant_id  uuid        NOT NULL,
    status          text        NOT NULL,          -- PRESENT, EXCUSED, UNEXCUSED
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (group_id, session_date, participant_id)
);
