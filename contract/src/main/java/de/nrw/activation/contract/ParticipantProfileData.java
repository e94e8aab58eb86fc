package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/**
 * Data of {@code participant.registered.v1} and {@code participant.changed.v1}: the anonymous
 * attributes reports need. {@code ageBand} is the band on the event's date; the band of a
 * participation is the one on its entry date (see {@link ParticipationEnteredData}).
 * There is no field for a name, a birth date or a customer number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantProfileData(
        @JsonProperty(required = true) UUID participantId,
        @JsonProperty(required = true) String jobcenterId,
        @JsonProperty(required = true) Gender gender,
        @JsonProperty(required = true) AgeBand ageBand,
        @JsonProperty(required = true) CustomerType customerType,
        @JsonProperty(required = true) LabourMarketDistance labourMarketDistance,
        @JsonProperty(required = true) Boolean vocationalQualification) { }
