-- What this service knows about participants: only the anonymous attributes, learnt from
-- topic participant-events (never names, birth dates or customer numbers). The attributes
-- are those of the newest profile event (profile_time); an erased event wins over anything
-- that arrives after it. A participant known only from a participant.erased.v1 event has
-- no attributes.
CREATE TABLE known_participant (
    id                       uuid        PRIMARY KEY,
    jobcenter_id             text        NOT NULL,
    gender                   text,
    age_band                 text,
    customer_type            text,
    labour_market_distance   text,
    vocational_qualification boolean,
    erased                   boolean     NOT NULL DEFAULT false,
    profile_time             timestamptz,          -- event time of the attributes stored
    last_event_time          timestamptz NOT NULL  -- newest event time seen for this participant
);
