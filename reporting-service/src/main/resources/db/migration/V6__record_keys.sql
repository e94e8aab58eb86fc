-- Statistical confidentiality by the cell key method (issue 15, docs/confidentiality.md): each
-- participation gets a record key (HMAC-SHA256 of its id under the service's secret, in
-- [0, 2^31), computed by the service: the secret is not in the database), and every count
-- column of the summary a column <count>_keys beside it: the sum of the record keys of the
-- participations it counts. A report's cell key is that sum modulo 2^31.
--
-- Generations created before this migration: the participation table gets the column at
-- start-up (GenerationSchemas.addMissing), the service computes the keys of its rows, and the
-- summary dropped here is made again from the template and filled from the participations.
ALTER TABLE read_model_template.participation ADD COLUMN record_key bigint;

DO $$
DECLARE
    c text;
    generation record;
BEGIN
    FOREACH c IN ARRAY ARRAY['n', 'integrations', 'minijobs', 'unemployed', 'other', 'dropouts', 'open',
            'fast_integrations', 'close_to_labour_market', 'qualified', 'employment', 'apprenticeship',
            'self_employment', 'temporary_agency', 'fixed_term', 'integrated_checked_month6', 'still_integrated',
            'ended', 'ended_checked_month6', 'placed', 'not_unemployed', 'integrated_checked_month12',
            'still_integrated_month12', 'exits_completed', 'exits_integrated', 'exits_dropout', 'exits_other',
            'exits_group_cancelled'] LOOP
        EXECUTE format('ALTER TABLE read_model_template.participation_summary ADD COLUMN %I bigint NOT NULL DEFAULT 0',
                       c || '_keys');
    END LOOP;
    FOR generation IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^rm_[0-9]+$' LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I.participation_summary', generation.nspname);
    END LOOP;
END
$$;
