package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.Checkpoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** An open checkpoint on the due list. */
@Schema(name = "DueFollowUp")
public record DueFollowUpView(
        UUID participationId,
        UUID participantId,
        Checkpoint checkpoint,
        LocalDate dueDate,
        @Schema(description = "True when the due date is before today (German date)") boolean overdue) {
}
