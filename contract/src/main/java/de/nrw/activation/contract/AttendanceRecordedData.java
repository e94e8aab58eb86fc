package de.nrw.activation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code attendance.recorded.v1}: the session's complete attendance as now recorded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttendanceRecordedData(
        @JsonProperty(required = true) UUID groupId,
        @JsonProperty(required = true) String jobcenterId,
        @JsonProperty(required = true) LocalDate date,
        @JsonProperty(required = true) List<Entry> entries) {

    /** One participant's attendance at the session. */
    public record Entry(@JsonProperty(required = true) UUID participantId, @JsonProperty(required = true) AttendanceStatus status) { }
}
