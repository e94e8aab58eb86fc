package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.UUID;

/** Data of {@code outcome.recorded.v1} and {@code outcome.corrected.v1}. No employer name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeData(
        @JsonProperty(required = true) UUID outcomeId,
        @JsonProperty(required = true) UUID participantId,
        @JsonProperty(required = true) String jobcenterId,
        @JsonProperty(required = true) OutcomeKind kind,
        @JsonProperty(required = true) LocalDate startDate,
        Boolean temporaryAgency,
        Boolean fixedTerm) { }
