package de.nrw.activation.groups.attendance;

import de.nrw.activation.contract.AttendanceStatus;
import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.participation.Participations;
import de.nrw.activation.groups.session.Session;
import de.nrw.activation.groups.session.Sessions;
import de.nrw.activation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Attendance per session: recorded for held (scheduled, not future) sessions only, for the
 * participants in the group on that day; recording a session again replaces its entries.
 */
@ApplicationScoped
public class Attendances {

    @Inject
    Sessions sessions;

    @Inject
    Participations participations;

    @Inject
    AttendanceEvents events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records the session's attendance: {@code entries} replace what was recorded for the
     * participants of {@code editable} (null: for everyone), and the session's complete attendance
     * is published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AttendanceRecords.Entry> record(Group group, LocalDate date, List<AttendanceRecords.Entry> entries,
                                                Set<UUID> editable) {
        Set<UUID> named = new HashSet<>();
        for (AttendanceRecords.Entry entry : entries) {
            if (!named.add(entry.participantId())) {
                throw ProblemException.badRequest("participantId", "participant " + entry.participantId() + " is listed twice");
            }
        }
        Session session = sessions.on(group.id, date).orElseThrow(() ->
                ProblemException.rule("no-session", "The group has no session on " + date));
        if (!session.isScheduled()) {
            throw ProblemException.rule("session-not-scheduled", "The session on " + date + " was cancelled");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw ProblemException.rule("attendance-in-future", "Attendance can be recorded once the session was held");
        }
        Set<UUID> inGroup = participations.participantsInGroupOn(group, date);
        if (editable != null) {
            inGroup.retainAll(editable);
        }
        List<UUID> strangers = new ArrayList<>();
        for (UUID id : named) {
            if (!inGroup.contains(id)) {
                strangers.add(id);
            }
        }
        if (!strangers.isEmpty()) {
            throw ProblemException.rule("not-in-group", "Not in the group on " + date + ": " + strangers);
        }
        if (editable == null) {
            em.createNativeQuery("DELETE FROM attendance WHERE group_id = :g AND session_date = :d")
                    .setParameter("g", group.id).setParameter("d", date).executeUpdate();
        } else if (!editable.isEmpty()) {
            em.createNativeQuery("DELETE FROM attendance WHERE group_id = :g AND session_date = :d AND participant_id IN (:p)")
                    .setParameter("g", group.id).setParameter("d", date).setParameter("p", editable).executeUpdate();
        }
        for (AttendanceRecords.Entry entry : entries) {
            em.createNativeQuery("INSERT INTO attendance (group_id, session_date, participant_id, status, recorded_at) "
                            + "VALUES (:g, :d, :p, :s, :t)")
                    .setParameter("g", group.id).setParameter("d", date).setParameter("p", entry.participantId())
                    .setParameter("s", entry.status().name()).setParameter("t", clock.instant())
                    .executeUpdate();
        }
        events.recorded(group, date, editable == null ? entries : of(group, date));
        return entries;
    }

    @SuppressWarnings("unchecked")
    public List<AttendanceRecords.Entry> of(Group group, LocalDate date) {
        List<Object[]> rows = em.createNativeQuery("SELECT participant_id, status FROM attendance "
                        + "WHERE group_id = :g AND session_date = :d ORDER BY participant_id")
                .setParameter("g", group.id).setParameter("d", date).getResultList();
        return rows.stream().map(r -> new AttendanceRecords.Entry(uuid(r[0]), AttendanceStatus.valueOf((String) r[1])))
                .toList();
    }

    /**
     * Per participant of the group: their excused, unexcused and present counts; only those with
     * at least {@code minUnexcused} unexcused. Everyone who was in the group is listed (also those
     * who left or were transferred out), withdrawn participations are not; a recording counts
     * only for a day of the participant's stay in the group (entry or transfer in, to the exit
     * or transfer out), so attendance recorded before an exit was corrected to an earlier day
     * no longer counts.
     */
    @SuppressWarnings("unchecked")
    public List<AttendanceRecords.Absences> absences(Group group, int minUnexcused) {
        List<Object[]> rows = em.createNativeQuery("WITH stay AS (" + Participations.staysSql() + ") " + """
                        SELECT p.participant_id,
                               count(a.status) FILTER (WHERE a.status = :excused)   AS excused,
                               count(a.status) FILTER (WHERE a.status = :unexcused) AS unexcused,
                               count(a.status) FILTER (WHERE a.status = :present)   AS present
                        FROM (SELECT DISTINCT participant_id FROM stay) p
                        LEFT JOIN attendance a ON a.group_id = :g AND a.participant_id = p.participant_id
                              AND EXISTS (SELECT 1 FROM stay s WHERE s.participant_id = a.participant_id
                                                                 AND a.session_date BETWEEN s.f AND s.t)
                        GROUP BY p.participant_id
                        HAVING count(a.status) FILTER (WHERE a.status = :unexcused) >= :min
                        ORDER BY unexcused DESC, p.participant_id""")
                .setParameter("g", group.id).setParameter("min", minUnexcused)
                .setParameter("excused", AttendanceStatus.EXCUSED.name())
                .setParameter("unexcused", AttendanceStatus.UNEXCUSED.name())
                .setParameter("present", AttendanceStatus.PRESENT.name())
                .getResultList();
        return rows.stream().map(r -> new AttendanceRecords.Absences(uuid(r[0]), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
