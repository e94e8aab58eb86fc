package de.nrw.activation.groups.session;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;

/** Request bodies of the sessions API. */
public final class SessionRequests {

    private SessionRequests() { }

    @Schema(name = "MoveSession", description = "The session's new day and, optionally, new times (default: the old ones)")
    public record Move(
            @NotNull LocalDate newDate,
            @Schema(type = SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", examples = "09:00") LocalTime start,
            @Schema(type = SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", examples = "12:30") LocalTime end) {
    }
}
