package de.nrw.activation.outcomes.knowledge;

import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ParticipationWithdrawnData;
import de.nrw.activation.outcomes.followup.FollowUps;
import de.nrw.activation.outcomes.outcome.Outcomes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Applies what the consumers learn, inside their transaction. Every write gives the same rows
 * whatever order the events come in and however often: a participant is known from whichever
 * event names it first; a participation is created by whichever of its events comes first and
 * {@link Participation} decides what each later one changes; the checkpoints then follow the
 * participation's state (scheduled once it has ended, moved with its exit date, dropped while
 * unrecorded when it is withdrawn or its participant erased).
 */
@ApplicationScoped
public class KnowledgeUpdates {

    @Inject
    EntityManager em;

    @Inject
    FollowUps followUps;

    @Inject
    Outcomes outcomes;

    /** Registered, changed, or named by a participation: the participant's Jobcenter never changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void participantKnown(UUID participantId, String jobcenterId) {
        em.createNativeQuery("INSERT INTO known_participant (id, jobcenter_id) VALUES (:id, :jobcenter) "
                        + "ON CONFLICT (id) DO NOTHING")
                .setParameter("id", participantId).setParameter("jobcenter", jobcenterId).executeUpdate();
    }

    /**
     * The outcomes and recorded checkpoints stay (anonymous facts); the employer's name and the
     * open checkpoints go. The update locks the participant's row, so an exit applied at the same
     * moment either sees the erasure or has its checkpoints dropped here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void participantErased(UUID participantId, String jobcenterId) {
        em.createNativeQuery("INSERT INTO known_participant (id, jobcenter_id, erased_at) VALUES (:id, :jobcenter, now()) "
                        + "ON CONFLICT (id) DO UPDATE SET erased_at = COALESCE(known_participant.erased_at, EXCLUDED.erased_at)")
                .setParameter("id", participantId).setParameter("jobcenter", jobcenterId).executeUpdate();
        outcomes.forgetEmployer(participantId);
        followUps.dropOpenOfParticipant(participantId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void participationEntered(ParticipationEnteredData entry) {
        participation(entry.participationId(), entry.participantId(), entry.jobcenterId()).enter(entry);
    }

    /** An exit or an exit correction, then the checkpoints of the exit in force. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void participationExited(ParticipationExitedData exit, boolean correction, Instant publishedAt) {
        Participation participation = participation(exit.participationId(), exit.participantId(), exit.jobcenterId());
        participation.exit(exit, correction, publishedAt);
        followUps.schedule(participation);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void participationWithdrawn(ParticipationWithdrawnData withdrawal, Instant publishedAt) {
        Participation participation = participation(withdrawal.participationId(), withdrawal.participantId(),
                withdrawal.jobcenterId());
        participation.withdraw(withdrawal.groupId(), publishedAt != null ? publishedAt : Instant.now());
        followUps.dropOpen(participation.id);
    }

    /** The participation keeps its checkpoints; only its group changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void participationTransferred(ParticipationTransferredData transfer, Instant publishedAt) {
        participation(transfer.participationId(), transfer.participantId(), transfer.jobcenterId())
                .transfer(transfer, publishedAt);
    }

    /**
     * The stored participation, locked, created from this event's ids if it is the first one heard
     * of. Its participant and Jobcenter are the ones first learned.
     */
    private Participation participation(UUID id, UUID participantId, String jobcenterId) {
        participantKnown(participantId, jobcenterId);
        Participation participation = em.find(Participation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (participation == null) {
            em.createNativeQuery("INSERT INTO participation (id, participant_id, jobcenter_id) "
                            + "VALUES (:id, :participant, :jobcenter) ON CONFLICT (id) DO NOTHING")
                    .setParameter("id", id).setParameter("participant", participantId)
                    .setParameter("jobcenter", jobcenterId).executeUpdate();
            participation = em.find(Participation.class, id, LockModeType.PESSIMISTIC_WRITE);
        }
        return participation;
    }
}
