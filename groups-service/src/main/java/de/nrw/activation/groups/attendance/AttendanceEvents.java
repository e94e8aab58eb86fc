package de.nrw.activation.groups.attendance;

import de.nrw.activation.contract.AttendanceRecordedData;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.groups.group.Group;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;

/** {@code attendance.recorded.v1} on topic {@code group-events}: one per recording of a session, keyed by group id. */
@ApplicationScoped
public class AttendanceEvents {

    @Inject
    Outbox outbox;

    /** The session's complete attendance as now recorded. */
    public void recorded(Group group, LocalDate date, List<AttendanceRecords.Entry> entries) {
        List<AttendanceRecordedData.Entry> data = entries.stream()
                .map(e -> new AttendanceRecordedData.Entry(e.participantId(), e.status())).toList();
        outbox.publish(Topics.GROUP_EVENTS, group.id.toString(), EventTypes.ATTENDANCE_RECORDED, group.id.toString(),
                new AttendanceRecordedData(group.id, group.jobcenterId, date, data));
    }
}
