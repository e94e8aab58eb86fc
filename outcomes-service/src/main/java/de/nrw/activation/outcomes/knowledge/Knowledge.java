package de.nrw.activation.outcomes.knowledge;

import de.nrw.activation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What this service knows of other services' aggregates, as the API needs it. Something
 * unknown and something of another Jobcenter look the same: 404.
 */
@ApplicationScoped
public class Knowledge {

    @Inject
    EntityManager em;

    /** The participant if an event named it and it belongs to the Jobcenter; 404 otherwise. */
    public KnownParticipant participant(UUID id, String jobcenterId) {
        KnownParticipant participant = KnownParticipant.findById(id);
        if (participant == null || !participant.jobcenterId.equals(jobcenterId)) {
            throw ProblemException.notFound("Participant", id);
        }
        return participant;
    }

    /** The participation if an event named it and it belongs to the Jobcenter; 404 otherwise. */
    public Participation participation(UUID id, String jobcenterId) {
        Participation participation = Participation.findById(id);
        if (participation == null || !participation.jobcenterId.equals(jobcenterId)) {
            throw ProblemException.notFound("Participation", id);
        }
        return participation;
    }

    /**
     * The participant's earliest known entry into a group, if any entry is known yet. A withdrawn
     * participation was entered by mistake: its entry does not count.
     */
    public Optional<LocalDate> firstEntry(UUID participantId) {
        return Optional.ofNullable(em.createQuery(
                        "select min(p.entryDate) from Participation p where p.participantId = :participant "
                                + "and p.withdrawnAt is null", LocalDate.class)
                .setParameter("participant", participantId).getSingleResult());
    }
}
