package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code group.scheduled.v1} and {@code group.changed.v1}: the group's state after the
 * change. A changed event also says what changed ({@code change}; for a session, {@code sessionDate}
 * and, for a move, {@code newDate}). No names: neither the group's, the coaches' nor the provider's;
 * {@code providerId} is the id of the contracted education provider running the group (the
 * {@code provider} claim of its staff's tokens), absent for groups the Jobcenter runs itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupData(
        @JsonProperty(required = true) UUID groupId,
        @JsonProperty(required = true) String jobcenterId,
        @JsonProperty(required = true) String phaseId,
        @JsonProperty(required = true) ProviderType providerType,
        String providerId,
        LocalDate startDate,
        LocalDate endDate,
        Integer weeks,
        Integer capacity,
        List<DayOfWeek> meetingDays,
        BigDecimal hoursPerWeek,
        GroupStatus status,
        GroupChange change,
        LocalDate sessionDate,
        LocalDate newDate) { }
