-- The life of a participation (domain.md): corrections are normal work.
--
-- An exit can be caused by the group's cancellation (exit_group_cancelled) and corrected later
-- (exit_corrected_at). A participation entered by mistake is withdrawn: the row is kept, marked
-- with the time and the staff's reason, and counts nowhere (no place, no period, no attendance).
ALTER TABLE participation
    ADD COLUMN exit_group_cancelled boolean     NOT NULL DEFAULT false,
    ADD COLUMN exit_corrected_at    timestamptz,
    ADD COLUMN withdrawn_at         timestamptz,
    ADD COLUMN withdrawal_reason    text,
    ADD CONSTRAINT participation_withdrawal CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL)),
    ADD CONSTRAINT participation_cancelled_exit CHECK (NOT exit_group_cancelled OR exit_date IS NOT NULL);

-- The group history of a participation: one row per group it was in. A transfer closes the
-- current row (to_date: the last day in the old group) and opens one for the new group from the
-- transfer date; participation.group_id is the current group. The open row (to_date NULL) runs
-- until the exit or, without one, the group's end.
CREATE TABLE participation_group (
    id                uuid PRIMARY KEY,
    participation_id  uuid NOT NULL REFERENCES participation (id),
    group_id          uuid NOT NULL REFERENCES activation_group (id),
    from_date         date NOT NULL,
    to_date           date,
    CONSTRAINT participation_group_period CHECK (to_date IS NULL OR to_date >= from_date)
);

CREATE UNIQUE INDEX participation_group_current_idx ON participation_group (participation_id) WHERE to_date IS NULL;
CREATE INDEX participation_group_group_idx ON participation_group (group_id, from_date);

-- Every participation so far was in one group, from its entry on.
INSERT INTO participation_group (id, participation_id, group_id, from_date)
SELECT gen_random_uuid(), id, group_id, entry_date FROM participation;

-- The staff's worklist of missing exits: open, not withdrawn participations of a Jobcenter.
CREATE INDEX participation_open_idx ON participation (jobcenter_id) WHERE exit_date IS NULL AND withdrawn_at IS NULL;

-- A session may move onto a day that only holds a cancelled session: one held (scheduled)
-- session per group and day, any number of cancelled ones.
ALTER TABLE group_session DROP CONSTRAINT session_one_per_day;
CREATE UNIQUE INDEX session_one_scheduled_per_day ON group_session (group_id, session_date) WHERE status = 'SCHEDULED';
CREATE INDEX group_session_day_idx ON group_session (group_id, session_date);
