package de.nrw.activation.groups.participation;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the participations API. */
public final class ParticipationRequests {

    private ParticipationRequests() { }

    @Schema(name = "EnterParticipation", description = "A participant entering the group on a day of its period")
    public record Enter(@NotNull UUID participantId, @NotNull LocalDate entryDate) {
    }

    @Schema(name = "ExitParticipation", description = "The day and reason the participation ended")
    public record Exit(@NotNull LocalDate exitDate, @NotNull ExitReason reason) {
    }
}
