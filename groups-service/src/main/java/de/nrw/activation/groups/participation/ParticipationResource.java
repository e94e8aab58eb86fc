package de.nrw.activation.groups.participation;

import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.platform.security.Roles;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * Participations (Teilnahmen) of the caller's Jobcenter: read one, record its exit with a
 * reason. Jobcenter staff only.
 */
@Path("/api/v1/participations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Participations", description = "Assign participants to groups and record their exit")
public class ParticipationResource {

    @Inject
    Participations participations;

    /** One participation of the caller's Jobcenter. */
    @GET
    @Path("/{id}")
    @Operation(summary = "Get a participation")
    @APIResponse(responseCode = "200", description = "The participation", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") String id) {
        Participation participation = participations.own(Ids.uuid("id", id));
        return Response.ok(ParticipationView.of(participation)).tag(tag(participation)).build();
    }

    /**
     * Records the exit with its date and reason ({@code COMPLETED}, {@code INTEGRATED},
     * {@code DROPOUT}, {@code OTHER}) and publishes {@code participation.exited.v1}. A second
     * exit answers 409 {@code already-exited}; an exit before the entry 422
     * {@code exit-before-entry}; after the group's end 422 {@code exit-after-group-end}.
     */
    @POST
    @Path("/{id}/exit")
    @Transactional
    @Operation(summary = "Record a participant's exit")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "exit", value = OpenApiExamples.EXIT)))
    @APIResponse(responseCode = "200", description = "Exited", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The exit was recorded already", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Exit before entry or after the group's end",
            content = @Content(mediaType = "application/problem+json"))
    public Response exit(@PathParam("id") String id, @NotNull @Valid ParticipationRequests.Exit request,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Participation participation = participations.exit(Ids.uuid("id", id), ifMatch, request.exitDate(), request.reason());
        return Response.ok(ParticipationView.of(participation)).tag(tag(participation)).build();
    }

    private static EntityTag tag(Participation participation) {
        return new EntityTag(String.valueOf(participation.version));
    }
}
