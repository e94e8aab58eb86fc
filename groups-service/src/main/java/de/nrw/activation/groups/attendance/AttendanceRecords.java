package de.nrw.activation.groups.attendance;

import de.nrw.activation.contract.AttendanceStatus;
import jakarta.validation.constraints.NotNull;
import de.nrw.activation.groups.participation.Participations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the attendance API. */
public final class AttendanceRecords {

    private AttendanceRecords() { }

    @Schema(name = "AttendanceEntry", description = "One participant's attendance at one session")
    public record Entry(@NotNull UUID participantId, @NotNull AttendanceStatus status) {
    }

    @Schema(name = "SessionAttendance", description = "The attendance recorded for one session")
    public record SessionAttendance(UUID groupId, LocalDate date,
                                    @Schema(maxItems = Participations.MAX_LISTED) List<Entry> entries) {
    }

    @Schema(name = "Absences", description = "A participant's attendance counts over the group's sessions")
    public record Absences(UUID participantId, long excused, long unexcused, long present) {
    }
}
