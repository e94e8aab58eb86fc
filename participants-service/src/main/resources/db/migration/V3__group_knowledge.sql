-- What participants-service learns from group-events (issue 18), for two uses:
--  * who may see whom: provider staff see the names of the participants in the groups their
--    provider runs for their Jobcenter, until 40 days after the participation (there) ended;
--  * retention: when a participant's last participation ended.
-- Events may arrive in any order and more than once: every column but the ids and the Jobcenter
-- is filled in by whichever event brings it. No names here either.

-- A group, the provider running it (NULL: the Jobcenter runs it itself) and its last day (a
-- participation without a recorded exit ends there at the latest, as groups-service counts it). From
-- group.scheduled.v1 / group.changed.v1; of two, the one published later wins.
CREATE TABLE known_group (
    id               uuid        PRIMARY KEY,
    jobcenter_id     text        NOT NULL,
    provider_id      text,
    end_date         date,
    event_time       timestamptz
);

-- A participation (one participant, entry to exit) as groups-service announced it.
-- exit_corrected / exit_event_time: a correction beats the original exit whichever arrives
-- first; of two of the same kind the later published wins (as in outcomes-service).
-- withdrawn_at: entered by mistake: it gives no access and does not count for retention.
CREATE TABLE known_participation (
    id               uuid        PRIMARY KEY,
    participant_id   uuid        NOT NULL,
    jobcenter_id     text        NOT NULL,
    entry_date       date,
    exit_date        date,
    exit_corrected   boolean     NOT NULL DEFAULT false,
    exit_event_time  timestamptz,
    withdrawn_at     timestamptz
);

CREATE INDEX known_participation_participant_idx ON known_participation (participant_id);

-- The groups a participation has been in: the entry's group, and both groups of each transfer
-- (left_on: the transfer's date, the first day in the next group).
CREATE TABLE participation_group (
    participation_id uuid NOT NULL REFERENCES known_participation (id),
    group_id         uuid NOT NULL,
    left_on          date,
    PRIMARY KEY (participation_id, group_id)
);

CREATE INDEX participation_group_group_idx ON participation_group (group_id);
