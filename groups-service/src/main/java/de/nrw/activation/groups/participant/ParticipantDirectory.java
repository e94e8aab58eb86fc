package de.nrw.activation.groups.participant;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What only participants-service can tell: a participant's age band on a given day. It is the
 * one who knows the birth date, and the birth date never leaves it, so the band on an entry
 * date is asked for at entry (with the caller's own token) rather than copied from the last
 * participant event, whose band is the one on the day of that event.
 */
@ApplicationScoped
public class ParticipantDirectory {

    private static final Logger LOG = Logger.getLogger(ParticipantDirectory.class);

    @Inject
    @RestClient
    ParticipantsClient client;

    @ConfigProperty(name = "participants.retry-after-seconds", defaultValue = "5")
    int retryAfterSeconds;

    /**
     * The participant's band on {@code day}. 404 when participants-service does not know them
     * (for the caller's Jobcenter), 422 {@code participant-erased} when it answers that they
     * were erased; 503 {@link ParticipantsUnavailableException} when it cannot be asked (down,
     * slower than the configured timeouts, or any other answer), so that the entry is refused
     * as a whole and can be retried.
     */
    public AgeBand ageBandOn(UUID participantId, LocalDate day) {
        ParticipantsClient.AgeBandOn answer;
        try {
            answer = client.ageBand(participantId, day);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ProblemException.notFound("Participant", participantId);
            }
            if (status == 410) {
                throw ProblemException.rule("participant-erased", "Participant " + participantId + " was erased");
            }
            // the message and headers are not logged: they may echo the caller's token
            LOG.warnf("participants-service answered the age band with HTTP %d; entry refused with 503", status);
            throw unavailable();
        } catch (ProcessingException e) {
            LOG.warnf("participants-service could not be asked for the age band (%s); entry refused with 503",
                    rootOf(e).getClass().getName());
            throw unavailable();
        }
        if (answer == null || answer.ageBand() == null) {
            LOG.warn("participants-service answered the age band without a band; entry refused with 503");
            throw unavailable();
        }
        return answer.ageBand();
    }

    private ParticipantsUnavailableException unavailable() {
        return new ParticipantsUnavailableException(retryAfterSeconds);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
