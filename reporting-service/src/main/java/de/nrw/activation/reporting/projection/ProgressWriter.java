package de.nrw.activation.reporting.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Table {@code progress}: per topic the events this generation applied and the newest event time (the status). */
final class ProgressWriter {

    private static final String PROGRESS = """
            INSERT INTO S.progress AS t (topic, events_applied, last_event_time) VALUES (?, ?, ?)
            ON CONFLICT (topic) DO UPDATE SET events_applied = t.events_applied + EXCLUDED.events_applied,
                last_event_time = greatest(t.last_event_time, EXCLUDED.last_event_time)
            """;

    private final String schema;

    ProgressWriter(String schema) {
        this.schema = schema;
    }

    /** In topic order: two replicas' batches update the same rows without deadlocking. */
    void write(Connection c, Map<String, BatchReduction.TopicProgress> progress) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(PROGRESS, schema), new TreeMap<>(progress).entrySet(), (s, e) -> {
            s.setString(1, e.getKey());
            s.setLong(2, e.getValue().applied);
            s.setObject(3, e.getValue().lastEventTime);
        });
    }
}
