-- The summary per entry month (issue 16): entry_month ('YYYY-MM' of the entry date) becomes a key
-- column of participation_summary, so a report with an entry period (from/to) sums the whole
-- months of the period from the summary and counts only the partial months at its edges over
-- table participation (index participation_by_phase / participation_by_entry), and the
-- entryMonth and entryQuarter dimensions are answered from the summary as well. A report
-- without a period sums over all months.
--
-- Generations created before this migration: their summary is dropped here and made again at
-- start-up from the template, filled from their participations (GenerationSchemas.addMissing),
-- so no rebuild is needed; their participation table gets the entry-date index.
ALTER TABLE read_model_template.participation_summary
    ADD COLUMN entry_month text NOT NULL;
ALTER TABLE read_model_template.participation_summary DROP CONSTRAINT participation_summary_pkey;
ALTER TABLE read_model_template.participation_summary
    ADD PRIMARY KEY (phase_id, jobcenter_id, provider_type, age_band, gender, customer_type,
                     labour_market_distance, vocational_qualification, entry_month);
CREATE INDEX participation_summary_by_month ON read_model_template.participation_summary (entry_month);

-- reports with a period over all phases and Jobcenters: the partial months at the edges
CREATE INDEX participation_by_entry ON read_model_template.participation (entry_date);

DO $$
DECLARE
    generation record;
BEGIN
    FOR generation IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^rm_[0-9]+$' LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I.participation_summary', generation.nspname);
        IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = generation.nspname AND tablename = 'participation') THEN
            EXECUTE format('CREATE INDEX IF NOT EXISTS participation_by_entry ON %I.participation (entry_date)',
                           generation.nspname);
        END IF;
    END LOOP;
END
$$;
