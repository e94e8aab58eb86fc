-- The evaluation's further figures (issue 14): sustainability at 12 months and exits by reason.
--
-- month12_status: the MONTH_12 follow-up's status, if recorded (sustainable integration at 12
--   months), derived like month6_status.
-- The summary gets one column per new measure (see Measure): exits by reason (over the counted
-- participations; exits_other includes those through a cancelled group, exits_group_cancelled
-- counts these alone) and the 12-month sustainability counts.
--
-- Generations created before this migration get the columns at start-up with 0 / NULL; their
-- figures for these measures are right after a rebuild (POST /api/v1/projections/rebuild).
ALTER TABLE read_model_template.participation
    ADD COLUMN month12_status text;

ALTER TABLE read_model_template.participation_summary
    ADD COLUMN exits_completed            bigint NOT NULL DEFAULT 0,
    ADD COLUMN exits_integrated           bigint NOT NULL DEFAULT 0,
    ADD COLUMN exits_dropout              bigint NOT NULL DEFAULT 0,
    ADD COLUMN exits_other                bigint NOT NULL DEFAULT 0,
    ADD COLUMN exits_group_cancelled      bigint NOT NULL DEFAULT 0,
    ADD COLUMN integrated_checked_month12 bigint NOT NULL DEFAULT 0,
    ADD COLUMN still_integrated_month12   bigint NOT NULL DEFAULT 0;

-- provisional participations (not ended, or ended since a given day): counted on every report request
CREATE INDEX participation_by_exit ON read_model_template.participation (exit_date);
