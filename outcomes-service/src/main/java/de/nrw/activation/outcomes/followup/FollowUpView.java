package de.nrw.activation.outcomes.followup;

import de.nrw.activation.outcomes.outcome.OutcomeKind;
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
        Instant recordedAt) {

    static FollowUpView of(FollowUp f) {
        return new FollowUpView(f.id, f.participationId, f.participantId, f.checkpoint, f.dueDate, f.status,
                f.checkedOn, f.recordedAt);
    }
}
