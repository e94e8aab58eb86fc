package de.nrw.activation.groups.attendance;

import de.nrw.activation.groups.participation.Participations;
import de.nrw.activation.groups.Dates;
import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.group.Groups;
import de.nrw.activation.groups.provider.ProviderScope;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Attendance per session (Anwesenheit) and the absences it adds up to. Jobcenter staff of the
 * group's Jobcenter, and provider staff for the groups their provider runs: they record and see the
 * participants whose stay in the group they still see (not withdrawn, not 40 days past its end).
 */
@Path("/api/v1/groups/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.PROVIDER_STAFF})
@Tag(name = "Attendance", description = "Record attendance per session; list absences")
@APIResponse(responseCode = "404", description = "Unknown group, or another Jobcenter's",
        content = @Content(mediaType = "application/problem+json"))
public class AttendanceResource {

    @Inject
    Groups groups;

    @Inject
    Attendances attendances;

    @Inject
    ProviderScope providers;

    /**
     * Records the attendance of one session: the complete list for that day, which replaces
     * whatever was recorded for it before. Only for a held session: 422 {@code no-session}
     * (no session that day), {@code session-not-scheduled} (cancelled),
     * {@code attendance-in-future}; only for participants in the group on that day (422
     * {@code not-in-group}): a recording for a day after the participant's exit (also a
     * corrected or back-dated one), before their entry, outside their stay after a transfer, or
     * for a withdrawn participation is refused. Attendance recorded before an exit was moved to
     * an earlier day stays stored but no longer counts in the absences. Publishes
     * {@code attendance.recorded.v1} with the session's complete attendance. Provider staff name
     * only participants they see (others answer {@code not-in-group}); what was recorded for
     * participants they no longer see stays as it was.
     */
    @PUT
    @Path("/sessions/{date}/attendance")
    @Transactional
    @Operation(operationId = "recordAttendance", summary = "Record a session's attendance",
            description = "Records the attendance of one session: the complete list for that day, which replaces whatever "
                    + "was recorded for it before. Only for a held session: 422 no-session (no session that day), "
                    + "session-not-scheduled (cancelled), attendance-in-future; only for participants in the group on "
                    + "that day (422 not-in-group): a recording for a day after the participant's exit (also a "
                    + "corrected or back-dated one), before their entry, outside their stay after a transfer, or for a "
                    + "withdrawn participation is refused. Attendance recorded before an exit was moved to an earlier "
                    + "day stays stored but no longer counts in the absences. Publishes attendance.recorded.v1 with "
                    + "the session's complete attendance. Provider staff name only participants they see (others "
                    + "answer not-in-group); what was recorded for participants they no longer see stays as it was.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "attendance", value = OpenApiExamples.ATTENDANCE)))
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AttendanceRecords.SessionAttendance.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a participant listed twice",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule is broken; `rule` names it",
            content = @Content(mediaType = "application/problem+json"))
    public AttendanceRecords.SessionAttendance record(
            @PathParam("id") String id,
            @Parameter(description = "The session's day", example = "2012-03-05") @PathParam("date") String date,
            @NotNull @Size(max = 100) List<AttendanceRecords.@NotNull @Valid Entry> entries) {
        Group group = groups.attendanceLocked(Ids.uuid("id", id));
        java.time.LocalDate day = Dates.day("date", date);
        return new AttendanceRecords.SessionAttendance(group.id, day, attendances.record(group, day, entries, seen(group)));
    }

    /** The attendance recorded for one session (empty when none was). */
    @GET
    @Path("/sessions/{date}/attendance")
    @Operation(operationId = "getSessionAttendance", summary = "Get a session's attendance",
            description = "The attendance recorded for one session (empty when none was).")
    @APIResponse(responseCode = "200", description = "The recorded attendance",
            content = @Content(schema = @Schema(implementation = AttendanceRecords.SessionAttendance.class)))
    public AttendanceRecords.SessionAttendance get(@PathParam("id") String id, @PathParam("date") String date) {
        Group group = groups.visible(Ids.uuid("id", id));
        java.time.LocalDate day = Dates.day("date", date);
        Set<UUID> seen = seen(group);
        return new AttendanceRecords.SessionAttendance(group.id, day, attendances.of(group, day).stream()
                .filter(e -> seen == null || seen.contains(e.participantId())).toList());
    }

    /**
     * Per participant of the group: excused, unexcused and present counts, most unexcused
     * first. {@code minUnexcused=1} lists the participants with unexcused absences. Only days
     * of the participant's stay in the group count (not after the exit, even a corrected one);
     * withdrawn participations are not listed.
     */
    @GET
    @Path("/absences")
    @Operation(operationId = "listAbsences", summary = "List absences per participant",
            description = "Per participant of the group: excused, unexcused and present counts, most unexcused first. "
                    + "minUnexcused=1 lists the participants with unexcused absences. Only days of the participant's "
                    + "stay in the group count (not after the exit, even a corrected one); withdrawn participations "
                    + "are not listed.")
    @APIResponse(responseCode = "200", description = "Counts per participant",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AttendanceRecords.Absences.class,
                    maxItems = Participations.MAX_LISTED)))
    public List<AttendanceRecords.Absences> absences(
            @PathParam("id") String id,
            @Parameter(description = "Only participants with at least this many unexcused absences, 0 to 1000", example = "1",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 4, pattern = "^[0-9]{1,4}$"))
            @QueryParam("minUnexcused") String minUnexcused) {
        Group group = groups.visible(Ids.uuid("id", id));
        Set<UUID> seen = seen(group);
        return attendances.absences(group, minimum(minUnexcused)).stream()
                .filter(a -> seen == null || seen.contains(a.participantId())).toList();
    }

    /** The participants of the group a provider-staff caller sees; null (everyone) for staff. */
    private Set<UUID> seen(Group group) {
        return providers.applies() ? providers.participantsInGroup(group.id) : null;
    }

    private static int minimum(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            int value = raw.matches("[0-9]{1,4}") ? Integer.parseInt(raw) : -1; // as documented: 1 to 4 digits
            if (value >= 0 && value <= 1000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("minUnexcused", "must be a whole number from 0 to 1000");
    }
}
