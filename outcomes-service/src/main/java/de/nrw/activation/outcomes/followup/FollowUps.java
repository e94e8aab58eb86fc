package de.nrw.activation.outcomes.followup;

import de.nrw.activation.outcomes.knowledge.Knowledge;
import de.nrw.activation.outcomes.knowledge.Participation;
import de.nrw.activation.outcomes.outcome.OutcomeKind;
import de.nrw.activation.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Scheduling checkpoints when a participation ends, recording them, and the due list. */
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
     * Schedules (or, for a changed exit date, re-schedules) the open checkpoints of an ended
     * participation. Idempotent: the same exit again changes nothing; recorded checkpoints keep
     * their due date.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(UUID participationId, UUID participantId, String jobcenterId, LocalDate exitDate) {
        for (Checkpoint checkpoint : Checkpoint.values()) {
            em.createNativeQuery("INSERT INTO follow_up (id, participation_id, participant_id, jobcenter_id, checkpoint, due_date) "
                            + "VALUES (:id, :participation, :participant, :jobcenter, :checkpoint, :due) "
                            + "ON CONFLICT (participation_id, checkpoint) DO UPDATE SET due_date = EXCLUDED.due_date "
                            + "WHERE follow_up.status IS NULL AND follow_up.due_date <> EXCLUDED.due_date")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("participation", participationId)
                    .setParameter("participant", participantId)
                    .setParameter("jobcenter", jobcenterId)
                    .setParameter("checkpoint", checkpoint.name())
                    .setParameter("due", checkpoint.dueDate(exitDate))
                    .executeUpdate();
        }
    }

    /**
     * Records a checkpoint of a participation of the caller's Jobcenter: once (409 after), not
     * before its due date (422), not in the future (400).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUp record(UUID participationId, String jobcenterId, Checkpoint checkpoint, OutcomeKind status,
                           LocalDate checkedOn) {
        if (checkedOn.isAfter(LocalDate.now(clock))) {
            throw ProblemException.badRequest("checkedOn", "must not be in the future");
        }
        Participation participation = knowledge.participation(participationId, jobcenterId);
        FollowUp followUp = FollowUp.find("participationId = ?1 and checkpoint = ?2", participation.id, checkpoint)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (followUp == null) {
            throw ProblemException.rule("participation-not-ended",
                    "Participation " + participationId + " has not ended (no exit known yet): no checkpoint is scheduled");
        }
        if (followUp.isRecorded()) {
            throw ProblemException.conflict("follow-up-already-recorded",
                    "Checkpoint " + checkpoint + " of participation " + participationId + " was recorded on "
                            + followUp.checkedOn);
        }
        if (checkedOn.isBefore(followUp.dueDate)) {
            throw ProblemException.rule("follow-up-not-due",
                    "Checkpoint " + checkpoint + " is due on " + followUp.dueDate + "; checkedOn " + checkedOn + " is before");
        }
        followUp.status = status;
        followUp.checkedOn = checkedOn;
        followUp.recordedAt = clock.instant();
        followUp.persistAndFlush();
        events.recorded(followUp);
        return followUp;
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

    /** Today in Germany, from the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private PanacheQuery<FollowUp> dueQuery(String jobcenterId, LocalDate until) {
        return FollowUp.find("jobcenterId = ?1 and status is null and dueDate <= ?2",
                Sort.by("dueDate").and("participationId").and("id"), jobcenterId, until);
    }
}
