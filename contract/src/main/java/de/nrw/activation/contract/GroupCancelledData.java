package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code group.cancelled.v1}. The open participations of the group end on
 * {@code cancelledOn}, each with its own {@code participation.exited.v1} ({@code groupCancelled: true}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupCancelledData(
        @JsonProperty(required = true) UUID groupId,
        @JsonProperty(required = true) String jobcenterId,
        String phaseId,
        ProviderType providerType,
        LocalDate cancelledOn) { }
