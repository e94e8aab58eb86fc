package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.FollowUpData;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Table {@code follow_up}: per participation and checkpoint the newest record; a correction
 * ({@link de.nrw.activation.contract.EventTypes#FOLLOWUP_CORRECTED}) replaces the status, whichever of the two arrives first.
 */
final class FollowUpWriter {

    private static final String FOLLOW_UP = """
            INSERT INTO S.follow_up AS t (participation_id, checkpoint, follow_up_id, participant_id, jobcenter_id,
                status, checked_on, event_time, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (participation_id, checkpoint) DO UPDATE SET follow_up_id = EXCLUDED.follow_up_id,
                participant_id = EXCLUDED.participant_id, jobcenter_id = EXCLUDED.jobcenter_id,
                status = EXCLUDED.status, checked_on = EXCLUDED.checked_on,
                event_time = EXCLUDED.event_time, event_id = EXCLUDED.event_id
            WHERE (t.event_time, t.event_id) < (EXCLUDED.event_time, EXCLUDED.event_id)
            """;

    private final String schema;

    FollowUpWriter(String schema) {
        this.schema = schema;
    }

    void write(Connection c, Collection<Versioned<FollowUpData>> rows) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(FOLLOW_UP, schema), rows, (s, v) -> {
            FollowUpData r = v.data();
            s.setObject(1, r.participationId());
            s.setString(2, r.checkpoint().name());
            s.setObject(3, r.followUpId());
            s.setObject(4, r.participantId());
            s.setString(5, r.jobcenterId());
            s.setString(6, r.status().name());
            s.setObject(7, r.checkedOn());
            s.setObject(8, v.stamp().time());
            s.setObject(9, v.stamp().id());
        });
    }
}
