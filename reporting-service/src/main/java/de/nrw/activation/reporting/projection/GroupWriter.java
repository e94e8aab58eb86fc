package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.GroupCancelledData;
import de.nrw.activation.contract.GroupData;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

import static de.nrw.activation.reporting.projection.Jdbc.name;

/** Table {@code activation_group}: each group as last scheduled or changed, and its cancellation date. */
final class GroupWriter {

    private static final String GROUP = """
            INSERT INTO S.activation_group AS t (group_id, jobcenter_id, phase_id, provider_type, start_date,
                end_date, capacity, hours_per_week, event_time, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (group_id) DO UPDATE SET jobcenter_id = EXCLUDED.jobcenter_id,
                phase_id = EXCLUDED.phase_id, provider_type = EXCLUDED.provider_type,
                start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, capacity = EXCLUDED.capacity,
                hours_per_week = EXCLUDED.hours_per_week, event_time = EXCLUDED.event_time,
                event_id = EXCLUDED.event_id
            WHERE t.event_time IS NULL OR (t.event_time, t.event_id) < (EXCLUDED.event_time, EXCLUDED.event_id)
            """;

    private static final String CANCELLATION = """
            INSERT INTO S.activation_group AS t (group_id, jobcenter_id, cancelled_on) VALUES (?, ?, ?)
            ON CONFLICT (group_id) DO UPDATE SET cancelled_on = coalesce(EXCLUDED.cancelled_on, t.cancelled_on)
            """;

    private final String schema;

    GroupWriter(String schema) {
        this.schema = schema;
    }

    void writeGroups(Connection c, Collection<Versioned<GroupData>> rows) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(GROUP, schema), rows, (s, v) -> {
            GroupData r = v.data();
            s.setObject(1, r.groupId());
            s.setString(2, r.jobcenterId());
            s.setString(3, r.phaseId());
            s.setString(4, name(r.providerType()));
            s.setObject(5, r.startDate());
            s.setObject(6, r.endDate());
            s.setObject(7, r.capacity(), Types.INTEGER);
            s.setObject(8, r.hoursPerWeek(), Types.NUMERIC);
            s.setObject(9, v.stamp().time());
            s.setObject(10, v.stamp().id());
        });
    }

    void writeCancellations(Connection c, Collection<Versioned<GroupCancelledData>> rows) throws SQLException {
        // The participations end through their own exit events (groupCancelled: true); the
        // group only remembers the date.
        Jdbc.batch(c, Jdbc.inSchema(CANCELLATION, schema), rows, (s, v) -> {
            s.setObject(1, v.data().groupId());
            s.setString(2, v.data().jobcenterId());
            s.setObject(3, v.data().cancelledOn());
        });
    }
}
