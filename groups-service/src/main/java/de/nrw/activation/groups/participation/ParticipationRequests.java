package de.nrw.activation.groups.participation;

import de.nrw.activation.contract.ExitReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the participations API. */
public final class ParticipationRequests {

    private ParticipationRequests() { }

    @Schema(name = "EnterParticipation", description = "A participant entering the group on a day of its period")
    public record Enter(@NotNull UUID participantId, @NotNull LocalDate entryDate) {
    }

    @Schema(name = "ExitParticipation", description = "The day and reason the participation ended (not in the future)")
    public record Exit(@NotNull LocalDate exitDate, @NotNull ExitReason reason) {
    }

    @Schema(name = "WithdrawParticipation", description = "Why the participation was entered by mistake")
    public record Withdraw(
            @Schema(description = "Staff's note, e.g. 'registered in error: wrong group'. No personal data: it is published",
                    examples = "registered in error")
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "TransferParticipation", description = "The group the participation moves to, and its first day there")
    public record Transfer(@NotNull UUID groupId, @NotNull LocalDate date) {
    }
}
