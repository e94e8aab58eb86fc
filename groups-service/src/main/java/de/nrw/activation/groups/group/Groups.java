package de.nrw.activation.groups.group;

import de.nrw.activation.contract.GroupChange;
import de.nrw.activation.groups.participation.Participations;
import de.nrw.activation.groups.phase.Phase;
import de.nrw.activation.groups.provider.ProviderScope;
import de.nrw.activation.groups.session.Sessions;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.web.ETags;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Scheduling, changing and cancelling groups, each committed together with its events. */
@ApplicationScoped
public class Groups {

    /** The coaching ratio: at most this many places per coach. */
    public static final int PLACES_PER_COACH = 20;
    public static final int MAX_CAPACITY = 20;

    @Inject
    Sessions sessions;

    @Inject
    GroupEvents events;

    @Inject
    Participations participations;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ProviderScope providers;

    /**
     * Schedules a group after checking the programme's facts (each a 422 naming its rule), and
     * generates its sessions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Group schedule(GroupRequests.Schedule request) {
        request.provider().requireIdFitsType();
        int capacity = request.capacity();
        requireCapacity(capacity);
        Timetable timetable = new Timetable(request.startDate(), request.weeks(), request.meetingDays(),
                request.dailyStart(), request.dailyEnd());
        timetable.check();
        requireCoaches(capacity, request.coaches().size());
        Phase phase = Phase.findById(request.phaseId());
        if (phase == null) {
            throw ProblemException.rule("unknown-phase", "There is no phase " + request.phaseId());
        }
        if (!phase.includesJobcenter(request.jobcenterId())) {
            throw ProblemException.rule("jobcenter-not-in-phase",
                    "Jobcenter " + request.jobcenterId() + " does not take part in " + phase.id);
        }
        if (!phase.covers(timetable.startDate(), timetable.endDate())) {
            throw ProblemException.rule("group-outside-phase", "The group (" + timetable.startDate() + " .. "
                    + timetable.endDate() + ") must run inside " + phase.id + " (" + phase.startDate + " .. " + phase.endDate + ")");
        }
        Instant now = clock.instant();
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.jobcenterId = request.jobcenterId();
        group.phaseId = phase.id;
        group.name = request.name().strip();
        group.providerType = request.provider().type();
        group.providerName = request.provider().name().strip();
        group.providerId = request.provider().id();
        group.location = request.location().strip();
        group.coaches = request.coaches().stream().map(String::strip).toArray(String[]::new);
        group.startDate = timetable.startDate();
        group.weeks = timetable.weeks();
        group.endDate = timetable.endDate();
        group.meetingDays = timetable.meetingDays().stream().sorted().map(Enum::name).toArray(String[]::new);
        group.dailyStart = timetable.dailyStart();
        group.dailyEnd = timetable.dailyEnd();
        group.hoursPerWeek = timetable.hoursPerWeek();
        group.capacity = capacity;
        group.createdAt = now;
        group.changedAt = now;
        group.persist();
        sessions.generate(group);
        Group.flush();
        events.scheduled(group);
        return group;
    }

    /**
     * The group if the caller may see it: staff their own Jobcenter's, the coordinator every
     * group, provider staff the groups their provider runs for their Jobcenter. Anything else
     * answers 404, as if it did not exist.
     */
    public Group visible(UUID id) {
        Group group = Group.findById(id);
        if (group == null || !maySee(group)) {
            throw ProblemException.notFound("Group", id);
        }
        return group;
    }

    private boolean maySee(Group group) {
        if (providers.applies()) {
            return providers.runs(group);
        }
        return caller.isCoordinator() || caller.owns(group.jobcenterId);
    }

    /** A group of the staff caller's own Jobcenter, locked for the rest of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Group ownLocked(UUID id) {
        Group group = Group.findById(id, LockModeType.PESSIMISTIC_WRITE);
        // provider staff carry a jobcenter claim too, but change no group
        if (group == null || providers.applies() || !group.jobcenterId.equals(caller.staffJobcenter())) {
            throw ProblemException.notFound("Group", id);
        }
        return group;
    }

    /**
     * A group whose attendance the caller records, locked: staff their own Jobcenter's, provider
     * staff the groups their provider runs for their Jobcenter.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Group attendanceLocked(UUID id) {
        if (!providers.applies()) {
            return ownLocked(id);
        }
        Group group = Group.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (group == null || !providers.runs(group)) {
            throw ProblemException.notFound("Group", id);
        }
        return group;
    }

    /**
     * Changes what may change after scheduling: name, location, coaches, provider name and
     * capacity (the timetable stays, so its rules still hold). 422: cancelled group, capacity
     * outside 1 to 20, too few coaches, another provider type; 409: capacity below the places
     * taken. The same values again change nothing and publish nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Group change(UUID id, String ifMatch, GroupRequests.Change request) {
        Group group = ownLocked(id);
        ETags.checkIfMatch(ifMatch, group.version);
        if (group.isCancelled()) {
            throw ProblemException.rule("group-cancelled", "Group " + group.id + " was cancelled on " + group.cancelledOn);
        }
        int capacity = request.capacity();
        requireCapacity(capacity);
        requireCoaches(capacity, request.coaches().size());
        if (request.provider().type() != group.providerType) {
            throw ProblemException.rule("provider-type-unchangeable", "The provider type of a group stays "
                    + group.providerType + ": its participations were counted under it; schedule another group instead");
        }
        request.provider().requireIdFitsType();
        String name = request.name().strip();
        String location = request.location().strip();
        String providerName = request.provider().name().strip();
        String providerId = request.provider().id();
        String[] coaches = request.coaches().stream().map(String::strip).toArray(String[]::new);
        if (name.equals(group.name) && location.equals(group.location) && providerName.equals(group.providerName)
                && Objects.equals(providerId, group.providerId)
                && Arrays.equals(coaches, group.coaches) && capacity == group.capacity) {
            return group;
        }
        if (capacity < group.capacity) {
            long taken = participations.placesTaken(group);
            if (capacity < taken) {
                throw ProblemException.conflict("capacity-below-places-taken", "The group has had " + taken
                        + " participants at once; its capacity cannot be " + capacity);
            }
        }
        group.name = name;
        group.location = location;
        group.providerName = providerName;
        group.providerId = providerId;
        group.coaches = coaches;
        group.capacity = capacity;
        group.changedAt = clock.instant();
        Group.flush();
        events.changed(group, GroupChange.DETAILS_CHANGED, null, null);
        return group;
    }

    /**
     * Cancels a group: it takes no new participations, its scheduled sessions from today on are
     * cancelled, and each of its open participations ends today (reason OTHER, caused by the
     * cancellation). Cancelling a cancelled group changes nothing and publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Group cancel(UUID id, String ifMatch) {
        Group group = ownLocked(id);
        if (group.isCancelled()) {
            return group;
        }
        ETags.checkIfMatch(ifMatch, group.version);
        LocalDate today = LocalDate.now(clock);
        group.cancel(today, clock.instant());
        sessions.cancelFrom(group.id, today);
        Group.flush();
        events.cancelled(group);
        participations.endForCancelledGroup(group);
        return group;
    }

    private static void requireCapacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw ProblemException.rule("capacity", "A group has 1 to 20 places, not " + capacity);
        }
    }

    private static void requireCoaches(int capacity, int coaches) {
        int coachesNeeded = (capacity + PLACES_PER_COACH - 1) / PLACES_PER_COACH;
        if (coaches < coachesNeeded) {
            throw ProblemException.rule("coaching-ratio", "A group of " + capacity + " places needs at least "
                    + coachesNeeded + " coach(es), one per " + PLACES_PER_COACH + " places");
        }
    }

    /** A page of groups; {@code providerId}, when not null, only the groups that provider runs. */
    public List<Group> search(String jobcenterId, String phaseId, String providerId, int page, int size) {
        return query(jobcenterId, phaseId, providerId).page(Page.of(page, size)).list();
    }

    public long count(String jobcenterId, String phaseId, String providerId) {
        return query(jobcenterId, phaseId, providerId).count();
    }

    private static PanacheQuery<Group> query(String jobcenterId, String phaseId, String providerId) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (providerId != null) {
            where.add("providerType = :providerType and providerId = :providerId");
            parameters.and("providerType", de.nrw.activation.contract.ProviderType.EDUCATION_PROVIDER).and("providerId", providerId);
        }
        if (jobcenterId != null) {
            where.add("jobcenterId = :jobcenterId");
            parameters.and("jobcenterId", jobcenterId);
        }
        if (phaseId != null) {
            where.add("phaseId = :phaseId");
            parameters.and("phaseId", phaseId);
        }
        Sort order = Sort.by("startDate").and("id");
        if (where.isEmpty()) {
            return Group.findAll(order);
        }
        return Group.find(String.join(" and ", where), order, parameters);
    }
}
