-- The tables of a service that consumes events (shipped in the platform-consumer jar, applied
-- by the service's Flyway). Repeatable and idempotent: only ever add to it with IF NOT EXISTS.

-- Consumer inbox: ids of events already applied (at most once per event id).
CREATE TABLE IF NOT EXISTS processed_event (
    event_id    uuid        PRIMARY KEY,
    event_type  text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
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
