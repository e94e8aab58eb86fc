-- Platform tables every service has (shipped in the platform jar, applied by each
-- service's Flyway). Repeatable and idempotent: only ever add to it with IF NOT EXISTS.

-- Transactional outbox: written with the change, deleted once Kafka acknowledged it.
CREATE TABLE IF NOT EXISTS outbox_event (
    seq         bigserial PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    record_key  text        NOT NULL,
    event_type  text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Consumer inbox: ids of events already applied (at most once per event id).
CREATE TABLE IF NOT EXISTS processed_event (
    event_id    uuid        PRIMARY KEY,
    event_type  text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- First response per Idempotency-Key and caller.
CREATE TABLE IF NOT EXISTS idempotency_record (
    principal    text        NOT NULL,
    idem_key     text        NOT NULL,
    request_hash text        NOT NULL,
    status       int         NOT NULL,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idem_key)
);

-- Records a consumer could never apply (not JSON, unknown type, missing fields): parked
-- here so the consumer goes on; visible in metrics (events_dead_lettered_total).
CREATE TABLE IF NOT EXISTS dead_letter (
    id              bigserial   PRIMARY KEY,
    consumer        text        NOT NULL,
    topic           text        NOT NULL,
    kafka_partition int         NOT NULL,
    kafka_offset    bigint      NOT NULL,
    record_key      text,
    reason          text        NOT NULL,
    payload         text,
    parked_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);
