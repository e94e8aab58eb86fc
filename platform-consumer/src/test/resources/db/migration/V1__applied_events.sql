-- What the test handler applied, in the order it applied it.
CREATE TABLE applied_event (
    seq      bigserial PRIMARY KEY,
    event_id uuid NOT NULL,
    consumer text NOT NULL
);

-- An event id listed here makes applying it fail in the database (a real SQL error), until the
-- row is removed: a database that fails for a while.
CREATE TABLE failing_event (
    event_id uuid PRIMARY KEY
);

CREATE FUNCTION fail_listed_events() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM failing_event WHERE event_id = NEW.event_id) THEN
        RAISE EXCEPTION 'applying this event fails for now';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER applied_event_may_fail BEFORE INSERT ON applied_event
    FOR EACH ROW EXECUTE FUNCTION fail_listed_events();
