package de.nrw.activation.groups.session;

import de.nrw.activation.contract.GroupChange;
import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.group.GroupEvents;
import de.nrw.activation.groups.group.Timetable;
import de.nrw.activation.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A group's sessions: generated from its timetable with the NRW public holidays skipped,
 * then cancelled or moved one by one. Sessions with recorded attendance stay where they are.
 */
@ApplicationScoped
public class Sessions {

    @Inject
    PublicHolidays holidays;

    @Inject
    GroupEvents events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void generate(Group group) {
        Timetable timetable = new Timetable(group.startDate, group.weeks, group.meetingDayList(), group.dailyStart,
                group.dailyEnd);
        for (LocalDate day : timetable.sessionDates(holidays.between(group.startDate, group.endDate))) {
            Session session = new Session();
            session.id = UUID.randomUUID();
            session.groupId = group.id;
            session.date = day;
            session.originalDate = day;
            session.start = group.dailyStart;
            session.end = group.dailyEnd;
            session.persist();
        }
    }

    public List<Session> of(UUID groupId) {
        return Session.list("groupId", Sort.by("date").and("status").and("originalDate"), groupId);
    }

    /**
     * The session of that day: the held (scheduled) one if there is one, else a cancelled one. A
     * day can hold one scheduled session and cancelled ones, once a session moved onto a day
     * whose own session was cancelled.
     */
    public Optional<Session> on(UUID groupId, LocalDate date) {
        Optional<Session> scheduled = scheduledOn(groupId, date);
        return scheduled.isPresent() ? scheduled
                : Session.find("groupId = ?1 and date = ?2", Sort.by("originalDate"), groupId, date).firstResultOptional();
    }

    private Optional<Session> scheduledOn(UUID groupId, LocalDate date) {
        return Session.find("groupId = ?1 and date = ?2 and status = ?3", groupId, date, SessionStatus.SCHEDULED)
                .firstResultOptional();
    }

    /** Cancels one session; cancelling a cancelled one changes nothing and publishes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Session cancel(Group group, LocalDate date) {
        requireOpen(group);
        Session session = existing(group, date);
        if (!session.isScheduled()) {
            return session;
        }
        requireNoAttendance(group, date);
        session.status = SessionStatus.CANCELLED;
        touch(group);
        events.changed(group, GroupChange.SESSION_CANCELLED, date, null);
        return session;
    }

    /**
     * Moves a scheduled session to another day of the group's period (Monday to Friday, not a
     * public holiday, not a day that already has a held session; a cancelled one there stays
     * listed as cancelled), optionally with new times.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Session move(Group group, LocalDate date, LocalDate newDate, LocalTime newStart, LocalTime newEnd) {
        requireOpen(group);
        Session session = existing(group, date);
        if (!session.isScheduled()) {
            throw ProblemException.rule("session-not-scheduled", "Session on " + date + " was cancelled and cannot move");
        }
        LocalTime start = newStart == null ? session.start : newStart;
        LocalTime end = newEnd == null ? session.end : newEnd;
        if (!end.isAfter(start)) {
            throw ProblemException.rule("daily-times", "end must be after start");
        }
        if (!group.runsOn(newDate)) {
            throw ProblemException.rule("session-outside-group-period",
                    "A session can only move inside the group's period " + group.startDate + " .. " + group.endDate);
        }
        if (newDate.getDayOfWeek() == DayOfWeek.SATURDAY || newDate.getDayOfWeek() == DayOfWeek.SUNDAY) {
            throw ProblemException.rule("meeting-days", "Groups meet Monday to Friday only");
        }
        if (holidays.isHoliday(newDate)) {
            throw ProblemException.rule("public-holiday", newDate + " is a public holiday in North Rhine-Westphalia");
        }
        // a day that only holds a cancelled session is free: the moved session is held there instead
        if (!newDate.equals(date) && scheduledOn(group.id, newDate).isPresent()) {
            throw ProblemException.conflict("session-exists", "The group already has a session on " + newDate);
        }
        requireNoAttendance(group, date);
        session.date = newDate;
        session.start = start;
        session.end = end;
        touch(group);
        events.changed(group, GroupChange.SESSION_MOVED, date, newDate);
        return session;
    }

    /** Cancels the group's scheduled sessions from {@code from} on (the group was cancelled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelFrom(UUID groupId, LocalDate from) {
        return Session.update("status = ?1 where groupId = ?2 and date >= ?3 and status = ?4",
                SessionStatus.CANCELLED, groupId, from, SessionStatus.SCHEDULED);
    }

    /** A session change is a change of the group: new version (ETag), new changed_at. */
    private void touch(Group group) {
        group.changedAt = clock.instant();
        em.lock(group, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        em.flush();
    }

    private Session existing(Group group, LocalDate date) {
        return on(group.id, date).orElseThrow(() -> ProblemException.notFound("Session of group " + group.id + " on", date));
    }

    private static void requireOpen(Group group) {
        if (group.isCancelled()) {
            throw ProblemException.rule("group-cancelled", "Group " + group.id + " was cancelled on " + group.cancelledOn);
        }
    }

    private void requireNoAttendance(Group group, LocalDate date) {
        long recorded = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM attendance WHERE group_id = :g AND session_date = :d")
                .setParameter("g", group.id).setParameter("d", date).getSingleResult()).longValue();
        if (recorded > 0) {
            throw ProblemException.conflict("attendance-recorded",
                    "Attendance was recorded for the session on " + date + "; it stays where it is");
        }
    }
}
