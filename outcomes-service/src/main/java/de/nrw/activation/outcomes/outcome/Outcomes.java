package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.contract.OutcomeKind;
import de.nrw.activation.outcomes.knowledge.Knowledge;
import de.nrw.activation.outcomes.knowledge.KnownParticipant;
import de.nrw.activation.platform.idempotency.Idempotency;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Recording and correcting outcomes, each committed together with its event. */
@ApplicationScoped
public class Outcomes {

    @Inject
    Knowledge knowledge;

    @Inject
    OutcomeEvents events;

    @Inject
    EntityManager em;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @ConfigProperty(name = "outcomes.start-date-margin-days", defaultValue = "30")
    int startDateMarginDays;

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(String jobcenterId, UUID participantId, OutcomeFacts facts) {
        KnownParticipant participant = knowledge.participant(participantId, jobcenterId);
        checkRules(participant, facts);
        Instant now = clock.instant();
        Outcome outcome = new Outcome();
        outcome.id = UUID.randomUUID();
        outcome.participantId = participantId;
        outcome.jobcenterId = jobcenterId;
        outcome.recordedAt = now;
        outcome.apply(facts, now);
        outcome.persistAndFlush();
        events.recorded(outcome);
        return outcome;
    }

    /** The outcome if it belongs to the Jobcenter; 404 otherwise. */
    public Outcome find(UUID id, String jobcenterId) {
        Outcome outcome = Outcome.findById(id);
        if (outcome == null || !outcome.jobcenterId.equals(jobcenterId)) {
            throw ProblemException.notFound("Outcome", id);
        }
        return outcome;
    }

    /**
     * Corrects an outcome (locked, so two corrections with the same ETag cannot both win).
     * A correction that changes nothing keeps the version and publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome correct(UUID id, String jobcenterId, String ifMatch, OutcomeFacts facts) {
        Outcome outcome = em.find(Outcome.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (outcome == null || !outcome.jobcenterId.equals(jobcenterId)) {
            throw ProblemException.notFound("Outcome", id);
        }
        ETags.checkIfMatch(ifMatch, outcome.version);
        checkRules(KnownParticipant.findById(outcome.participantId), facts);
        if (outcome.sameAs(facts)) {
            return outcome;
        }
        outcome.apply(facts, clock.instant());
        outcome.persistAndFlush();
        events.corrected(outcome);
        return outcome;
    }

    public List<Outcome> list(String jobcenterId, UUID participantId, int page, int size) {
        return query(jobcenterId, participantId).page(Page.of(page, size)).list();
    }

    public long count(String jobcenterId, UUID participantId) {
        return query(jobcenterId, participantId).count();
    }

    /**
     * Erasure of a participant: the outcomes stay (anonymous facts), the employer's name goes.
     * Called by the participant-events consumer inside its transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetEmployer(UUID participantId) {
        int changed = em.createNativeQuery("UPDATE outcome SET employer = NULL, version = version + 1, changed_at = now() "
                        + "WHERE participant_id = :participant AND employer IS NOT NULL")
                .setParameter("participant", participantId).executeUpdate();
        // Stored idempotent answers repeat the employer: they still replay, without the name.
        idempotency.forget(participantId, "employer");
        return changed;
    }

    private PanacheQuery<Outcome> query(String jobcenterId, UUID participantId) {
        Sort order = Sort.by("startDate").and("recordedAt").and("id");
        if (participantId == null) {
            return Outcome.find("jobcenterId = ?1", order, jobcenterId);
        }
        return Outcome.find("jobcenterId = ?1 and participantId = ?2", order, jobcenterId, participantId);
    }

    private void checkRules(KnownParticipant participant, OutcomeFacts facts) {
        if (facts.kind() != OutcomeKind.EMPLOYMENT && (facts.temporaryAgency() || facts.fixedTerm())) {
            throw ProblemException.rule("flags-only-on-employment",
                    "temporaryAgency and fixedTerm describe an " + OutcomeKind.EMPLOYMENT + " only, not " + facts.kind());
        }
        if (facts.employer() != null && participant != null && participant.isErased()) {
            throw ProblemException.rule("participant-erased",
                    "The participant's personal data was erased: no employer may be stored for them");
        }
        knowledge.firstEntry(participant == null ? null : participant.id).ifPresent(firstEntry -> {
            LocalDate earliest = firstEntry.minusDays(startDateMarginDays);
            if (facts.startDate().isBefore(earliest)) {
                throw ProblemException.rule("start-before-first-entry",
                        "startDate must not be before " + earliest + " (the participant's first entry into a group, "
                                + firstEntry + ", minus " + startDateMarginDays + " days)");
            }
        });
    }
}
