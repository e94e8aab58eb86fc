package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code participation.transferred.v1}: the participation moves from one group to another
 * of the same Jobcenter and phase on {@code date} (first day in the new group). It keeps its id,
 * entry date and attributes at entry and is counted once. {@code toProviderType} and the new
 * group's dates are extra, for consumers that follow the group a participation is in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipationTransferredData(
        @JsonProperty(required = true) UUID participationId,
        @JsonProperty(required = true) UUID participantId,
        @JsonProperty(required = true) UUID fromGroupId,
        @JsonProperty(required = true) UUID toGroupId,
        @JsonProperty(required = true) String jobcenterId,
        @JsonProperty(required = true) LocalDate date,
        ProviderType toProviderType,
        LocalDate toGroupStartDate,
        LocalDate toGroupEndDate) { }
