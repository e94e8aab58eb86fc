package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.OutcomeKind;
import de.nrw.activation.outcomes.knowledge.Knowledge;
import de.nrw.activation.outcomes.knowledge.KnownParticipant;
import de.nrw.activation.outcomes.knowledge.Participation;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.web.ETags;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Scheduling checkpoints when a participation ends, recording and correcting them, and the due list. */
@ApplicationScoped
public class FollowUps {

    @Inject
    Knowledge knowledge;

    @Inject
    FollowUpEvents events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Schedules the checkpoints of an ended participation, or moves the open ones to its exit date
     * in force (an exit correction). Idempotent: the same exit again changes nothing; recorded
     * checkpoints keep their due date. A withdrawn participation and an erased participant get no
     * checkpoints; the participant's row is locked so that an erasure applied at the same moment
     * waits for this and then drops what was scheduled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(Participation participation) {
        if (!participation.hasEnded() || participation.isWithdrawn() || erasedLocked(participation.participantId)) {
            return;
        }
        for (Checkpoint checkpoint : Checkpoint.values()) {
            em.createNativeQuery("INSERT INTO follow_up (id, participation_id, participant_id, jobcenter_id, checkpoint, due_date) "
                            + "VALUES (:id, :participation, :participant, :jobcenter, :checkpoint, :due) "
                            + "ON CONFLICT (participation_id, checkpoint) DO UPDATE "
                            + "SET due_date = EXCLUDED.due_date, version = follow_up.version + 1 "
                            + "WHERE follow_up.status IS NULL AND follow_up.due_date <> EXCLUDED.due_date")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("participation", participation.id)
                    .setParameter("participant", participation.participantId)
                    .setParameter("jobcenter", participation.jobcenterId)
                    .setParameter("checkpoint", checkpoint.name())
                    .setParameter("due", CheckpointDates.dueDate(checkpoint, participation.exitDate))
                    .executeUpdate();
        }
    }

    /** A withdrawn participation's open checkpoints leave the due list; recorded ones stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dropOpen(UUID participationId) {
        em.createNativeQuery("DELETE FROM follow_up WHERE participation_id = :participation AND status IS NULL")
                .setParameter("participation", participationId).executeUpdate();
    }

    /** An erased participant's open checkpoints leave the due list; recorded ones stay (anonymous facts). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dropOpenOfParticipant(UUID participantId) {
        em.createNativeQuery("DELETE FROM follow_up WHERE participant_id = :participant AND status IS NULL")
                .setParameter("participant", participantId).executeUpdate();
    }

    private boolean erasedLocked(UUID participantId) {
        List<?> erased = em.createNativeQuery("SELECT erased_at IS NOT NULL FROM known_participant WHERE id = :id FOR SHARE")
                .setParameter("id", participantId).getResultList();
        return !erased.isEmpty() && Boolean.TRUE.equals(erased.get(0));
    }

    /**
     * Records a checkpoint of a participation of the caller's Jobcenter: once (409 after), not
     * before its due date (422), not in the future (400); not for a withdrawn participation or an
     * erased participant (422: they have no open checkpoints).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUp record(UUID participationId, String jobcenterId, Checkpoint checkpoint, OutcomeKind status,
                           LocalDate checkedOn) {
        checkNotInFuture(checkedOn);
        Participation participation = knowledge.participation(participationId, jobcenterId);
        checkNotWithdrawn(participation);
        FollowUp followUp = locked(participation.id, checkpoint);
        if (followUp == null) {
            KnownParticipant participant = KnownParticipant.findById(participation.participantId);
            if (participant != null && participant.isErased()) {
                throw ProblemException.rule("participant-erased", "The participant of participation " + participationId
                        + " was erased: their open checkpoints were dropped");
            }
            throw ProblemException.rule("participation-not-ended",
                    "Participation " + participationId + " has not ended (no exit known yet): no checkpoint is scheduled");
        }
        if (followUp.isRecorded()) {
            throw ProblemException.conflict("follow-up-already-recorded",
                    "Checkpoint " + checkpoint + " of participation " + participationId + " was recorded on "
                            + followUp.checkedOn + "; correct it with PUT and its ETag");
        }
        checkDue(followUp, checkedOn);
        followUp.status = status;
        followUp.checkedOn = checkedOn;
        followUp.recordedAt = now();
        followUp.persistAndFlush();
        events.recorded(followUp);
        return followUp;
    }

    /**
     * Corrects a recorded checkpoint under the rules of recording. The checkpoint is locked and
     * {@code ifMatch} checked against its version (412 when stale); an open checkpoint is recorded
     * with POST, not corrected (409). A correction that changes nothing keeps the version and
     * publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUp correct(UUID participationId, String jobcenterId, Checkpoint checkpoint, String ifMatch,
                            OutcomeKind status, LocalDate checkedOn) {
        checkNotInFuture(checkedOn);
        Participation participation = knowledge.participation(participationId, jobcenterId);
        FollowUp followUp = locked(participation.id, checkpoint);
        if (followUp == null) {
            throw ProblemException.notFound("Checkpoint " + checkpoint + " of participation", participationId);
        }
        ETags.checkIfMatch(ifMatch, followUp.version);
        checkNotWithdrawn(participation);
        if (!followUp.isRecorded()) {
            throw ProblemException.conflict("follow-up-not-recorded", "Checkpoint " + checkpoint + " of participation "
                    + participationId + " is not recorded yet: record it with POST /participations/" + participationId
                    + "/follow-ups");
        }
        checkDue(followUp, checkedOn);
        if (followUp.sameAs(status, checkedOn)) {
            return followUp;
        }
        followUp.status = status;
        followUp.checkedOn = checkedOn;
        followUp.correctedAt = now();
        followUp.persistAndFlush();
        events.corrected(followUp);
        return followUp;
    }

    private FollowUp locked(UUID participationId, Checkpoint checkpoint) {
        return FollowUp.<FollowUp>find("participationId = ?1 and checkpoint = ?2", participationId, checkpoint)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private void checkNotInFuture(LocalDate checkedOn) {
        if (checkedOn.isAfter(today())) {
            throw ProblemException.badRequest("checkedOn", "must not be in the future");
        }
    }

    private static void checkNotWithdrawn(Participation participation) {
        if (participation.isWithdrawn()) {
            throw ProblemException.rule("participation-withdrawn", "Participation " + participation.id
                    + " was withdrawn (entered by mistake): it has no checkpoints to record or correct");
        }
    }

    private static void checkDue(FollowUp followUp, LocalDate checkedOn) {
        if (checkedOn.isBefore(followUp.dueDate)) {
            throw ProblemException.rule("follow-up-not-due", "Checkpoint " + followUp.checkpoint + " is due on "
                    + followUp.dueDate + "; checkedOn " + checkedOn + " is before");
        }
    }

    /** The participation's checkpoints (404 if unknown or another Jobcenter's), in checkpoint order. */
    public List<FollowUp> of(UUID participationId, String jobcenterId) {
        knowledge.participation(participationId, jobcenterId);
        return FollowUp.<FollowUp>list("participationId", Sort.by("dueDate"), participationId);
    }

    public FollowUp one(UUID participationId, String jobcenterId, Checkpoint checkpoint) {
        knowledge.participation(participationId, jobcenterId);
        FollowUp followUp = FollowUp.find("participationId = ?1 and checkpoint = ?2", participationId, checkpoint)
                .firstResult();
        if (followUp == null) {
            throw ProblemException.notFound("Checkpoint " + checkpoint + " of participation", participationId);
        }
        return followUp;
    }

    /** The Jobcenter's open checkpoints due on or before {@code until}, oldest first. */
    public List<FollowUp> due(String jobcenterId, LocalDate until, int page, int size) {
        return dueQuery(jobcenterId, until).page(Page.of(page, size)).list();
    }

    public long countDue(String jobcenterId, LocalDate until) {
        return dueQuery(jobcenterId, until).count();
    }

    public boolean isOverdue(FollowUp followUp) {
        return followUp.dueDate.isBefore(today());
    }

    /** To the microsecond, as the database keeps it: an answer and a later read of it show the same time. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Today in Germany, from the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private PanacheQuery<FollowUp> dueQuery(String jobcenterId, LocalDate until) {
        return FollowUp.find("jobcenterId = ?1 and status is null and dueDate <= ?2",
                Sort.by("dueDate").and("participationId").and("id"), jobcenterId, until);
    }
}
