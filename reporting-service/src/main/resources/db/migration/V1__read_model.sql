-- The reporting read model: facts learnt from the other services' events, and per
-- participation the category the reports count. No names, birth dates, customer numbers
-- or employer names: the events do not carry them, and nothing here could hold them.
--
-- Generations. The read model can be rebuilt from the start of the topics while the
-- reports keep answering from the current one. Each generation lives in its own schema
-- (rm_1, rm_2, ...) whose tables are created from the templates in schema
-- read_model_template below (CREATE TABLE ... (LIKE ... INCLUDING ALL)); the table
-- projection_generation says which generation the reports read. A rebuilt generation is
-- switched to in one transaction once it has caught up; the old schema is then dropped.

CREATE TABLE projection_generation (
    id             int         PRIMARY KEY,
    -- BUILDING: consuming from the start of the topics; ACTIVE: the one reports read
    -- (exactly one); RETIRED: replaced by a newer generation, its schema dropped.
    state          text        NOT NULL CHECK (state IN ('BUILDING', 'ACTIVE', 'RETIRED')),
    consumer_group text        NOT NULL UNIQUE,
    -- Kafka end offsets when the rebuild started, as {"topic-partition": offset}: the
    -- generation has caught up once its committed offsets reach them.
    target_offsets text,
    started_at     timestamptz NOT NULL DEFAULT now(),
    switched_at    timestamptz,
    retired_at     timestamptz
);
CREATE UNIQUE INDEX one_active_generation ON projection_generation (state) WHERE state = 'ACTIVE';
CREATE UNIQUE INDEX one_building_generation ON projection_generation (state) WHERE state = 'BUILDING';

CREATE SCHEMA read_model_template;

-- A participant's profile as last registered or changed (participant-events). Used only
-- where a participation event lacks the attributes at entry. Erasure keeps the row: it is
-- anonymous, and the statistics keep counting.
CREATE TABLE read_model_template.participant (
    participant_id           uuid        PRIMARY KEY,
    jobcenter_id             text,
    gender                   text,
    age_band                 text,
    customer_type            text,
    labour_market_distance   text,
    vocational_qualification boolean,
    -- (time, id) of the event the profile comes from: an older event never overwrites it
    profile_event_time       timestamptz,
    profile_event_id         uuid,
    erased                   boolean     NOT NULL DEFAULT false
);

-- An activation group (group-events): where a participation event lacks the phase or
-- the provider type, the group's are used.
CREATE TABLE read_model_template.activation_group (
    group_id        uuid        PRIMARY KEY,
    jobcenter_id    text,
    phase_id        text,
    provider_type   text,
    start_date      date,
    end_date        date,
    capacity        int,
    hours_per_week  numeric,
    cancelled_on    date,
    event_time      timestamptz,
    event_id        uuid
);

-- One participant in one group, from entry to exit: the unit every report counts.
-- Entry and exit come from different events that may arrive in any order: an exit before
-- its entry creates a partial row (no entry date: counted nowhere until the entry arrives).
CREATE TABLE read_model_template.participation (
    participation_id          uuid        PRIMARY KEY,
    participant_id            uuid        NOT NULL,
    group_id                  uuid,
    jobcenter_id              text,
    phase_id                  text,
    provider_type             text,
    entry_date                date,
    exit_date                 date,
    exit_reason               text,
    -- the participant's attributes at entry
    gender                    text,
    age_band                  text,
    customer_type             text,
    labour_market_distance    text,
    vocational_qualification  boolean,
    entered_event_time        timestamptz,
    entered_event_id          uuid,
    exited_event_time         timestamptz,
    exited_event_id           uuid,
    -- Derived, recomputed whenever a fact of the participant changes (see Classification):
    -- INTEGRATION > MINIJOB > UNEMPLOYED > OTHER > DROPOUT > OPEN; NULL while the entry is unknown.
    category                  text        CHECK (category IN ('INTEGRATION', 'MINIJOB', 'UNEMPLOYED', 'OTHER', 'DROPOUT', 'OPEN')),
    -- an integration started on or after entry and before the exit date
    fast_integration          boolean     NOT NULL DEFAULT false,
    -- the kind of the (first) integration in the window, and for employment its form
    integration_kind          text,
    temporary_agency          boolean     NOT NULL DEFAULT false,
    fixed_term                boolean     NOT NULL DEFAULT false,
    -- the MONTH_6 follow-up's status, if recorded (sustainability, placement rate)
    month6_status             text
);
CREATE INDEX participation_by_participant ON read_model_template.participation (participant_id);
CREATE INDEX participation_by_group ON read_model_template.participation (group_id);
-- the reports: filtered by phase (and entry period) and, for staff, by Jobcenter
CREATE INDEX participation_by_phase ON read_model_template.participation (phase_id, entry_date);
CREATE INDEX participation_by_jobcenter ON read_model_template.participation (jobcenter_id, phase_id, entry_date);

-- Outcomes (Verbleib) per participant: the newest version of each outcome (recorded or
-- corrected) by event time wins, whatever order the events arrive in.
CREATE TABLE read_model_template.outcome (
    outcome_id       uuid        PRIMARY KEY,
    participant_id   uuid        NOT NULL,
    jobcenter_id     text,
    kind             text        NOT NULL,
    start_date       date        NOT NULL,
    temporary_agency boolean     NOT NULL DEFAULT false,
    fixed_term       boolean     NOT NULL DEFAULT false,
    event_time       timestamptz NOT NULL,
    event_id         uuid        NOT NULL
);
CREATE INDEX outcome_by_participant ON read_model_template.outcome (participant_id, start_date);

-- Follow-up checkpoints per participation: the newest record of a checkpoint wins.
CREATE TABLE read_model_template.follow_up (
    participation_id uuid        NOT NULL,
    checkpoint       text        NOT NULL CHECK (checkpoint IN ('EXIT', 'MONTH_3', 'MONTH_6', 'MONTH_12')),
    follow_up_id     uuid        NOT NULL,
    participant_id   uuid        NOT NULL,
    jobcenter_id     text,
    status           text        NOT NULL,
    checked_on       date,
    event_time       timestamptz NOT NULL,
    event_id         uuid        NOT NULL,
    PRIMARY KEY (participation_id, checkpoint)
);
CREATE INDEX follow_up_by_participant ON read_model_template.follow_up (participant_id);

-- What this generation has applied, per topic (projection status).
CREATE TABLE read_model_template.progress (
    topic           text        PRIMARY KEY,
    events_applied  bigint      NOT NULL DEFAULT 0,
    last_event_time timestamptz
);

-- This generation's inbox: ids of the events it applied (at most once per event id).
-- Same columns as the platform's processed_event.
CREATE TABLE read_model_template.processed_event (
    event_id    uuid        PRIMARY KEY,
    event_type  text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);
