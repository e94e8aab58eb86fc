package de.nrw.activation.groups.participation;

import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.group.Groups;
import de.nrw.activation.groups.participant.AgeBand;
import de.nrw.activation.groups.participant.KnownParticipant;
import de.nrw.activation.groups.participant.ParticipantDirectory;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.web.ETags;
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

/**
 * Entries into and exits from groups, each committed together with its event. The group row
 * and the participant's row are locked while the capacity and overlap rules are checked, so
 * two concurrent entries cannot both take the last place or overlap each other.
 */
@ApplicationScoped
public class Participations {

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
        // A place is taken by everyone still in the group on or after the entry date.
        long taken = Participation.count("groupId = ?1 and (exitDate is null or exitDate >= ?2)", group.id, entryDate);
        if (taken >= group.capacity) {
            throw ProblemException.conflict("capacity-full", "All " + group.capacity + " places of the group are taken");
        }
        if (overlaps(participantId, entryDate, group.endDate)) {
            throw ProblemException.conflict("overlapping-participation",
                    "The participant is in another group (or this one) during " + entryDate + " .. " + group.endDate);
        }
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
        participation.ageBand = AgeBand.valueOf(participants.ageBandOn(participantId, entryDate).name());
        participation.customerType = participant.customerType;
        participation.labourMarketDistance = participant.labourMarketDistance;
        participation.vocationalQualification = participant.vocationalQualification;
        participation.enteredAt = clock.instant();
        participation.persistAndFlush();
        events.entered(participation, group);
        return participation;
    }

    /**
     * Records the exit. 409 when it was recorded already; 422 for an exit before the entry or
     * after the group's end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participation exit(UUID id, String ifMatch, LocalDate exitDate, ExitReason reason) {
        Participation participation = own(id, LockModeType.PESSIMISTIC_WRITE);
        if (participation.hasExited()) {
            throw ProblemException.conflict("already-exited", "The participation ended on " + participation.exitDate);
        }
        ETags.checkIfMatch(ifMatch, participation.version);
        Group group = Group.findById(participation.groupId);
        if (exitDate.isBefore(participation.entryDate)) {
            throw ProblemException.rule("exit-before-entry", "The exit date must not be before the entry date "
                    + participation.entryDate);
        }
        if (exitDate.isAfter(group.endDate)) {
            throw ProblemException.rule("exit-after-group-end", "The exit date must not be after the group's end "
                    + group.endDate);
        }
        participation.exit(exitDate, reason, clock.instant());
        participation.persistAndFlush();
        events.exited(participation, group);
        return participation;
    }

    /** A participation of the staff caller's Jobcenter; 404 otherwise. */
    public Participation own(UUID id) {
        return own(id, LockModeType.NONE);
    }

    private Participation own(UUID id, LockModeType lock) {
        Participation participation = Participation.findById(id, lock);
        if (participation == null || !participation.jobcenterId.equals(caller.staffJobcenter())) {
            throw ProblemException.notFound("Participation", id);
        }
        return participation;
    }

    public List<Participation> ofGroup(UUID groupId, int page, int size) {
        return Participation.find("groupId", Sort.by("entryDate").and("id"), groupId).page(Page.of(page, size)).list();
    }

    public long countOfGroup(UUID groupId) {
        return Participation.count("groupId", groupId);
    }

    /** The participations of the group that include {@code day}. */
    public List<Participation> inGroupOn(Group group, LocalDate day) {
        return Participation.<Participation>list("groupId", group.id).stream()
                .filter(p -> p.isInGroupOn(day, group.endDate)).toList();
    }

    /** Any participation of the person, in any group, whose [entry, exit or group end] meets [from, to]. */
    private boolean overlaps(UUID participantId, LocalDate from, LocalDate to) {
        Number count = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM participation p JOIN activation_group g ON g.id = p.group_id
                        WHERE p.participant_id = :participant
                          AND p.entry_date <= :to
                          AND COALESCE(p.exit_date, g.end_date) >= :from""")
                .setParameter("participant", participantId).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        return count.longValue() > 0;
    }
}
