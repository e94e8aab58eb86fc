package de.nrw.activation.groups.group;

import com.fasterxml.jackson.annotation.JsonFormat;
import de.nrw.activation.contract.GroupStatus;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import de.nrw.activation.groups.Validation;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A group as Jobcenter staff and the coordinator see it (the coordinator without the coaches' names). */
@Schema(name = "Group")
public record GroupView(
        UUID id,
        @Schema(maxLength = 64, pattern = Validation.JOBCENTER_PATTERN) String jobcenterId,
        @Schema(maxLength = 40, pattern = Validation.PHASE_PATTERN) String phaseId,
        @Size(max = 200) String name,
        GroupRequests.Provider provider,
        @Size(max = 200) String location,
        @Schema(description = "The Jobcoaches' names; not shown to the coordinator") @Size(max = 10) List<@Size(max = 200) String> coaches,
        LocalDate startDate,
        int weeks,
        @Schema(description = "startDate + weeks * 7 - 1 day: the period is whole weeks") LocalDate endDate,
        @Size(max = 7) List<DayOfWeek> meetingDays,
        @Schema(type = SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", examples = "09:00") @JsonFormat(pattern = "HH:mm") LocalTime dailyStart,
        @Schema(type = SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", examples = "12:30") @JsonFormat(pattern = "HH:mm") LocalTime dailyEnd,
        @Schema(description = "Meeting days times daily hours", examples = "10.5") BigDecimal hoursPerWeek,
        int capacity,
        GroupStatus status,
        @Schema(description = "Set once the group was cancelled") LocalDate cancelledOn,
        @Schema(description = "Version, also sent as the ETag") long version) {

    public static GroupView of(Group g, boolean withCoaches) {
        return new GroupView(g.id, g.jobcenterId, g.phaseId, g.name, new GroupRequests.Provider(g.providerType, g.providerName, g.providerId),
                g.location, withCoaches ? g.coachList() : null, g.startDate, g.weeks, g.endDate, g.meetingDayList(),
                g.dailyStart, g.dailyEnd, g.hoursPerWeek, g.capacity, g.status, g.cancelledOn, g.version);
    }
}
