package de.nrw.activation.platform.testapp;

import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Fails the ways domain code fails, so the tests can see what a client gets. */
@Path("/api/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {

    @GET
    @Path("/{kind}")
    @RolesAllowed(Roles.STAFF)
    public String fail(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "conflict" -> ProblemException.conflict("thing-taken", "The thing is taken");
            case "rule" -> ProblemException.rule("thing-too-large", "Things are small");
            case "stale" -> ProblemException.stale("\"7\"");
            case "forbidden" -> ProblemException.forbidden("Not for you");
            // a message with personal data, as a driver's constraint message can have
            default -> new IllegalStateException("duplicate key (name)=(Erika Mustermann)");
        };
    }

    @GET
    @Path("/coordinators-only")
    @RolesAllowed(Roles.COORDINATOR)
    public String coordinatorsOnly() {
        return "{}";
    }
}
