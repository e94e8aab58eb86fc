package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code participation.exited.v1} and {@code participation.exit-corrected.v1} (the
 * corrected date and reason). {@code groupCancelled} is true for an exit caused by the group's
 * cancellation (reason {@code OTHER}); absent means false. {@code phaseId}, {@code providerType}
 * and {@code entryDate} let a consumer handle an exit that arrives before its entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipationExitedData(
        @JsonProperty(required = true) UUID participationId,
        @JsonProperty(required = true) UUID participantId,
        UUID groupId,
        @JsonProperty(required = true) String jobcenterId,
        String phaseId,
        ProviderType providerType,
        LocalDate entryDate,
        @JsonProperty(required = true) LocalDate exitDate,
        @JsonProperty(required = true) ExitReason reason,
        Boolean groupCancelled) { }
