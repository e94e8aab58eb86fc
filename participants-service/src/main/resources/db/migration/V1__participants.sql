-- Participants of the activation groups. Personal data: customer_number, first_name,
-- last_name, date_of_birth; all four become NULL on erasure (erased_at set), while the
-- anonymous attributes the statistics need stay.
CREATE TABLE participant (
    id                       uuid        PRIMARY KEY,
    jobcenter_id             text        NOT NULL,
    customer_number          text,
    first_name               text,
    last_name                text,
    date_of_birth            date,
    gender                   text        NOT NULL,
    customer_type            text        NOT NULL,
    labour_market_distance   text        NOT NULL,
    vocational_qualification boolean     NOT NULL,
    age_band                 text        NOT NULL,
    erased_at                timestamptz,
    registered_at            timestamptz NOT NULL,
    changed_at               timestamptz NOT NULL,
    version                  bigint      NOT NULL DEFAULT 0,
    CONSTRAINT personal_data_erased CHECK (
        erased_at IS NULL
        OR (customer_number IS NULL AND first_name IS NULL AND last_name IS NULL AND date_of_birth IS NULL))
);

-- A customer number is unique within one Jobcenter (Kundennummer); erased rows have none.
CREATE UNIQUE INDEX participant_customer_number_uk
    ON participant (jobcenter_id, customer_number) WHERE customer_number IS NOT NULL;

CREATE INDEX participant_jobcenter_idx ON participant (jobcenter_id, registered_at, id);
