package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.contract.OutcomeKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An outcome as the Jobcenter's IT sees it. */
@Schema(name = "Outcome")
public record OutcomeView(
        UUID id,
        UUID participantId,
        @Schema(maxLength = 64, pattern = "[a-z0-9]+(-[a-z0-9]+)*") String jobcenterId,
        OutcomeKind kind,
        @Schema(description = "True for EMPLOYMENT, APPRENTICESHIP and SELF_EMPLOYMENT") boolean integration,
        LocalDate startDate,
        boolean temporaryAgency,
        boolean fixedTerm,
        @Schema(description = "Null when none was given or the participant was erased",
                maxLength = OutcomeRequests.EMPLOYER_MAX) String employer,
        Instant recordedAt,
        Instant changedAt,
        @Schema(description = "Version, also sent as the ETag") long version) {

    static OutcomeView of(Outcome o) {
        return new OutcomeView(o.id, o.participantId, o.jobcenterId, o.kind, OutcomeKinds.isIntegration(o.kind), o.startDate,
                o.temporaryAgency, o.fixedTerm, o.employer, o.recordedAt, o.changedAt, o.version);
    }
}
