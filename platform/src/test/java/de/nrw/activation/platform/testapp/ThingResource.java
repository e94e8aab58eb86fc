package de.nrw.activation.platform.testapp;

import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.web.ETags;
import de.nrw.activation.platform.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.UUID;

/** Creates things the way the services create their aggregates: tenant checks, Idempotency-Key, problems. */
@Path("/api/things")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class ThingResource {

    public record NewThing(@NotBlank @Size(max = 50) String name, @NotNull Thing.Kind kind) { }

    public record ThingView(UUID id, String jobcenterId, String name, Thing.Kind kind) {
        static ThingView of(Thing thing) {
            return new ThingView(thing.id, thing.jobcenterId, thing.name, thing.kind);
        }
    }

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    /** Creates a thing of the caller's Jobcenter; the name "explode" fails after the row is written. */
    @POST
    @Transactional
    @APIResponse(responseCode = "201", description = "Created", headers = {@Header(name = "Location"), @Header(name = "ETag")})
    public Response create(@NotNull @Valid NewThing request, @HeaderParam(Idempotency.HEADER) String key) {
        String jobcenter = caller.staffJobcenter();
        return idempotency.once(key, "POST /things", request, () -> {
            Thing thing = new Thing();
            thing.id = UUID.randomUUID();
            thing.jobcenterId = jobcenter;
            thing.name = request.name();
            thing.kind = request.kind();
            thing.persistAndFlush();
            if (request.name().equals("explode")) {
                throw new IllegalStateException("failed after writing " + request.name());
            }
            return Idempotency.about(thing.id, Response.created(URI.create("/api/things/" + thing.id))
                    .tag("1").entity(ThingView.of(thing)).build());
        });
    }

    /**
     * Stores a thing without a Jobcenter: the database refuses the row (NOT NULL) and its error
     * text repeats the row's values, the name included (what must never reach the log).
     */
    @POST
    @Path("/orphans")
    @Transactional
    public Response orphan(@NotNull @Valid NewThing request) {
        Thing thing = new Thing();
        thing.id = UUID.randomUUID();
        thing.name = request.name();
        thing.kind = request.kind();
        thing.persistAndFlush();
        return Response.noContent().build();
    }

    /** A thing of the caller's Jobcenter; another Jobcenter's answers 404. */
    @GET
    @Path("/{id}")
    public ThingView get(@PathParam("id") String id) {
        Thing thing = Thing.findById(Ids.uuid("id", id));
        if (thing == null || !caller.owns(thing.jobcenterId)) {
            throw ProblemException.notFound("Thing", id);
        }
        return ThingView.of(thing);
    }

    /** Erases the thing's name, and with it the stored idempotent answers about it. */
    @DELETE
    @Path("/{id}/name")
    @Transactional
    @APIResponse(responseCode = "403", description = "Only the owner's staff may erase")
    public Response erase(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        Thing thing = Thing.findById(Ids.uuid("id", id));
        if (thing == null || !caller.owns(thing.jobcenterId)) {
            throw ProblemException.notFound("Thing", id);
        }
        ETags.checkIfMatch(ifMatch, 1);
        thing.name = null;
        idempotency.forget(thing.id);
        return Response.noContent().build();
    }
}
