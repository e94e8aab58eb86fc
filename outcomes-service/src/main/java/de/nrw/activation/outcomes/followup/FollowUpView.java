package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.OutcomeKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A checkpoint of a participation: open (status null) or recorded. */
@Schema(name = "FollowUp")
public record FollowUpView(
        UUID id,
        UUID participationId,
        UUID participantId,
        Checkpoint checkpoint,
        @Schema(description = "Exit date, or the same day n months later (the month's last day if that day does not exist)")
        LocalDate dueDate,
        @Schema(description = "Null while open") OutcomeKind status,
        LocalDate checkedOn,
        Instant recordedAt,
        @Schema(description = "When the recorded status was last corrected; null if never") Instant correctedAt,
        @Schema(description = "Version, also sent as the ETag of the checkpoint") long version) {

    static FollowUpView of(FollowUp f) {
        return new FollowUpView(f.id, f.participationId, f.participantId, f.checkpoint, f.dueDate, f.status,
                f.checkedOn, f.recordedAt, f.correctedAt, f.version);
    }
}
