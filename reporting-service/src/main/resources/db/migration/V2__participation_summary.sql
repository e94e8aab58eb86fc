-- Pre-aggregated counts for the reports (they must answer in well under 200 ms with a
-- million participations). One row per combination of the report dimensions; each count
-- column is the number of participations (with a known entry) in that cell that meet the
-- measure's condition (see de.nrw.activation.reporting.projection.Measure). The projection
-- keeps it in step with table participation in the same transaction: it subtracts the
-- touched participants' participations before a batch and adds them back after it.
-- Reports that select an entry period (from/to) aggregate table participation instead.
-- Unknown dimension values are stored as 'UNKNOWN' (the reports' key for them).
CREATE TABLE read_model_template.participation_summary (
    phase_id                  text   NOT NULL,
    jobcenter_id              text   NOT NULL,
    provider_type             text   NOT NULL,
    age_band                  text   NOT NULL,
    gender                    text   NOT NULL,
    customer_type             text   NOT NULL,
    labour_market_distance    text   NOT NULL,
    vocational_qualification  text   NOT NULL,  -- 'true', 'false' or 'UNKNOWN'
    n                         bigint NOT NULL DEFAULT 0,
    integrations              bigint NOT NULL DEFAULT 0,
    minijobs                  bigint NOT NULL DEFAULT 0,
    unemployed                bigint NOT NULL DEFAULT 0,
    other                     bigint NOT NULL DEFAULT 0,
    dropouts                  bigint NOT NULL DEFAULT 0,
    open                      bigint NOT NULL DEFAULT 0,
    fast_integrations         bigint NOT NULL DEFAULT 0,
    close_to_labour_market    bigint NOT NULL DEFAULT 0,
    qualified                 bigint NOT NULL DEFAULT 0,
    employment                bigint NOT NULL DEFAULT 0,
    apprenticeship            bigint NOT NULL DEFAULT 0,
    self_employment           bigint NOT NULL DEFAULT 0,
    temporary_agency          bigint NOT NULL DEFAULT 0,
    fixed_term                bigint NOT NULL DEFAULT 0,
    integrated_checked_month6 bigint NOT NULL DEFAULT 0,
    still_integrated          bigint NOT NULL DEFAULT 0,
    ended                     bigint NOT NULL DEFAULT 0,
    ended_checked_month6      bigint NOT NULL DEFAULT 0,
    placed                    bigint NOT NULL DEFAULT 0,
    not_unemployed            bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (phase_id, jobcenter_id, provider_type, age_band, gender, customer_type,
                 labour_market_distance, vocational_qualification)
);
CREATE INDEX participation_summary_by_jobcenter ON read_model_template.participation_summary (jobcenter_id, phase_id);

-- Generations created before this migration get the table (and its contents) from the
-- service at start-up: it adds every template table a generation's schema lacks.
