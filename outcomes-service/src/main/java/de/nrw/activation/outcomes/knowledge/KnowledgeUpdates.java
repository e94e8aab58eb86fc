package de.nrw.activation.outcomes.knowledge;

import de.nrw.activation.outcomes.followup.FollowUps;
import de.nrw.activation.outcomes.outcome.Outcomes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Applies what the consumers learn. Every write is an upsert that gives the same rows whatever
 * order the events come in and however often: a participant is known from whichever event
 * names it first; an entry and an exit of one participation each fill in their own columns
 * (an exit before its entry schedules the checkpoints, the entry then adds its data).
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

    /** The outcomes stay (anonymous facts); the employer's name goes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void participantErased(UUID participantId, String jobcenterId) {
        em.createNativeQuery("INSERT INTO known_participant (id, jobcenter_id, erased_at) VALUES (:id, :jobcenter, now()) "
                        + "ON CONFLICT (id) DO UPDATE SET erased_at = COALESCE(known_participant.erased_at, EXCLUDED.erased_at)")
                .setParameter("id", participantId).setParameter("jobcenter", jobcenterId).executeUpdate();
        outcomes.forgetEmployer(participantId);
    }

    /** What an entry event tells; it is authoritative for the entry columns. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void participationEntered(ParticipationFacts p) {
        participantKnown(p.participantId(), p.jobcenterId());
        query("INSERT INTO participation (id, participant_id, jobcenter_id, group_id, phase_id, provider_type, entry_date) "
                + "VALUES (:id, :participant, :jobcenter, :group, :phase, :provider, :entry) "
                + "ON CONFLICT (id) DO UPDATE SET "
                + "group_id = COALESCE(EXCLUDED.group_id, participation.group_id), "
                + "phase_id = COALESCE(EXCLUDED.phase_id, participation.phase_id), "
                + "provider_type = COALESCE(EXCLUDED.provider_type, participation.provider_type), "
                + "entry_date = COALESCE(EXCLUDED.entry_date, participation.entry_date)", p)
                .executeUpdate();
    }

    /** What an exit event tells, then the checkpoints it schedules. Entry columns it only fills in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void participationExited(ParticipationFacts p) {
        participantKnown(p.participantId(), p.jobcenterId());
        query("INSERT INTO participation (id, participant_id, jobcenter_id, group_id, phase_id, provider_type, entry_date, "
                + "exit_date, exit_reason) "
                + "VALUES (:id, :participant, :jobcenter, :group, :phase, :provider, :entry, :exit, :reason) "
                + "ON CONFLICT (id) DO UPDATE SET "
                + "group_id = COALESCE(participation.group_id, EXCLUDED.group_id), "
                + "phase_id = COALESCE(participation.phase_id, EXCLUDED.phase_id), "
                + "provider_type = COALESCE(participation.provider_type, EXCLUDED.provider_type), "
                + "entry_date = COALESCE(participation.entry_date, EXCLUDED.entry_date), "
                + "exit_date = EXCLUDED.exit_date, "
                + "exit_reason = COALESCE(EXCLUDED.exit_reason, participation.exit_reason)", p)
                .setParameter("exit", p.exitDate(), LocalDate.class)
                .setParameter("reason", p.exitReason(), String.class)
                .executeUpdate();
        // The participation row decides: its participant and Jobcenter are the ones first learned.
        Participation stored = em.find(Participation.class, p.participationId());
        em.refresh(stored);
        followUps.schedule(stored.id, stored.participantId, stored.jobcenterId, stored.exitDate);
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object> query(String sql, ParticipationFacts p) {
        NativeQuery<Object> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.setParameter("id", p.participationId(), UUID.class)
                .setParameter("participant", p.participantId(), UUID.class)
                .setParameter("jobcenter", p.jobcenterId(), String.class)
                .setParameter("group", p.groupId(), UUID.class)
                .setParameter("phase", p.phaseId(), String.class)
                .setParameter("provider", p.providerType(), String.class)
                .setParameter("entry", p.entryDate(), LocalDate.class);
        return query;
    }

    /** The fields of a participation event this service uses; all but the ids and Jobcenter may be null. */
    public record ParticipationFacts(UUID participationId, UUID participantId, String jobcenterId, UUID groupId,
                                     String phaseId, String providerType, LocalDate entryDate, LocalDate exitDate,
                                     String exitReason) {
    }
}
