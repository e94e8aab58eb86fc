package de.nrw.activation.groups.participation;

import de.nrw.activation.groups.participant.AgeBand;
import de.nrw.activation.groups.participant.CustomerType;
import de.nrw.activation.groups.participant.Gender;
import de.nrw.activation.groups.participant.LabourMarketDistance;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A participation, with the participant's anonymous attributes at entry. */
@Schema(name = "Participation")
public record ParticipationView(
        UUID id,
        UUID groupId,
        UUID participantId,
        String jobcenterId,
        LocalDate entryDate,
        @Schema(description = "Absent until the participant exits") LocalDate exitDate,
        ExitReason exitReason,
        Gender gender,
        AgeBand ageBand,
        CustomerType customerType,
        LabourMarketDistance labourMarketDistance,
        boolean vocationalQualification,
        @Schema(description = "Version, also sent as the ETag") long version) {

    static ParticipationView of(Participation p) {
        return new ParticipationView(p.id, p.groupId, p.participantId, p.jobcenterId, p.entryDate, p.exitDate,
                p.exitReason, p.gender, p.ageBand, p.customerType, p.labourMarketDistance, p.vocationalQualification,
                p.version);
    }
}
