package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.outcomes.OpenApiExamples;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.security.Caller;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import java.util.stream.Collectors;

/**
 * Outcomes (Verbleib) of the caller's Jobcenter's participants: integrations into employment,
 * apprenticeship or self-employment, and other whereabouts. Jobcenter staff only.
 */
@Path("/api/v1/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Outcomes", description = "Record, correct and list participants' outcomes")
public class OutcomeResource {

    @Inject
    Outcomes outcomes;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uri;

    /**
     * Records an outcome of a participant of the caller's Jobcenter, known to this service from
     * the participant or group events (404 otherwise). {@code temporaryAgency} and {@code fixedTerm}
     * are for EMPLOYMENT only (422 otherwise); {@code startDate} may lie at most 30 days before the
     * participant's first entry into a group (422 otherwise; any date while no entry is known).
     * Publishes {@code outcome.recorded.v1} (without the employer). Send an {@code Idempotency-Key}
     * to retry safely.
     */
    @POST
    @Transactional
    @Operation(operationId = "recordOutcome", summary = "Record an outcome", description = "Records an integration (EMPLOYMENT, APPRENTICESHIP, "
            + "SELF_EMPLOYMENT) or another whereabouts (MINIJOB, UNEMPLOYED, OTHER) of a participant of the caller's "
            + "Jobcenter, known to this service from the participant or group events (404 otherwise). temporaryAgency "
            + "and fixedTerm are for EMPLOYMENT only (422). startDate may lie at most 30 days before the participant's "
            + "first entry into a group (422); while no entry is known, any date is accepted. The employer (at most 200 "
            + "characters) is never published. Publishes outcome.recorded.v1. Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "employment", value = OpenApiExamples.RECORD_OUTCOME)))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = OutcomeView.class),
                    examples = @ExampleObject(name = "recorded", value = OpenApiExamples.OUTCOME)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Participant unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Flags on a kind other than EMPLOYMENT, start date too early, "
            + "employer for an erased participant, or Idempotency-Key reused with another body",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "flags", value = OpenApiExamples.RULE_PROBLEM)))
    public Response record(@NotNull @Valid OutcomeRequests.Record request,
                           @Parameter(description = "Makes retries safe: the same key returns the first answer")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        String jobcenter = caller.staffJobcenter();
        return idempotency.once(idempotencyKey, "POST /outcomes", request, () -> {
            Outcome outcome = outcomes.record(jobcenter, request.participantId(), OutcomeFacts.of(request.kind(),
                    request.startDate(), request.temporaryAgency(), request.fixedTerm(), request.employer()));
            // the stored answer repeats the employer: the participant is its subject (erasure forgets it)
            return Idempotency.about(request.participantId(),
                    Response.created(uri.getAbsolutePathBuilder().path(outcome.id.toString()).build())
                            .tag(tag(outcome)).entity(OutcomeView.of(outcome)).build());
        });
    }

    /** One outcome of the caller's Jobcenter; another Jobcenter's answers 404. */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getOutcome", summary = "Get an outcome", description = "One outcome of the caller's Jobcenter; another Jobcenter's answers 404.")
    @APIResponse(responseCode = "200", description = "The outcome", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") String id) {
        Outcome outcome = outcomes.find(Ids.uuid("id", id), caller.staffJobcenter());
        return Response.ok(OutcomeView.of(outcome)).tag(tag(outcome)).build();
    }

    /**
     * A page of the caller's Jobcenter's outcomes, earliest start first; with
     * {@code participantId} only that participant's. The total is in {@code X-Total-Count}.
     */
    @GET
    @Operation(operationId = "listOutcomes", summary = "List outcomes, per participant", description = "A page of the caller's Jobcenter's outcomes, "
            + "earliest start first; with participantId only that participant's. The total is in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of outcomes",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of matches"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OutcomeView.class)))
    public Response list(@Parameter(description = "Only this participant's outcomes",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 36, pattern = Ids.UUID_PATTERN))
                         @QueryParam("participantId") String participantId,
                         @BeanParam PageRequest paging) {
        String jobcenter = caller.staffJobcenter();
        UUID participant = participantId == null ? null : Ids.uuid("participantId", participantId);
        List<OutcomeView> items = outcomes.list(jobcenter, participant, paging.page(), paging.size()).stream()
                .map(OutcomeView::of).collect(Collectors.toList());
        return Page.of(items, outcomes.count(jobcenter, participant));
    }

    /**
     * Corrects an outcome (same rules as recording). Send the {@code ETag} you read as
     * {@code If-Match}: a stale one answers 412 and changes nothing. Publishes
     * {@code outcome.corrected.v1} when something changed.
     */
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "correctOutcome", summary = "Correct an outcome", description = "Corrects an outcome under the rules of recording. Send the "
            + "ETag you read as If-Match: a stale one answers 412 and changes nothing. Publishes outcome.corrected.v1 "
            + "when something changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "correct", value = OpenApiExamples.CORRECT_OUTCOME)))
    @APIResponse(responseCode = "200", description = "Corrected", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule of recording is broken",
            content = @Content(mediaType = "application/problem+json"))
    public Response correct(@PathParam("id") String id, @NotNull @Valid OutcomeRequests.Correct request,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Outcome outcome = outcomes.correct(Ids.uuid("id", id), caller.staffJobcenter(), ifMatch,
                OutcomeFacts.of(request.kind(), request.startDate(), request.temporaryAgency(), request.fixedTerm(),
                        request.employer()));
        return Response.ok(OutcomeView.of(outcome)).tag(tag(outcome)).build();
    }

    private static EntityTag tag(Outcome outcome) {
        return new EntityTag(String.valueOf(outcome.version));
    }
}
