package de.nrw.activation.reporting.projection;

import de.nrw.activation.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Operations: how far the read model's projections are, and rebuilding it from the event log. */
@Path("/api/v1/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projections", description = "Status and rebuild of the reporting read model (operations)")
public class ProjectionResource {

    @Inject
    Projections projections;

    @Inject
    ProjectionStatusQuery status;

    @GET
    @Path("/status")
    @RolesAllowed({Roles.OPS, Roles.COORDINATOR})
    @Operation(operationId = "getProjectionStatus", summary = "Projection status and lag",
            description = """
            Per topic of the suite's events (participants, groups, outcomes): the events the read model has
            applied, the time of the newest one, the consumer lag (records not yet applied) and the dead
            letters (records that could never be applied). During a rebuild, `rebuild` shows the same for
            the generation being built. For operations and the coordinator.""")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = ProjectionStatus.class)))
    public ProjectionStatus status() {
        return status.status();
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.OPS)
    @Operation(operationId = "rebuildProjection", summary = "Rebuild the read model from the event log",
            description = """
            Rebuilds the read model from the beginning of the topics, into a new generation with a consumer
            group of its own. The reports keep answering from the current generation until the new one has
            caught up (lag 0); then they switch in one step. Answers 202 at once; follow the progress on
            `GET /api/v1/projections/status`. 409 while a rebuild runs.""")
    @APIResponse(responseCode = "202", description = "Rebuild started", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = ProjectionStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = "application/problem+json"))
    public Response rebuild() {
        projections.rebuild();
        return Response.accepted(status.status()).location(URI.create("/api/v1/projections/status")).build();
    }
}
