package de.nrw.activation.groups.attendance;

import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.group.GroupEvents;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code attendance.recorded.v1} on topic {@code group-events}: one per recording of a session, keyed by group id. */
@ApplicationScoped
public class AttendanceEvents {

    public static final String RECORDED = "attendance.recorded.v1";

    /** Data of {@code attendance.recorded.v1}: the session's complete attendance as now recorded. */
    public record RecordedData(UUID groupId, String jobcenterId, LocalDate date, List<AttendanceRecords.Entry> entries) { }

    @Inject
    Outbox outbox;

    public void recorded(Group group, LocalDate date, List<AttendanceRecords.Entry> entries) {
        outbox.publish(GroupEvents.TOPIC, group.id.toString(), RECORDED, group.id.toString(),
                new RecordedData(group.id, group.jobcenterId, date, entries));
    }
}
