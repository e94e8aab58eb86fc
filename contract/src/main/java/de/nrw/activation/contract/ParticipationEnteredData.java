package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code participation.entered.v1}: the participant's attributes at entry;
 * {@code ageBand} is the band on {@code entryDate}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipationEnteredData(
        @JsonProperty(required = true) UUID participationId,
        @JsonProperty(required = true) UUID participantId,
        @JsonProperty(required = true) UUID groupId,
        @JsonProperty(required = true) String jobcenterId,
        String phaseId,
        ProviderType providerType,
        @JsonProperty(required = true) LocalDate entryDate,
        Gender gender,
        AgeBand ageBand,
        CustomerType customerType,
        LabourMarketDistance labourMarketDistance,
        Boolean vocationalQualification,
        LocalDate groupStartDate,
        LocalDate groupEndDate) { }
