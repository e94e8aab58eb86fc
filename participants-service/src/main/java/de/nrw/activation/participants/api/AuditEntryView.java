package de.nrw.activation.participants.api;

import de.nrw.activation.platform.security.CallerCheck;
import de.nrw.activation.participants.domain.AuditAction;
import de.nrw.activation.participants.domain.AuditEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One access to a participant's personal data. Ids only: no names. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
        @Schema(description = "When", examples = "2012-03-05T09:12:44Z") Instant at,
        @Schema(description = "Who: the caller's account at the identity provider, or participants-service/retention",
                examples = "staff-herne", maxLength = CallerCheck.MAX_NAME_LENGTH) String actor,
        @Schema(description = "The role the actor called with (system: the retention job)", examples = "jobcenter-staff",
                maxLength = 64, pattern = "^[a-z][a-z-]*$")
        String role,
        @Schema(description = "What was done; SEARCH: the participant was in a search's answer") AuditAction action,
        @Schema(description = "GRANTED, or DENIED: the participant was asked for and the caller was refused (answered 404)")
        AuditEntry.Outcome outcome,
        UUID participantId,
        @Schema(description = "The participant's Jobcenter", maxLength = 64, pattern = ParticipantRequests.JOBCENTER_PATTERN) String jobcenterId) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.at, e.actor, e.role, e.action, e.outcome, e.participantId, e.jobcenterId);
    }
}
