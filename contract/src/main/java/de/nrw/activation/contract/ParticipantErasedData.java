package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/** Data of {@code participant.erased.v1}: the personal data are gone, the anonymous id stays. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantErasedData(
        @JsonProperty(required = true) UUID participantId,
        @JsonProperty(required = true) String jobcenterId) { }
