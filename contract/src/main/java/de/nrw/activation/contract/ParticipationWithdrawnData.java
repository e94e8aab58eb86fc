package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/**
 * Data of {@code participation.withdrawn.v1}: the participation was entered by mistake. It leaves
 * every figure (N included) and the due list; the record is kept, marked withdrawn.
 * {@code reason} is the staff's free text and holds no personal data by rule of the API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipationWithdrawnData(
        @JsonProperty(required = true) UUID participationId,
        @JsonProperty(required = true) UUID participantId,
        UUID groupId,
        @JsonProperty(required = true) String jobcenterId,
        String reason) { }
