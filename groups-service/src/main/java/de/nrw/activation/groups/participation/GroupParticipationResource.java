package de.nrw.activation.groups.participation;

import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.group.Groups;
import de.nrw.activation.groups.provider.ProviderScope;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.web.Ids;
import de.nrw.activation.platform.web.Page;
import de.nrw.activation.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * A group's participations (Teilnahmen): participants of the caller's Jobcenter enter it.
 * Jobcenter staff only.
 */
@Path("/api/v1/groups/{id}/participations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Participations", description = "Assign participants to groups and record their exit")
public class GroupParticipationResource {

    @Inject
    Participations participations;

    @Inject
    Groups groups;

    @Inject
    ProviderScope providers;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uri;

    /**
     * A participant enters a group of the caller's Jobcenter on {@code entryDate}. The
     * participant must be known to this service (from participant-events) and belong to the
     * same Jobcenter (404 otherwise). 422 {@code participant-erased}, {@code group-cancelled},
     * {@code entry-outside-group-period}; 409 {@code capacity-full},
     * {@code overlapping-participation}. The participation keeps the participant's anonymous
     * attributes at entry; its age band is the one on {@code entryDate}, which this service asks
     * participants-service for (with your token). When participants-service cannot answer, the
     * entry answers 503 {@code participants-unavailable} with {@code Retry-After} and records
     * nothing. Publishes {@code participation.entered.v1}. Send an {@code Idempotency-Key} to
     * retry safely.
     */
    @POST
    @Transactional
    @Operation(operationId = "assignParticipant", summary = "Assign a participant to a group",
            description = "A participant enters a group of the caller's Jobcenter on entryDate. The participant must be "
                    + "known to this service (from participant-events) and belong to the same Jobcenter (404 "
                    + "otherwise). 422 participant-erased, group-cancelled, entry-outside-group-period; 409 "
                    + "capacity-full, overlapping-participation. The participation keeps the participant's anonymous "
                    + "attributes at entry; its age band is the one on entryDate, which this service asks "
                    + "participants-service for (with your token). When participants-service cannot answer, the entry "
                    + "answers 503 participants-unavailable with Retry-After and records nothing. Publishes "
                    + "participation.entered.v1. Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "enter", value = OpenApiExamples.ENTER)))
    @APIResponse(responseCode = "201", description = "Entered", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = ParticipationView.class),
                    examples = @ExampleObject(name = "entered", value = OpenApiExamples.PARTICIPATION)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown group or participant, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "No place left, or an overlapping participation of the same person",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule is broken; `rule` names it",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "participants-service cannot tell the age band on the entry date "
            + "right now; nothing was recorded, retry after `Retry-After` seconds with the same Idempotency-Key",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
            content = @Content(mediaType = "application/problem+json"))
    public Response enter(@PathParam("id") String id, @NotNull @Valid ParticipationRequests.Enter request,
                          @Parameter(description = "Makes retries safe: the same key returns the first answer")
                          @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID groupId = Ids.uuid("id", id);
        return idempotency.once(idempotencyKey, "POST /groups/" + groupId + "/participations", request, () -> {
            Participation participation = participations.enter(groupId, request.participantId(), request.entryDate());
            return Response.created(UriBuilder.fromUri(uri.getBaseUri()).path("api/v1/participations")
                            .path(participation.id.toString()).build())
                    .tag(tag(participation)).entity(participations.view(participation)).build();
        });
    }

    /**
     * A page of the participations that were ever in the group (withdrawn ones and those
     * transferred out too: see {@code status} and {@code groups}), earliest entry first; total in
     * {@code X-Total-Count}. Provider staff get the participations of the groups their provider
     * runs as {@code ProviderParticipation}s: only those they still see (not withdrawn, not 40
     * days past the end of the stay in the group).
     */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.PROVIDER_STAFF})
    @Operation(operationId = "listGroupParticipations", summary = "List a group's participations",
            description = "A page of the participations that were ever in the group (withdrawn ones and those transferred "
                    + "out too: see status and groups), earliest entry first; total in X-Total-Count. Provider staff "
                    + "get the participations of the groups their provider runs as ProviderParticipations: only those "
                    + "they still see (not withdrawn, not 40 days past the end of the stay in the group).")
    @APIResponse(responseCode = "200", description = "A page of participations (for provider staff: of ProviderParticipation, "
            + "as GET /participations/{id} answers them)",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of participations"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ParticipationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown group, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public Response ofGroup(@PathParam("id") String id, @BeanParam PageRequest paging) {
        Group group = groups.visible(Ids.uuid("id", id));
        if (providers.applies()) {
            return Page.of(participations.seenByProviderInGroup(group.id, paging.page(), paging.size()),
                    providers.staysInGroup(group.id).size());
        }
        List<ParticipationView> items = participations.views(participations.ofGroup(group.id, paging.page(), paging.size()));
        return Page.of(items, participations.countOfGroup(group.id));
    }

    private static EntityTag tag(Participation participation) {
        return new EntityTag(String.valueOf(participation.version));
    }
}
