package de.nrw.activation.platform.testapp;

import de.nrw.activation.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;

/** Echoes a body with dates, the way the services read start dates, birth dates and session days. */
@Path("/api/dated")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class DatedResource {

    public record Dated(@NotNull LocalDate day, List<LocalDate> more) { }

    @POST
    public Dated echo(@NotNull @Valid Dated body) {
        return body;
    }
}
