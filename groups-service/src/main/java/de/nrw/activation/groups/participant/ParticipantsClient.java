package de.nrw.activation.groups.participant;

import de.nrw.activation.contract.AgeBand;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * participants-service's age-band endpoint. The caller's {@code Authorization} header is passed
 * on ({@code org.eclipse.microprofile.rest.client.propagateHeaders}), so participants-service
 * applies its own rules to the same caller: staff of the participant's Jobcenter only.
 */
@RegisterRestClient(configKey = "participants")
@RegisterClientHeaders
@Path("/api/v1/participants")
@Produces(MediaType.APPLICATION_JSON)
public interface ParticipantsClient {

    /** participants-service's answer; the birth date is not part of it. */
    record AgeBandOn(UUID participantId, LocalDate on, AgeBand ageBand) { }

    @GET
    @Path("/{id}/age-band")
    AgeBandOn ageBand(@PathParam("id") UUID participantId, @QueryParam("on") LocalDate on);
}
