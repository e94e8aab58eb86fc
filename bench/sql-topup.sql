-- Report-latency data without the projection (bench/report-latency-sql.sh): copies of the read model's
-- participations with new ids until about :target rows, then the summary made again from them.
INSERT INTO :schema.participation (participation_id, participant_id, group_id, jobcenter_id, phase_id, provider_type,
    entry_date, exit_date, exit_reason, gender, age_band, customer_type, labour_market_distance,
    vocational_qualification, category, fast_integration, integration_kind, temporary_agency, fixed_term,
    month6_status, month12_status, group_cancelled, withdrawn)
SELECT gen_random_uuid(), gen_random_uuid(), group_id, jobcenter_id, phase_id, provider_type,
    entry_date, exit_date, exit_reason, gender, age_band, customer_type, labour_market_distance,
    vocational_qualification, category, fast_integration, integration_kind, temporary_agency, fixed_term,
    month6_status, month12_status, group_cancelled, withdrawn
  FROM :schema.participation CROSS JOIN generate_series(1, ceil(:target::numeric / (SELECT count(*) FROM :schema.participation))::int - 1);
ANALYZE :schema.participation;
