package de.nrw.activation.groups.exitproposal;

import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Provider staff propose the exit of a participation in a group their provider runs. */
@Path("/api/v1/participations/{id}/exit-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVIDER_STAFF)
@Tag(name = "Exit proposals", description = "Education providers propose exits; Jobcenter staff accept or reject them")
public class ParticipationExitProposalResource {

    @Inject
    ExitProposals proposals;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uri;

    /**
     * Proposes the exit of a participation in a group the caller's provider runs (provider staff
     * only): the day it happened and the reason ({@code COMPLETED}, {@code INTEGRATED},
     * {@code DROPOUT}, {@code OTHER}). Jobcenter staff then accept it (the exit is recorded) or
     * reject it. 404 unless the participation is in a group of the caller's provider now and they
     * still see it (not 40 days past its end); 409 {@code already-exited},
     * {@code participation-withdrawn}, {@code exit-proposal-pending} (one waits for a decision);
     * 422 as for recording the exit ({@code exit-before-entry}, {@code exit-after-group-end},
     * {@code exit-after-group-cancelled}, {@code exit-in-future}). Publishes nothing: the exit
     * event comes with the acceptance. Send an {@code Idempotency-Key} to retry safely.
     */
    @POST
    @Transactional
    @Operation(operationId = "proposeExit", summary = "Propose a participant's exit",
            description = "Proposes the exit of a participation in a group the caller's provider runs (provider staff "
                    + "only): the day it happened and the reason (COMPLETED, INTEGRATED, DROPOUT, OTHER). Jobcenter "
                    + "staff then accept it (the exit is recorded) or reject it. 404 unless the participation is in a "
                    + "group of the caller's provider now and they still see it (not 40 days past its end); 409 "
                    + "already-exited, participation-withdrawn, exit-proposal-pending (one waits for a decision); 422 "
                    + "as for recording the exit (exit-before-entry, exit-after-group-end, exit-after-group-cancelled, "
                    + "exit-in-future). Publishes nothing: the exit event comes with the acceptance. Send an "
                    + "Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "exit", value = OpenApiExamples.EXIT)))
    @APIResponse(responseCode = "201", description = "Proposed", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = ExitProposalView.class),
                    examples = @ExampleObject(name = "proposed", value = OpenApiExamples.EXIT_PROPOSAL)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, or not a participation the caller's provider runs now",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Ended or withdrawn already, or a proposal waits for a decision",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule of an exit is broken; `rule` names it",
            content = @Content(mediaType = "application/problem+json"))
    public Response propose(@PathParam("id") String id, @NotNull @Valid ExitProposalRequests.Propose request,
                            @Parameter(description = "Makes retries safe: the same key returns the first answer")
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID participationId = Ids.uuid("id", id);
        return idempotency.once(idempotencyKey, "POST /participations/" + participationId + "/exit-proposals", request, () -> {
            ExitProposal proposal = proposals.propose(participationId, request.exitDate(), request.reason());
            return Response.created(UriBuilder.fromUri(uri.getBaseUri()).path("api/v1/exit-proposals")
                            .path(proposal.id.toString()).build())
                    .tag(ExitProposalResource.tag(proposal)).entity(ExitProposalView.of(proposal)).build();
        });
    }
}
