package de.nrw.activation.groups.exitproposal;

import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.platform.problem.ProblemException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

import java.util.Arrays;

/**
 * Exit proposals of the education providers' staff: Jobcenter staff of the group's Jobcenter list,
 * accept and reject them; provider staff list and read their own provider's.
 */
@Path("/api/v1/exit-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exit proposals", description = "Education providers propose exits; Jobcenter staff accept or reject them")
public class ExitProposalResource {

    @Inject
    ExitProposals proposals;

    /**
     * A page of exit proposals, oldest first, optionally only those of one {@code status}
     * ({@code PENDING}: the staff's worklist); total in {@code X-Total-Count}. Jobcenter staff see
     * their Jobcenter's, provider staff their provider's for their Jobcenter (of participations they
     * still see).
     */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.PROVIDER_STAFF})
    @Operation(operationId = "listExitProposals", summary = "List exit proposals",
            description = "A page of exit proposals, oldest first, optionally only those of one status (PENDING: the "
                    + "staff's worklist); total in X-Total-Count. Jobcenter staff see their Jobcenter's, provider "
                    + "staff their provider's for their Jobcenter (of participations they still see).")
    @APIResponse(responseCode = "200", description = "A page of exit proposals",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of matches"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ExitProposalView.class)))
    @APIResponse(responseCode = "400", description = "Unknown status, or bad paging", content = @Content(mediaType = "application/problem+json"))
    public Response list(@Parameter(description = "PENDING, ACCEPTED or REJECTED; all when absent", example = "PENDING",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 8, pattern = "^(PENDING|ACCEPTED|REJECTED)$"))
                         @QueryParam("status") String status, @BeanParam PageRequest paging) {
        ExitProposalStatus wanted = status(status);
        return Page.of(proposals.list(wanted, paging.page(), paging.size()).stream().map(ExitProposalView::of).toList(),
                proposals.count(wanted));
    }

    /** One exit proposal (the {@code Location} of a new one). */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.PROVIDER_STAFF})
    @Operation(operationId = "getExitProposal", summary = "Get an exit proposal",
            description = "One exit proposal (the Location of a new one).")
    @APIResponse(responseCode = "200", description = "The exit proposal", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ExitProposalView.class),
                    examples = @ExampleObject(name = "pending", value = OpenApiExamples.EXIT_PROPOSAL)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") String id) {
        return answer(proposals.visible(Ids.uuid("id", id)));
    }

    /**
     * Accepts a pending proposal (Jobcenter staff of the group's Jobcenter): the exit is recorded
     * with the proposal's date and reason exactly as by {@code POST /participations/{id}/exit}, its
     * {@code participation.exited.v1} published in the same transaction. 409
     * {@code exit-proposal-decided} when it was accepted or rejected already, and the answers of
     * recording an exit ({@code already-exited}, {@code participation-withdrawn}; 422 whose
     * {@code rule} names the date rule). Honours {@code If-Match} with the proposal's ETag.
     */
    @POST
    @Path("/{id}/accept")
    @Transactional
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "acceptExitProposal", summary = "Accept an exit proposal: record the exit",
            description = "Accepts a pending proposal (Jobcenter staff of the group's Jobcenter): the exit is recorded "
                    + "with the proposal's date and reason exactly as by POST /participations/{id/exit}, its "
                    + "participation.exited.v1 published in the same transaction. 409 exit-proposal-decided when it "
                    + "was accepted or rejected already, and the answers of recording an exit (already-exited, "
                    + "participation-withdrawn; 422 whose rule names the date rule). Honours If-Match with the "
                    + "proposal's ETag.")
    @APIResponse(responseCode = "200", description = "Accepted; the exit is recorded", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ExitProposalView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Decided already, or the participation ended or was withdrawn",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule of an exit is broken; `rule` names it",
            content = @Content(mediaType = "application/problem+json"))
    public Response accept(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(proposals.accept(Ids.uuid("id", id), ifMatch));
    }

    /**
     * Rejects a pending proposal with a {@code reason} for the provider's staff (Jobcenter staff
     * of the group's Jobcenter); nothing changes on the participation and nothing is published.
     * 409 {@code exit-proposal-decided} when it was accepted or rejected already. Honours
     * {@code If-Match} with the proposal's ETag.
     */
    @POST
    @Path("/{id}/reject")
    @Transactional
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "rejectExitProposal", summary = "Reject an exit proposal",
            description = "Rejects a pending proposal with a reason for the provider's staff (Jobcenter staff of the "
                    + "group's Jobcenter); nothing changes on the participation and nothing is published. 409 "
                    + "exit-proposal-decided when it was accepted or rejected already. Honours If-Match with the "
                    + "proposal's ETag.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = OpenApiExamples.REJECT_EXIT_PROPOSAL)))
    @APIResponse(responseCode = "200", description = "Rejected", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ExitProposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Decided already", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    public Response reject(@PathParam("id") String id, @NotNull @Valid ExitProposalRequests.Reject request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(proposals.reject(Ids.uuid("id", id), ifMatch, request.reason()));
    }

    static EntityTag tag(ExitProposal proposal) {
        return new EntityTag(String.valueOf(proposal.version));
    }

    private static Response answer(ExitProposal proposal) {
        return Response.ok(ExitProposalView.of(proposal)).tag(tag(proposal)).build();
    }

    private static ExitProposalStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ExitProposalStatus.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + Arrays.toString(ExitProposalStatus.values()));
        }
    }
}
