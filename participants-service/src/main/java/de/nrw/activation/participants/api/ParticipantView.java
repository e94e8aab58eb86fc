package de.nrw.activation.participants.api;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.participants.domain.Participant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A participant as the Jobcenter's IT sees it. After erasure the personal fields are null. */
@Schema(name = "Participant")
public record ParticipantView(
        UUID id,
        @Schema(maxLength = 64, pattern = ParticipantRequests.JOBCENTER_PATTERN) String jobcenterId,
        @Schema(maxLength = 32, pattern = ParticipantRequests.CUSTOMER_NUMBER_PATTERN) String customerNumber,
        @Schema(maxLength = 100) String firstName,
        @Schema(maxLength = 100) String lastName,
        LocalDate dateOfBirth,
        Gender gender,
        CustomerType customerType,
        LabourMarketDistance labourMarketDistance,
        boolean vocationalQualification,
        @Schema(description = "Age band as of the last change (SGB II statistics bands)") AgeBand ageBand,
        @Schema(description = "True once the personal data was erased") boolean erased,
        Instant registeredAt,
        Instant changedAt,
        @Schema(description = "Version, also sent as the ETag") long version) {

    static ParticipantView of(Participant p) {
        return new ParticipantView(p.id, p.jobcenterId, p.customerNumber, p.firstName, p.lastName, p.dateOfBirth,
                p.gender, p.customerType, p.labourMarketDistance, p.vocationalQualification, p.ageBand,
                p.isErased(), p.registeredAt, p.changedAt, p.version);
    }
}
