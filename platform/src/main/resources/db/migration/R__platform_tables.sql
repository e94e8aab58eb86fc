-- Platform tables every service has (shipped in the platform jar, applied by each
-- service's Flyway). Repeatable and idempotent: Flyway runs it again whenever it changes, so
-- every statement must leave an up-to-date database as it is and bring an older one up to date.
-- The outbox and the consumer's tables come with platform-outbox and platform-consumer.

-- First response per Idempotency-Key, scoped by the caller's Jobcenter ('' for a token without
-- one) and principal. subject: the aggregate whose data the answer carries (Idempotency.forget).
CREATE TABLE IF NOT EXISTS idempotency_record (
    jobcenter_id text        NOT NULL DEFAULT '',
    principal    text        NOT NULL,
    idem_key     text        NOT NULL,
    subject      uuid,
    request_hash text        NOT NULL,
    status       int         NOT NULL,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (jobcenter_id, principal, idem_key)
);

-- A database from before the scope: the answers it stored were keyed by principal only. Their
-- Jobcenter and subject are taken from the stored body where it names them (every stored body is
-- JSON written by Idempotency); an answer without a Jobcenter keeps '' and is replayed to no
-- staff caller, which is the safe side.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'idempotency_record'
                     AND column_name = 'jobcenter_id') THEN
        ALTER TABLE idempotency_record
            ADD COLUMN jobcenter_id text NOT NULL DEFAULT '',
            ADD COLUMN subject uuid;
        UPDATE idempotency_record
           SET jobcenter_id = coalesce(body::jsonb ->> 'jobcenterId', ''),
               subject = CASE WHEN coalesce(body::jsonb ->> 'participantId', body::jsonb ->> 'id')
                                   ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                              THEN coalesce(body::jsonb ->> 'participantId', body::jsonb ->> 'id')::uuid END
         WHERE body IS NOT NULL AND jsonb_typeof(body::jsonb) = 'object';
        ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
        ALTER TABLE idempotency_record ADD PRIMARY KEY (jobcenter_id, principal, idem_key);
    END IF;
END
$$;

CREATE INDEX IF NOT EXISTS idempotency_record_subject ON idempotency_record (subject) WHERE subject IS NOT NULL;
