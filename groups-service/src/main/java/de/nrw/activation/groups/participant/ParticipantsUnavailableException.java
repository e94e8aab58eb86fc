package de.nrw.activation.groups.participant;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.platform.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * 503: participants-service, which alone knows a participant's age band on a day, could not be
 * asked. Nothing was stored; the same request (with the same {@code Idempotency-Key}) can be
 * sent again after {@code Retry-After} seconds.
 */
public class ParticipantsUnavailableException extends ProblemException {

    public static final String TYPE = "participants-unavailable";

    private final int retryAfterSeconds;

    public ParticipantsUnavailableException(int retryAfterSeconds) {
        super(503, TYPE, "Service unavailable",
                "participants-service cannot be reached to tell the participant's age band on the entry date; "
                        + "nothing was recorded, try again later", null, Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The platform's problem answer, plus {@code Retry-After} (which a problem body cannot carry). */
    public static class Mapper {

        @ServerExceptionMapper
        public Response unavailable(ParticipantsUnavailableException e) {
            Response problem = Problem.of(e.status(), e.type(), e.title(), e.getMessage(), null, null, e.extensions())
                    .toResponse();
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
    }
}
