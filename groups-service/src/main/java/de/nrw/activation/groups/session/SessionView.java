package de.nrw.activation.groups.session;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;

/** A session of a group. */
@Schema(name = "Session")
public record SessionView(
        LocalDate date,
        @Schema(type = SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", examples = "09:00") @JsonFormat(pattern = "HH:mm") LocalTime start,
        @Schema(type = SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", examples = "12:30") @JsonFormat(pattern = "HH:mm") LocalTime end,
        SessionStatus status,
        @Schema(description = "The day the timetable gave it, when it was moved; otherwise absent") LocalDate movedFrom) {

    static SessionView of(Session s) {
        return new SessionView(s.date, s.start, s.end, s.status, s.date.equals(s.originalDate) ? null : s.originalDate);
    }
}
