package de.nrw.activation.groups.participation;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.groups.Validation;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A participation, with the participant's anonymous attributes at entry and its group history. */
@Schema(name = "Participation")
public record ParticipationView(
        UUID id,
        @Schema(description = "The group it is in now (after a transfer: the new one)") UUID groupId,
        UUID participantId,
        @Schema(maxLength = 64, pattern = Validation.JOBCENTER_PATTERN) String jobcenterId,
        LocalDate entryDate,
        @Schema(description = "Absent until the participant exits") LocalDate exitDate,
        ExitReason exitReason,
        @Schema(description = "True when the exit was caused by the group's cancellation") boolean exitCausedByGroupCancellation,
        @Schema(description = "ACTIVE (in its group, also while an exit is missing), ENDED (exited) or WITHDRAWN (entered by mistake)")
        ParticipationStatus status,
        @Schema(description = "Set once the participation was withdrawn") @Size(max = 500) String withdrawalReason,
        @Schema(description = "The groups it was in, earliest first; more than one after a transfer") @Size(max = Participations.MAX_LISTED) List<Stay> groups,
        Gender gender,
        AgeBand ageBand,
        CustomerType customerType,
        LabourMarketDistance labourMarketDistance,
        boolean vocationalQualification,
        @Schema(description = "Version, also sent as the ETag") long version) {

    /** One group of the history: {@code to} is the last day in it (absent while it is the open current group). */
    @Schema(name = "ParticipationGroup")
    public record Stay(UUID groupId, LocalDate from, LocalDate to) { }

    static ParticipationView of(Participation p, List<GroupStay> history) {
        List<Stay> groups = history.stream()
                .map(s -> new Stay(s.groupId, s.fromDate, s.toDate != null ? s.toDate : p.exitDate)).toList();
        return new ParticipationView(p.id, p.groupId, p.participantId, p.jobcenterId, p.entryDate, p.exitDate,
                p.exitReason, p.exitGroupCancelled, p.status(), p.withdrawalReason, groups, p.gender, p.ageBand,
                p.customerType, p.labourMarketDistance, p.vocationalQualification, p.version);
    }
}
