-- Activation groups ("group" is an SQL keyword, hence activation_group). A group belongs to
-- one Jobcenter and one phase; its period runs from start_date for `weeks` weeks:
-- end_date = start_date + weeks * 7 - 1 day.
CREATE TABLE activation_group (
    id             uuid        PRIMARY KEY,
    jobcenter_id   text        NOT NULL,
    phase_id       text        NOT NULL REFERENCES phase (id),
    name           text        NOT NULL,
    provider_type  text        NOT NULL,          -- JOBCENTER or EDUCATION_PROVIDER
    provider_name  text        NOT NULL,
    location       text        NOT NULL,
    coaches        text[]      NOT NULL,          -- Jobcoaches' names: never published in events
    start_date     date        NOT NULL,
    weeks          int         NOT NULL CHECK (weeks BETWEEN 6 AND 8),
    end_date       date        NOT NULL,
    meeting_days   text[]      NOT NULL,          -- MONDAY .. FRIDAY, 3 or 4 of them
    daily_start    time        NOT NULL,
    daily_end      time        NOT NULL,
    hours_per_week numeric(5,2) NOT NULL CHECK (hours_per_week BETWEEN 9 AND 16),
    capacity       int         NOT NULL CHECK (capacity BETWEEN 1 AND 20),
    status         text        NOT NULL DEFAULT 'SCHEDULED',   -- SCHEDULED or CANCELLED
    cancelled_on   date,
    created_at     timestamptz NOT NULL,
    changed_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT group_period CHECK (end_date = start_date + weeks * 7 - 1),
    CONSTRAINT group_daily_times CHECK (daily_start < daily_end),
    CONSTRAINT group_cancelled CHECK ((status = 'CANCELLED') = (cancelled_on IS NOT NULL))
);

CREATE INDEX activation_group_list_idx ON activation_group (jobcenter_id, phase_id, start_date, id);

-- The meeting days of a group, generated from its timetable with the NRW public holidays
-- skipped. A session can be cancelled or moved to another day (original_date remembers
-- where it came from); a cancelled group cancels its sessions from the day of cancellation on.
CREATE TABLE group_session (
    id             uuid  PRIMARY KEY,
    group_id       uuid  NOT NULL REFERENCES activation_group (id),
    session_date   date  NOT NULL,
    start_time     time  NOT NULL,
    end_time       time  NOT NULL,
    status         text  NOT NULL DEFAULT 'SCHEDULED',         -- SCHEDULED or CANCELLED
    original_date  date  NOT NULL,
    CONSTRAINT session_times CHECK (start_time < end_time),
    CONSTRAINT session_one_per_day UNIQUE (group_id, session_date)
);
