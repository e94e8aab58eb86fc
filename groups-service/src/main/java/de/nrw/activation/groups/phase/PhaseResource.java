package de.nrw.activation.groups.phase;

import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import de.nrw.activation.groups.Validation;
import de.nrw.activation.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/**
 * The programme phases: Phase I and II of the model project, and any phase the coordinator
 * adds later (for example regular operation after the model project).
 */
@Path("/api/v1/phases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Phases", description = "Programme phases and the Jobcenters taking part")
public class PhaseResource {

    @Inject
    Phases phases;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uri;

    /**
     * Every phase, oldest first, with its period and its Jobcenters. Open to every role of this
     * service (provider staff too: phases hold nothing personal).
     */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.COORDINATOR, Roles.OPS, Roles.PROVIDER_STAFF})
    @Operation(operationId = "listPhases", summary = "List the programme phases",
            description = "Every phase, oldest first, with its period and its Jobcenters. Open to every role of this "
                    + "service (provider staff too: phases hold nothing personal).")
    @APIResponse(responseCode = "200", description = "The phases",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PhaseView.class, maxItems = Phases.MAX_PHASES),
                    examples = @ExampleObject(name = "phases", value = OpenApiExamples.PHASES)))
    public List<PhaseView> list() {
        return phases.all().stream().map(PhaseView::of).toList();
    }

    /** One phase. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.COORDINATOR, Roles.OPS, Roles.PROVIDER_STAFF})
    @Operation(operationId = "getPhase", summary = "Get a phase",
            description = "One phase.")
    @APIResponse(responseCode = "200", description = "The phase", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PhaseView.class)))
    @APIResponse(responseCode = "404", description = "Unknown phase", content = @Content(mediaType = "application/problem+json"))
    public Response get(@Parameter(description = "The phase's id", example = "PHASE_1", schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^" + Validation.PHASE_PATTERN + "$"))
                        @PathParam("id") String id) {
        Phase phase = phases.find(phaseId(id));
        return Response.ok(PhaseView.of(phase)).tag(tag(phase)).build();
    }

    /**
     * Adds a phase (coordinator only). The end date must not be before the start date (422
     * {@code phase-period}); an existing id answers 409. Send an {@code Idempotency-Key} to retry safely.
     */
    @POST
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "addPhase", summary = "Add a phase",
            description = "Adds a phase (coordinator only). The end date must not be before the start date (422 "
                    + "phase-period); an existing id answers 409. Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "add", value = OpenApiExamples.ADD_PHASE)))
    @APIResponse(responseCode = "201", description = "Added", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = PhaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "A phase with this id exists", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The period ends before it starts", content = @Content(mediaType = "application/problem+json"))
    public Response add(@NotNull @Valid PhaseRequests.Add request,
                        @Parameter(description = "Makes retries safe: the same key returns the first answer")
                        @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /phases", request, () -> {
            Phase phase = phases.add(request.id(), request.name(), request.startDate(), request.endDate(), request.jobcenterIds());
            return Response.created(uri.getAbsolutePathBuilder().path(phase.id).build())
                    .tag(tag(phase)).entity(PhaseView.of(phase)).build();
        });
    }

    /**
     * Changes a phase's name, period or Jobcenters (coordinator only). Groups already
     * scheduled stay as they are. Honours {@code If-Match} (412 when stale).
     */
    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "changePhase", summary = "Change a phase",
            description = "Changes a phase's name, period or Jobcenters (coordinator only). Groups already scheduled stay "
                    + "as they are. Honours If-Match (412 when stale).")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PhaseView.class)))
    @APIResponse(responseCode = "404", description = "Unknown phase", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The period ends before it starts", content = @Content(mediaType = "application/problem+json"))
    public Response change(@Parameter(description = "The phase's id", example = "PHASE_1", schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^" + Validation.PHASE_PATTERN + "$"))
                        @PathParam("id") String id, @NotNull @Valid PhaseRequests.Change request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Phase phase = phases.change(phaseId(id), ifMatch, request.name(), request.startDate(), request.endDate(), request.jobcenterIds());
        return Response.ok(PhaseView.of(phase)).tag(tag(phase)).build();
    }

    private static final java.util.regex.Pattern PHASE_ID = java.util.regex.Pattern.compile(Validation.PHASE_PATTERN);

    /** A phase id as documented (at most 40 upper-case letters, digits, underscores), else 400 naming the parameter. */
    static String phaseId(String raw) {
        if (raw == null || raw.length() > 40 || !PHASE_ID.matcher(raw).matches()) {
            throw ProblemException.badRequest("id", Validation.PHASE_MESSAGE);
        }
        return raw;
    }

    private static EntityTag tag(Phase phase) {
        return new EntityTag(String.valueOf(phase.version));
    }
}
