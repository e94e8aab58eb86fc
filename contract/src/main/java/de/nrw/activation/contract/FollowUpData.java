package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.UUID;

/** Data of {@code followup.recorded.v1} and {@code followup.corrected.v1} (the corrected status and date). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpData(
        @JsonProperty(required = true) UUID followUpId,
        @JsonProperty(required = true) UUID participationId,
        @JsonProperty(required = true) UUID participantId,
        @JsonProperty(required = true) String jobcenterId,
        @JsonProperty(required = true) Checkpoint checkpoint,
        @JsonProperty(required = true) OutcomeKind status,
        LocalDate checkedOn) { }
