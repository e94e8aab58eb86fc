package de.nrw.activation.groups.exitproposal;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.groups.Validation;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An exit proposal and, once decided, its decision. */
@Schema(name = "ExitProposal")
public record ExitProposalView(
        UUID id,
        UUID participationId,
        UUID participantId,
        UUID groupId,
        @Schema(maxLength = 64, pattern = Validation.JOBCENTER_PATTERN) String jobcenterId,
        @Schema(description = "The education provider whose staff proposed it", examples = "bildungswerk-ruhr",
                maxLength = 64, pattern = Validation.PROVIDER_PATTERN) String providerId,
        LocalDate exitDate,
        ExitReason reason,
        @Schema(description = "PENDING until Jobcenter staff accept (the exit is recorded) or reject it") ExitProposalStatus status,
        Instant proposedAt,
        @Schema(description = "Set once accepted or rejected") Instant decidedAt,
        @Schema(description = "Set once rejected: why") @Size(max = 500) String rejectionReason,
        @Schema(description = "Version, also sent as the ETag") long version) {

    static ExitProposalView of(ExitProposal p) {
        return new ExitProposalView(p.id, p.participationId, p.participantId, p.groupId, p.jobcenterId, p.providerId,
                p.exitDate, p.reason, p.status, p.proposedAt, p.decidedAt, p.rejectionReason, p.version);
    }
}
