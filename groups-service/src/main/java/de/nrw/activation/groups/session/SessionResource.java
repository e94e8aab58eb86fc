package de.nrw.activation.groups.session;

import de.nrw.activation.groups.Dates;
import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.groups.group.Timetable;
import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.group.Groups;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.web.ETags;
import de.nrw.activation.platform.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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

/** A group's sessions (Termine): generated from the timetable, then cancelled or moved one by one. */
@Path("/api/v1/groups/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "A group's meeting days; cancel or move one")
@APIResponse(responseCode = "404", description = "Unknown group, another Jobcenter's, or no session that day",
        content = @Content(mediaType = "application/problem+json"))
public class SessionResource {

    @Inject
    Groups groups;

    @Inject
    Sessions sessions;

    /**
     * The group's sessions in date order: the meeting days of its timetable without the NRW
     * public holidays, each {@code SCHEDULED} or {@code CANCELLED}; a moved one says where it
     * came from ({@code movedFrom}). Provider staff see the sessions of the groups their provider runs.
     */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.COORDINATOR, Roles.PROVIDER_STAFF})
    @Operation(operationId = "listSessions", summary = "List a group's sessions",
            description = "The group's sessions in date order: the meeting days of its timetable without the NRW public "
                    + "holidays, each SCHEDULED or CANCELLED; a moved one says where it came from (movedFrom). "
                    + "Provider staff see the sessions of the groups their provider runs.")
    @APIResponse(responseCode = "200", description = "The sessions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SessionView.class,
                    maxItems = Timetable.MAX_WEEKS * 7),
                    examples = @ExampleObject(name = "sessions", value = OpenApiExamples.SESSIONS)))
    public List<SessionView> list(@PathParam("id") String id) {
        Group group = groups.visible(Ids.uuid("id", id));
        return sessions.of(group.id).stream().map(SessionView::of).toList();
    }

    /**
     * Cancels one session (Termin fällt aus) and publishes {@code group.changed.v1}. Cancelling
     * a cancelled session answers 200 and changes nothing. A session with recorded attendance
     * answers 409; a cancelled group 422 ({@code group-cancelled}). Honours {@code If-Match}
     * with the group's ETag.
     */
    @POST
    @Path("/{date}/cancel")
    @Transactional
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "cancelSession", summary = "Cancel a session",
            description = "Cancels one session (Termin fällt aus) and publishes group.changed.v1. Cancelling a cancelled "
                    + "session answers 200 and changes nothing. A session with recorded attendance answers 409; a "
                    + "cancelled group 422 (group-cancelled). Honours If-Match with the group's ETag.")
    @APIResponse(responseCode = "200", description = "The session, now cancelled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Attendance was recorded for it", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The group was cancelled", content = @Content(mediaType = "application/problem+json"))
    public SessionView cancel(@PathParam("id") String id,
                              @Parameter(description = "The session's day", example = "2012-03-05") @PathParam("date") String date,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Group group = groups.ownLocked(Ids.uuid("id", id));
        ETags.checkIfMatch(ifMatch, group.version);
        return SessionView.of(sessions.cancel(group, Dates.day("date", date)));
    }

    /**
     * Moves a scheduled session to another day of the group's period, optionally with new
     * times, and publishes {@code group.changed.v1}. The new day must be Monday to Friday
     * (422 {@code meeting-days}), not a public holiday (422 {@code public-holiday}), inside the
     * group's period (422 {@code session-outside-group-period}) and free of a held session (409
     * {@code session-exists}); a day whose own session was cancelled is free, and lists both.
     */
    @POST
    @Path("/{date}/move")
    @Transactional
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "moveSession", summary = "Move a session",
            description = "Moves a scheduled session to another day of the group's period, optionally with new times, and "
                    + "publishes group.changed.v1. The new day must be Monday to Friday (422 meeting-days), not a "
                    + "public holiday (422 public-holiday), inside the group's period (422 "
                    + "session-outside-group-period) and free of a held session (409 session-exists); a day whose own "
                    + "session was cancelled is free, and lists both.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "move", value = OpenApiExamples.MOVE)))
    @APIResponse(responseCode = "200", description = "The session on its new day",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "The new day already has a session, or attendance was recorded",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The new day breaks a rule; `rule` names it",
            content = @Content(mediaType = "application/problem+json"))
    public SessionView move(@PathParam("id") String id,
                            @Parameter(description = "The session's current day", example = "2012-03-05") @PathParam("date") String date,
                            @NotNull @Valid SessionRequests.Move request,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Group group = groups.ownLocked(Ids.uuid("id", id));
        ETags.checkIfMatch(ifMatch, group.version);
        return SessionView.of(sessions.move(group, Dates.day("date", date), request.newDate(), request.start(), request.end()));
    }
}
