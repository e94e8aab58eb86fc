-- The test application's one table: what its creating endpoint creates.
CREATE TABLE thing (
    id           uuid PRIMARY KEY,
    jobcenter_id text NOT NULL,
    name         text,
    kind         text NOT NULL
);
