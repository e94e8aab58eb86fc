-- The life of a participation (corrections are normal work): exits are corrected, groups
-- cancelled, participations withdrawn or transferred. What the read model keeps of it:
--
-- group_cancelled: the exit (recorded or corrected, the newest wins) was caused by the group's
--   cancellation (the exit event's groupCancelled). Counted by later figures
--   (exits by reason, how many ended through a cancelled group).
-- withdrawn: entered by mistake (the withdrawal event). Final, whatever arrives after
--   it: the participation is counted nowhere (category NULL), N included. The row is kept.
-- current_group_id, transferred_on: the group the participation is in since its newest
--   transfer (the transfer event). group_id stays the group at entry: a transferred
--   participation is counted once, with the group, phase, provider type and attributes of its
--   entry (see the module README).
ALTER TABLE read_model_template.participation
    ADD COLUMN group_cancelled        boolean     NOT NULL DEFAULT false,
    ADD COLUMN withdrawn              boolean     NOT NULL DEFAULT false,
    ADD COLUMN withdrawn_event_time   timestamptz,
    ADD COLUMN withdrawn_event_id     uuid,
    ADD COLUMN current_group_id       uuid,
    ADD COLUMN transferred_on         date,
    ADD COLUMN transferred_event_time timestamptz,
    ADD COLUMN transferred_event_id   uuid;

-- Generations created before this migration get the new columns from the service at start-up
-- (it adds every template column a generation's tables lack); a rebuild applies the new
-- events to them from the start of the topics.
