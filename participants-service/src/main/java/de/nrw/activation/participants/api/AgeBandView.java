package de.nrw.activation.participants.api;

import de.nrw.activation.contract.AgeBand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A participant's age band on one day; the birth date it is derived from is not part of it. */
@Schema(name = "AgeBandOn", description = "The participant's age band (SGB II statistics bands) on the day asked for")
public record AgeBandView(
        UUID participantId,
        @Schema(description = "The day the band applies to, as asked for", examples = "2012-03-05") LocalDate on,
        @Schema(description = "Age band on that day") AgeBand ageBand) {
}
