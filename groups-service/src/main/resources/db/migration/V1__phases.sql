-- Programme phases: the periods of the model project (and, later, of regular operation)
-- and the Jobcenters taking part in each. A group runs inside one phase, for a Jobcenter
-- of that phase.
CREATE TABLE phase (
    id          text        PRIMARY KEY,           -- PHASE_1, PHASE_2, ...
    name        text        NOT NULL,
    start_date  date        NOT NULL,
    end_date    date        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT phase_period CHECK (start_date <= end_date)
);

CREATE TABLE phase_jobcenter (
    phase_id     text NOT NULL REFERENCES phase (id) ON DELETE CASCADE,
    jobcenter_id text NOT NULL,                    -- slug, e.g. kreis-coesfeld
    PRIMARY KEY (phase_id, jobcenter_id)
);

-- Phase I of the model project "Aktivierung und berufliche Eingliederung": 10 Jobcenters.
INSERT INTO phase (id, name, start_date, end_date) VALUES ('PHASE_1', 'Phase I', '2011-09-01', '2012-08-31');
INSERT INTO phase_jobcenter (phase_id, jobcenter_id)
SELECT 'PHASE_1', unnest(ARRAY['bochum', 'kreis-coesfeld', 'kreis-dueren', 'duesseldorf', 'hamm', 'herne',
                               'muelheim', 'rhein-kreis-neuss', 'kreis-paderborn', 'kreis-steinfurt']);

-- Phase II: 8 more Jobcenters.
INSERT INTO phase (id, name, start_date, end_date) VALUES ('PHASE_2', 'Phase II', '2012-12-01', '2013-12-31');
INSERT INTO phase_jobcenter (phase_id, jobcenter_id)
SELECT 'PHASE_2', unnest(ARRAY['kreis-euskirchen', 'kreis-guetersloh', 'kreis-heinsberg', 'kreis-herford',
                               'koeln', 'remscheid', 'kreis-warendorf', 'wuppertal']);
