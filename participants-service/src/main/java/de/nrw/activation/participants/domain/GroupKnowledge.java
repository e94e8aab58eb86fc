package de.nrw.activation.participants.domain;

import de.nrw.activation.contract.GroupData;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ParticipationWithdrawnData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the group events tell this service, applied inside the consumer's transaction, and the
 * question it answers: may a provider's staff see a participant today? Every write gives the same
 * rows whatever order the events come in and however often.
 */
@ApplicationScoped
public class GroupKnowledge {

    @Inject
    EntityManager em;

    /** Scheduled or changed: the provider running it (of two events, the later published wins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void group(GroupData group, Instant publishedAt) {
        em.createNativeQuery("INSERT INTO known_group (id, jobcenter_id, provider_id, end_date, event_time) "
                        + "VALUES (:id, :jobcenter, NULLIF(:provider, ''), CAST(:end AS date), CAST(:time AS timestamptz)) "
                        + "ON CONFLICT (id) DO UPDATE SET provider_id = EXCLUDED.provider_id, "
                        + "end_date = COALESCE(EXCLUDED.end_date, known_group.end_date), event_time = EXCLUDED.event_time "
                        + "WHERE known_group.event_time IS NULL OR EXCLUDED.event_time IS NULL "
                        + "OR EXCLUDED.event_time >= known_group.event_time")
                .setParameter("id", group.groupId()).setParameter("jobcenter", group.jobcenterId())
                .setParameter("provider", group.providerId() == null ? "" : group.providerId())
                .setParameter("end", group.endDate() == null ? null : group.endDate().toString())
                .setParameter("time", publishedAt == null ? null : publishedAt.toString())
                .executeUpdate(); // "" (no provider: the Jobcenter runs the group) is stored as NULL
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void entered(ParticipationEnteredData entry) {
        participation(entry.participationId(), entry.participantId(), entry.jobcenterId()).enter(entry.entryDate());
        inGroup(entry.participationId(), entry.groupId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void exited(ParticipationExitedData exit, boolean correction, Instant publishedAt) {
        participation(exit.participationId(), exit.participantId(), exit.jobcenterId())
                .exit(exit.exitDate(), correction, publishedAt);
        if (exit.groupId() != null) {
            inGroup(exit.participationId(), exit.groupId());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(ParticipationWithdrawnData withdrawal, Instant publishedAt) {
        participation(withdrawal.participationId(), withdrawal.participantId(), withdrawal.jobcenterId())
                .withdraw(publishedAt != null ? publishedAt : Instant.now());
        if (withdrawal.groupId() != null) {
            inGroup(withdrawal.participationId(), withdrawal.groupId());
        }
    }

    /** The participation left the old group on the transfer's date and is in the new one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transferred(ParticipationTransferredData transfer) {
        participation(transfer.participationId(), transfer.participantId(), transfer.jobcenterId());
        em.createNativeQuery("INSERT INTO participation_group (participation_id, group_id, left_on) VALUES (:p, :g, :d) "
                        + "ON CONFLICT (participation_id, group_id) DO UPDATE SET left_on = EXCLUDED.left_on")
                .setParameter("p", transfer.participationId()).setParameter("g", transfer.fromGroupId())
                .setParameter("d", transfer.date()).executeUpdate();
        inGroup(transfer.participationId(), transfer.toGroupId());
    }

    /**
     * True if {@code provider}, running a group for {@code jobcenterId}, may see the participant on
     * {@code today}: one of the participant's participations (not withdrawn) is or was in such a
     * group and ended there at most {@value ProviderAccessRule#DAYS_AFTER_END} days ago
     * ({@link ProviderAccessRule#lastDayInGroup}).
     */
    public boolean providerMaySee(UUID participantId, String jobcenterId, String provider, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> stays = em.createNativeQuery("SELECT kp.exit_date, pg.left_on, g.end_date FROM known_participation kp "
                        + "JOIN participation_group pg ON pg.participation_id = kp.id "
                        + "JOIN known_group g ON g.id = pg.group_id "
                        + "WHERE kp.participant_id = :participant AND kp.jobcenter_id = :jobcenter AND kp.withdrawn_at IS NULL "
                        + "AND g.jobcenter_id = :jobcenter AND g.provider_id = :provider")
                .setParameter("participant", participantId).setParameter("jobcenter", jobcenterId)
                .setParameter("provider", provider).getResultList();
        return stays.stream().anyMatch(stay -> ProviderAccessRule.open(
                ProviderAccessRule.lastDayInGroup(toDate(stay[0]), toDate(stay[1]), toDate(stay[2])), today));
    }

    private void inGroup(UUID participationId, UUID groupId) {
        em.createNativeQuery("INSERT INTO participation_group (participation_id, group_id) VALUES (:p, :g) "
                        + "ON CONFLICT (participation_id, group_id) DO NOTHING")
                .setParameter("p", participationId).setParameter("g", groupId).executeUpdate();
    }

    /** The stored participation, locked; created from this event's ids if it is the first one heard of. */
    private KnownParticipation participation(UUID id, UUID participantId, String jobcenterId) {
        KnownParticipation participation = em.find(KnownParticipation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (participation == null) {
            em.createNativeQuery("INSERT INTO known_participation (id, participant_id, jobcenter_id) "
                            + "VALUES (:id, :participant, :jobcenter) ON CONFLICT (id) DO NOTHING")
                    .setParameter("id", id).setParameter("participant", participantId)
                    .setParameter("jobcenter", jobcenterId).executeUpdate();
            participation = em.find(KnownParticipation.class, id, LockModeType.PESSIMISTIC_WRITE);
        }
        return participation;
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
