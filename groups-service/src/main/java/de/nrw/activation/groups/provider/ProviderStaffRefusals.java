package de.nrw.activation.groups.provider;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Provider staff see the groups their provider runs and nothing else of this service: an endpoint
 * their role may not use answers them 404, as if it did not exist (issue 18: "everything else answers
 * 404 for them"), where the coordinator and ops get 403. Runs before the platform's mapper of the
 * same exception (priority 1), which answers everyone else.
 */
public class ProviderStaffRefusals {

    @ServerExceptionMapper(priority = 0)
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        if (request.getSecurityContext() != null && request.getSecurityContext().isUserInRole(Roles.PROVIDER_STAFF)) {
            return Problem.of(404, "not-found", "Not found", "No such resource", null, null, null).toResponse();
        }
        return Problem.of(403, "forbidden", "Forbidden", "Your role may not do this", null, null, null).toResponse();
    }
}
