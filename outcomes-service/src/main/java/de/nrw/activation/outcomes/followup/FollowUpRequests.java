package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.OutcomeKind;
import de.nrw.activation.platform.validation.NotBefore;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Request bodies of the follow-up API. */
public final class FollowUpRequests {

    private FollowUpRequests() { }

    @Schema(name = "RecordFollowUp", description = "Where the participant was at a checkpoint")
    public record Record(
            @NotNull Checkpoint checkpoint,
            @Schema(description = "Where the participant was: an outcome kind")
            @NotNull OutcomeKind status,
            @Schema(description = "The day the status was checked: on or after the checkpoint's due date, not in the future",
                    examples = "2012-06-18")
            @NotNull @NotBefore("2000-01-01") LocalDate checkedOn) {
    }

    @Schema(name = "CorrectFollowUp", description = "The corrected status of a recorded checkpoint")
    public record Correct(
            @Schema(description = "Where the participant was: an outcome kind")
            @NotNull OutcomeKind status,
            @Schema(description = "The day the status was checked: on or after the checkpoint's due date, not in the future",
                    examples = "2012-06-18")
            @NotNull @NotBefore("2000-01-01") LocalDate checkedOn) {
    }
}
