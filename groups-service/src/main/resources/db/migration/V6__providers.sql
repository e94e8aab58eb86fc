-- Education providers (issue 18): a group run by a contracted provider (Bildungsträger) names the
-- provider's id, the slug its staff's tokens carry in the claim `provider`. Their access to the
-- group, its sessions, attendance and participations follows from it.
--
-- Jobcenter-run groups never name one. Education-provider groups scheduled before this migration
-- have none: nobody can invent it here; staff add it with PUT /groups/{id}, and until then no
-- provider staff see the group.
ALTER TABLE activation_group
    ADD COLUMN provider_id text,
    ADD CONSTRAINT group_provider_id CHECK (provider_id IS NULL OR provider_type = 'EDUCATION_PROVIDER');

CREATE INDEX activation_group_provider_idx ON activation_group (jobcenter_id, provider_id) WHERE provider_id IS NOT NULL;

-- An exit proposed by provider staff, which Jobcenter staff accept (the exit is recorded through the
-- same path as POST /participations/{id}/exit) or reject with a reason. Kept after the decision.
-- No names: the proposer and the decider are the tokens' principals.
CREATE TABLE exit_proposal (
    id                uuid        PRIMARY KEY,
    participation_id  uuid        NOT NULL REFERENCES participation (id),
    participant_id    uuid        NOT NULL,
    group_id          uuid        NOT NULL REFERENCES activation_group (id),
    jobcenter_id      text        NOT NULL,
    provider_id       text        NOT NULL,
    exit_date         date        NOT NULL,
    reason            text        NOT NULL,          -- COMPLETED, INTEGRATED, DROPOUT, OTHER
    status            text        NOT NULL,          -- PENDING, ACCEPTED, REJECTED
    proposed_by       text        NOT NULL,
    proposed_at       timestamptz NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    rejection_reason  text,
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT exit_proposal_status CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    CONSTRAINT exit_proposal_decision CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CONSTRAINT exit_proposal_rejection CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
);

-- One open proposal per participation: a second one waits until the first is decided.
CREATE UNIQUE INDEX exit_proposal_one_pending_idx ON exit_proposal (participation_id) WHERE status = 'PENDING';
CREATE INDEX exit_proposal_jobcenter_idx ON exit_proposal (jobcenter_id, status, proposed_at);
