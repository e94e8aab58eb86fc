-- The outbox table of a service that publishes events (shipped in the platform-outbox jar,
-- applied by the service's Flyway). Repeatable and idempotent: only ever add to it with IF NOT EXISTS.

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
