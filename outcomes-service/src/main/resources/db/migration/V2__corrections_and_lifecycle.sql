-- Corrections and the life of a participation (issue 13).
--
-- participation: what the lifecycle events of groups-service tell, kept so that the events can be
-- applied in any order and more than once.
--  * group_cancelled: the exit was caused by the group's cancellation (its checkpoints fall due as
--    for any exit);
--  * exit_corrected / exit_event_time: whether the exit in force comes from an exit correction,
--    and when it was published. A correction beats the original exit whichever arrives first; of
--    two of the same kind the later published wins. Unrecorded checkpoints move with the date.
--  * transferred_on / transfer_event_time: the first day in the current group after a transfer;
--    an entry arriving after the transfer then no longer sets the group. The checkpoints stay.
--  * withdrawn_at: entered by mistake. The record is kept; its unrecorded checkpoints are dropped
--    and none are scheduled afterwards, whatever exit may still arrive.
ALTER TABLE participation
    ADD COLUMN group_cancelled      boolean     NOT NULL DEFAULT false,
    ADD COLUMN exit_corrected       boolean     NOT NULL DEFAULT false,
    ADD COLUMN exit_event_time      timestamptz,
    ADD COLUMN transferred_on       date,
    ADD COLUMN transfer_event_time  timestamptz,
    ADD COLUMN withdrawn_at         timestamptz;

-- follow_up: a recorded checkpoint can be corrected (PUT with If-Match); version is its ETag and
-- also rises when an open checkpoint moves with a corrected exit date.
ALTER TABLE follow_up
    ADD COLUMN version       bigint      NOT NULL DEFAULT 0,
    ADD COLUMN corrected_at  timestamptz,
    ADD CONSTRAINT corrected_only_when_recorded CHECK (corrected_at IS NULL OR status IS NOT NULL);
