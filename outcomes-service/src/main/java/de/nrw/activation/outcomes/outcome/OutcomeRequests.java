package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.contract.OutcomeKind;
import de.nrw.activation.platform.validation.NotBefore;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the outcomes API. */
public final class OutcomeRequests {

    static final int EMPLOYER_MAX = 200;

    private OutcomeRequests() { }

    @Schema(name = "RecordOutcome", description = "An integration or another whereabouts of a participant")
    public record Record(
            @Schema(description = "A participant of the caller's Jobcenter")
            @NotNull UUID participantId,
            @NotNull OutcomeKind kind,
            @Schema(description = "First day of the job, training, self-employment or other whereabouts. Not more than "
                    + "30 days before the participant's first entry into a group", examples = "2012-04-02")
            @NotNull @NotBefore("2000-01-01") LocalDate startDate,
            @Schema(description = "Temporary-agency work (Zeitarbeit); EMPLOYMENT only, default false")
            Boolean temporaryAgency,
            @Schema(description = "Fixed-term contract (befristet); EMPLOYMENT only, default false")
            Boolean fixedTerm,
            @Schema(description = "Employer or training company, at most 200 characters. Stays in this service "
                    + "(never in an event) and is cleared when the participant is erased")
            @Size(max = EMPLOYER_MAX) String employer) {
    }

    @Schema(name = "CorrectOutcome", description = "The corrected outcome; the participant cannot change")
    public record Correct(
            @NotNull OutcomeKind kind,
            @NotNull @NotBefore("2000-01-01") LocalDate startDate,
            Boolean temporaryAgency,
            Boolean fixedTerm,
            @Size(max = EMPLOYER_MAX) String employer) {
    }
}
