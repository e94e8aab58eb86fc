package de.nrw.activation.groups.participation;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.group.Groups;
import de.nrw.activation.groups.participant.KnownParticipant;
import de.nrw.activation.groups.participant.ParticipantDirectory;
import de.nrw.activation.groups.provider.ProviderScope;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The life of a participation: entry, exit and its correction, withdrawal, transfer, and the
 * exits a group's cancellation causes; each committed together with its event. The group row
 * and the participant's row are locked while the capacity and overlap rules are checked, so
 * two concurrent entries cannot both take the last place or overlap each other.
 *
 * <p>A withdrawn participation counts nowhere: it takes no place, blocks no period and has no
 * attendance. A participation takes a place in a group for its stay there ({@link GroupStay}):
 * from its entry (or transfer in) to its exit, its transfer out, or else the group's end.
 */
@ApplicationScoped
public class Participations {

    /** A stay's last day in its group: the day before a transfer out, else the exit, else the group's end. */
    private static final String STAY = """
            SELECT p.id AS participation_id, p.participant_id, h.from_date AS f,
                   COALESCE(h.to_date, p.exit_date, g.end_date) AS t
            FROM participation_group h
            JOIN participation p ON p.id = h.participation_id
            JOIN activation_group g ON g.id = h.group_id
            WHERE h.group_id = :g AND p.withdrawn_at IS NULL""";

    @Inject
    Groups groups;

    @Inject
    ParticipationEvents events;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ParticipantDirectory participants;

    @Inject
    ProviderScope providers;

    /**
     * A participant known from participant-events enters a group of the caller's Jobcenter.
     * 404: unknown group or participant, or another Jobcenter's; 422: erased participant,
     * cancelled group, entry outside the group's period; 409: no place left, or the person's
     * participations would overlap.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participation enter(UUID groupId, UUID participantId, LocalDate entryDate) {
        Group group = groups.ownLocked(groupId);
        KnownParticipant participant = em.find(KnownParticipant.class, participantId, LockModeType.PESSIMISTIC_WRITE);
        if (participant == null || !participant.jobcenterId.equals(group.jobcenterId)) {
            throw ProblemException.notFound("Participant", participantId);
        }
        if (participant.erased || !participant.hasProfile()) {
            throw ProblemException.rule("participant-erased", "Participant " + participantId + " was erased");
        }
        if (group.isCancelled()) {
            throw ProblemException.rule("group-cancelled", "Group " + group.id + " was cancelled on " + group.cancelledOn);
        }
        if (!group.runsOn(entryDate)) {
            throw ProblemException.rule("entry-outside-group-period", "The entry date must lie in the group's period "
                    + group.startDate + " .. " + group.endDate);
        }
        requirePlace(group, entryDate);
        requireNoOverlap(participantId, null, entryDate, group.endDate);
        Participation participation = new Participation();
        participation.id = UUID.randomUUID();
        participation.groupId = group.id;
        participation.participantId = participantId;
        participation.jobcenterId = group.jobcenterId;
        participation.entryDate = entryDate;
        participation.gender = participant.gender;
        // the band on the entry date, not the one of the last participant event (that is the band
        // on the event's day); only participants-service knows it. Asked last, once every local
        // rule has passed, so a refused entry costs no call; unavailable -> 503, nothing stored
        participation.ageBand = participants.ageBandOn(participantId, entryDate);
        participation.customerType = participant.customerType;
        participation.labourMarketDistance = participant.labourMarketDistance;
        participation.vocationalQualification = participant.vocationalQualification;
        participation.enteredAt = clock.instant();
        participation.persist();
        GroupStay.begin(participation.id, group.id, entryDate).persist();
        em.flush();
        events.entered(participation, group);
        return participation;
    }

    /**
     * Records the exit. 409 when it was recorded already or the participation was withdrawn;
     * 422 for an exit before the entry (or the transfer into the current group), after the
     * group's end or its cancellation, or in the future.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participation exit(UUID id, String ifMatch, LocalDate exitDate, ExitReason reason) {
        Participation participation = own(id, LockModeType.PESSIMISTIC_WRITE);
        requireNotWithdrawn(participation);
        requireNotExited(participation);
        ETags.checkIfMatch(ifMatch, participation.version);
        Group group = Group.findById(participation.groupId);
        requireValidExit(participation, group, exitDate);
        participation.exit(exitDate, reason, false, clock.instant());
        em.flush();
        events.exited(participation, group);
        return participation;
    }

    /**
     * Corrects a recorded exit (date and/or reason) under the rules of a first recording. 409 when
     * no exit was recorded or the participation was withdrawn. The same date and reason again
     * change nothing and publish nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participation correctExit(UUID id, String ifMatch, LocalDate exitDate, ExitReason reason) {
        Participation participation = own(id, LockModeType.PESSIMISTIC_WRITE);
        requireNotWithdrawn(participation);
        if (!participation.hasExited()) {
            throw ProblemException.conflict("not-exited", "No exit was recorded yet; record it with POST .../exit");
        }
        ETags.checkIfMatch(ifMatch, participation.version);
        if (participation.exitDate.equals(exitDate) && participation.exitReason == reason) {
            return participation;
        }
        Group group = Group.findById(participation.groupId);
        requireValidExit(participation, group, exitDate);
        participation.correctExit(exitDate, reason, clock.instant());
        em.flush();
        events.exitCorrected(participation, group);
        return participation;
    }

    /**
     * Withdraws a participation entered by mistake: it is kept, marked withdrawn, and frees its
     * place and its period. Withdrawing it again changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participation withdraw(UUID id, String ifMatch, String reason) {
        Participation participation = own(id, LockModeType.PESSIMISTIC_WRITE);
        if (participation.isWithdrawn()) {
            return participation;
        }
        ETags.checkIfMatch(ifMatch, participation.version);
        participation.withdraw(reason.strip(), clock.instant());
        em.flush();
        events.withdrawn(participation);
        return participation;
    }

    /**
     * Moves an open participation to another group of the same Jobcenter and phase; {@code date}
     * is its first day in the new group. It keeps its id, entry date and attributes at entry.
     * 404: unknown group or another Jobcenter's; 409: ended or withdrawn, no place left, an
     * overlapping participation; 422: the rule named in {@code rule}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participation transfer(UUID id, String ifMatch, UUID toGroupId, LocalDate date) {
        Participation participation = own(id, LockModeType.PESSIMISTIC_WRITE);
        requireNotWithdrawn(participation);
        if (participation.hasExited()) {
            throw ProblemException.conflict("already-exited", "The participation ended on " + participation.exitDate);
        }
        ETags.checkIfMatch(ifMatch, participation.version);
        Group from = Group.findById(participation.groupId);
        Group to = groups.ownLocked(toGroupId);
        em.find(KnownParticipant.class, participation.participantId, LockModeType.PESSIMISTIC_WRITE);
        if (to.id.equals(from.id)) {
            throw ProblemException.rule("transfer-same-group", "The participation is in group " + to.id + " already");
        }
        if (!to.phaseId.equals(from.phaseId)) {
            throw ProblemException.rule("transfer-other-phase", "A transfer stays in the phase " + from.phaseId
                    + "; group " + to.id + " runs in " + to.phaseId);
        }
        if (to.isCancelled()) {
            throw ProblemException.rule("group-cancelled", "Group " + to.id + " was cancelled on " + to.cancelledOn);
        }
        GroupStay current = currentStay(participation);
        long stays = em.createQuery("SELECT count(h) FROM GroupStay h WHERE h.participationId = :p", Long.class)
                .setParameter("p", participation.id).getSingleResult();
        if (stays >= MAX_LISTED) {
            throw ProblemException.conflict("group-list-limit", "The participation has been in "
                    + MAX_LISTED + " groups, the most one participation may pass through");
        }
        ParticipationRules.checkTransfer(date, current.fromDate, from.endDate, to.startDate, to.endDate);
        requirePlace(to, date);
        requireNoOverlap(participation.participantId, participation.id, date, to.endDate);
        current.toDate = date.minusDays(1);
        em.flush();   // Hibernate inserts before it updates: close the current stay before the new one opens
        GroupStay.begin(participation.id, to.id, date).persist();
        participation.groupId = to.id;
        em.flush();
        events.transferred(participation, from, to, date);
        return participation;
    }

    /**
     * The group was cancelled: each of its open participations ends on the cancellation date
     * (reason OTHER, marked as caused by the cancellation), one {@code participation.exited.v1}
     * each. A participation that would only have entered after that date ends on its first day
     * in the group (an exit is never before it), and none ends after the group's end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endForCancelledGroup(Group group) {
        List<Participation> open = em.createQuery("""
                        SELECT p FROM Participation p
                        WHERE p.groupId = :g AND p.exitDate IS NULL AND p.withdrawnAt IS NULL
                        ORDER BY p.entryDate, p.id""", Participation.class)
                .setParameter("g", group.id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Instant now = clock.instant();
        for (Participation participation : open) {
            LocalDate on = ParticipationRules.cancellationExit(group.cancelledOn, currentStay(participation).fromDate,
                    group.endDate);
            participation.exit(on, ExitReason.OTHER, true, now);
        }
        em.flush();
        for (Participation participation : open) {
            events.exited(participation, group);
        }
        return open.size();
    }

    /**
     * The places taken in a group: the most participants (not withdrawn) in it on any one day.
     * Its capacity may not go below this.
     */
    public long placesTaken(Group group) {
        Number taken = (Number) em.createNativeQuery("WITH stay AS (" + STAY + ") "
                        + "SELECT COALESCE(max((SELECT count(*) FROM stay s2 WHERE s2.f <= s.f AND s2.t >= s.f)), 0) FROM stay s")
                .setParameter("g", group.id).getSingleResult();
        return taken.longValue();
    }

    /** A participation of the staff caller's Jobcenter; 404 otherwise. */
    public Participation own(UUID id) {
        return own(id, LockModeType.NONE);
    }

    private Participation own(UUID id, LockModeType lock) {
        Participation participation = Participation.findById(id, lock);
        // provider staff carry a jobcenter claim too: they see participations through ProviderScope only
        if (participation == null || caller.isProviderStaff() || !participation.jobcenterId.equals(caller.staffJobcenter())) {
            throw ProblemException.notFound("Participation", id);
        }
        return participation;
    }

    /**
     * A participation a provider-staff caller sees, as they see it: its latest stay in a group of
     * their provider that is not past the 40 days. 404 otherwise.
     */
    public ProviderParticipationView seenByProvider(UUID id) {
        List<ProviderScope.Stay> stays = providers.staysOf(id);
        Participation participation = stays.isEmpty() ? null : Participation.findById(id);
        if (participation == null) {
            throw ProblemException.notFound("Participation", id);
        }
        return ProviderParticipationView.of(participation, stays.get(stays.size() - 1));
    }

    /** A page of the participations of a provider's group that its staff see, earliest first. */
    public List<ProviderParticipationView> seenByProviderInGroup(UUID groupId, int page, int size) {
        List<ProviderScope.Stay> stays = providers.staysInGroup(groupId);
        List<ProviderScope.Stay> onPage = stays.stream().skip((long) page * size).limit(size).toList();
        if (onPage.isEmpty()) {
            return List.of();
        }
        Map<UUID, Participation> byId = em.createQuery("SELECT p FROM Participation p WHERE p.id IN :ids", Participation.class)
                .setParameter("ids", onPage.stream().map(ProviderScope.Stay::participationId).toList()).getResultList()
                .stream().collect(Collectors.toMap(p -> p.id, p -> p));
        return onPage.stream().map(s -> ProviderParticipationView.of(byId.get(s.participationId()), s)).toList();
    }

    /** The participation as the API shows it, with its group history. */
    public ParticipationView view(Participation participation) {
        return views(List.of(participation)).get(0);
    }

    /** The participations as the API shows them, with their group histories (one query for all). */
    public List<ParticipationView> views(List<Participation> list) {
        Map<UUID, List<GroupStay>> history = new LinkedHashMap<>();
        if (!list.isEmpty()) {
            history = em.createQuery("SELECT h FROM GroupStay h WHERE h.participationId IN :ids ORDER BY h.fromDate",
                            GroupStay.class)
                    .setParameter("ids", list.stream().map(p -> p.id).toList()).getResultList().stream()
                    .collect(Collectors.groupingBy(h -> h.participationId));
        }
        Map<UUID, List<GroupStay>> byParticipation = history;
        return list.stream().map(p -> ParticipationView.of(p, byParticipation.getOrDefault(p.id, List.of()))).toList();
    }

    /** The participations that were ever in the group (transferred ones too), earliest entry first. */
    public List<Participation> ofGroup(UUID groupId, int page, int size) {
        return em.createQuery("""
                        SELECT p FROM Participation p
                        WHERE p.id IN (SELECT h.participationId FROM GroupStay h WHERE h.groupId = :g)
                        ORDER BY p.entryDate, p.id""", Participation.class)
                .setParameter("g", groupId).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countOfGroup(UUID groupId) {
        return em.createQuery("SELECT count(DISTINCT h.participationId) FROM GroupStay h WHERE h.groupId = :g", Long.class)
                .setParameter("g", groupId).getSingleResult();
    }

    /**
     * The caller's Jobcenter's participations whose group ended before today without an exit
     * (withdrawn ones aside), the longest-missing first: by the group's end, then entry.
     */
    public List<Participation> missingExits(int page, int size) {
        return em.createQuery("""
                        SELECT p FROM Participation p, Group g
                        WHERE g.id = p.groupId AND p.jobcenterId = :jobcenter
                          AND p.exitDate IS NULL AND p.withdrawnAt IS NULL AND g.endDate < :today
                        ORDER BY g.endDate, p.entryDate, p.id""", Participation.class)
                .setParameter("jobcenter", caller.staffJobcenter()).setParameter("today", LocalDate.now(clock))
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countMissingExits() {
        return em.createQuery("""
                        SELECT count(p) FROM Participation p, Group g
                        WHERE g.id = p.groupId AND p.jobcenterId = :jobcenter
                          AND p.exitDate IS NULL AND p.withdrawnAt IS NULL AND g.endDate < :today""", Long.class)
                .setParameter("jobcenter", caller.staffJobcenter()).setParameter("today", LocalDate.now(clock))
                .getSingleResult();
    }

    /** The participants (not withdrawn) in the group on {@code day}: within a stay of theirs there. */
    @SuppressWarnings("unchecked")
    public Set<UUID> participantsInGroupOn(Group group, LocalDate day) {
        List<Object> ids = em.createNativeQuery("SELECT s.participant_id FROM (" + STAY + ") s WHERE s.f <= :d AND s.t >= :d")
                .setParameter("g", group.id).setParameter("d", day).getResultList();
        return ids.stream().map(Participations::uuid).collect(Collectors.toCollection(HashSet::new));
    }

    /** The SQL of the stays (not withdrawn) in group {@code :g}: participation_id, participant_id, f (first day), t (last day). */
    public static String staysSql() {
        return STAY;
    }

    private GroupStay currentStay(Participation participation) {
        return em.createQuery("SELECT h FROM GroupStay h WHERE h.participationId = :p AND h.toDate IS NULL", GroupStay.class)
                .setParameter("p", participation.id).getSingleResult();
    }

    private void requireValidExit(Participation participation, Group group, LocalDate exitDate) {
        LocalDate from = currentStay(participation).fromDate;
        ParticipationRules.checkExit(exitDate, from, from.equals(participation.entryDate), group.endDate,
                group.isCancelled() ? group.cancelledOn : null, LocalDate.now(clock));
    }

    /**
     * What recording an exit on {@code exitDate} would check, without recording it (an exit
     * proposal): 409 when withdrawn or exited already, 422 for the date rules of an exit.
     */
    public void requireExitAllowed(Participation participation, LocalDate exitDate) {
        requireNotWithdrawn(participation);
        requireNotExited(participation);
        requireValidExit(participation, Group.findById(participation.groupId), exitDate);
    }

    private static void requireNotExited(Participation participation) {
        if (participation.hasExited()) {
            throw ProblemException.conflict("already-exited", "The participation ended on " + participation.exitDate
                    + "; correct it with PUT .../exit");
        }
    }

    private static void requireNotWithdrawn(Participation participation) {
        if (participation.isWithdrawn()) {
            throw ProblemException.conflict("participation-withdrawn", "The participation was withdrawn as entered by mistake");
        }
    }

    /**
     * The most participations a group may ever have had (transferred and withdrawn ones included), and
     * the most groups one participation may pass through: the OpenAPI documents bound the lists of a
     * group (absences, a session's attendance) and a participation's {@code groups} by it. 409
     * {@code group-list-limit} beyond.
     */
    public static final int MAX_LISTED = 1000;

    /** A place is taken by everyone whose stay in the group lasts until {@code day} or later. */
    private void requirePlace(Group group, LocalDate day) {
        if (countOfGroup(group.id) >= MAX_LISTED) {
            throw ProblemException.conflict("group-list-limit", "Group " + group.id + " has had "
                    + MAX_LISTED + " participations, the most one group may have");
        }
        Number taken = (Number) em.createNativeQuery("SELECT count(*) FROM (" + STAY + ") s WHERE s.t >= :d")
                .setParameter("g", group.id).setParameter("d", day).getSingleResult();
        if (taken.longValue() >= group.capacity) {
            throw ProblemException.conflict("capacity-full", "All " + group.capacity + " places of the group are taken");
        }
    }

    /** Any other participation of the person (not withdrawn), in any group, whose [entry, exit or group end] meets [from, to]. */
    private void requireNoOverlap(UUID participantId, UUID except, LocalDate from, LocalDate to) {
        Number count = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM participation p JOIN activation_group g ON g.id = p.group_id
                        WHERE p.participant_id = :participant AND p.withdrawn_at IS NULL AND p.id <> :except
                          AND p.entry_date <= :to
                          AND COALESCE(p.exit_date, g.end_date) >= :from""")
                .setParameter("participant", participantId).setParameter("except", except == null ? new UUID(0, 0) : except)
                .setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        if (count.longValue() > 0) {
            throw ProblemException.conflict("overlapping-participation",
                    "The participant is in another group (or this one) during " + from + " .. " + to);
        }
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
