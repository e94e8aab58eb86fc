package de.nrw.activation.groups.provider;

import de.nrw.activation.groups.group.Group;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a {@code provider-staff} caller may see (claims {@code provider} and {@code jobcenter}): the
 * groups their provider runs for that Jobcenter, and in them the stays of participations that are
 * not withdrawn and not past the 40 days of {@link ProviderAccess}. Everything else answers 404 to
 * them, as if it did not exist.
 */
@ApplicationScoped
public class ProviderScope {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * One stay of a participation in a group of the caller's provider that the caller sees today.
     *
     * @param to      the last day in the group before a transfer out; null while the participation
     *                stays in this group (then the exit, if any, is its end)
     * @param lastDay the stay's end for the 40-day rule ({@link ProviderAccess#lastDayOfStay})
     */
    public record Stay(UUID participationId, UUID participantId, UUID groupId, LocalDate from, LocalDate to,
                       LocalDate lastDay) {

        /** The participation is (or ended) in this group: not transferred out of it. */
        public boolean isCurrent() {
            return to == null;
        }

        public LocalDate accessUntil() {
            return ProviderAccess.accessUntil(lastDay);
        }
    }

    /** True when the caller is provider staff: their narrower rules apply, whatever else the token holds. */
    public boolean applies() {
        return caller.isProviderStaff();
    }

    /** The provider-staff caller's Jobcenter; 403 when the token lacks the claim. */
    public String jobcenter() {
        return caller.jobcenter().orElseThrow(() ->
                ProblemException.forbidden("The token has no '" + Caller.JOBCENTER_CLAIM + "' claim"));
    }

    /** The provider-staff caller's education provider; 403 when the token lacks the claim. */
    public String provider() {
        return caller.provider().orElseThrow(() ->
                ProblemException.forbidden("The token has no '" + Caller.PROVIDER_CLAIM + "' claim"));
    }

    /** True when the caller's provider runs the group for the caller's Jobcenter. */
    public boolean runs(Group group) {
        return group.isRunBy(jobcenter(), provider());
    }

    /** The stays the caller sees today in one group of theirs, earliest first. */
    public List<Stay> staysInGroup(UUID groupId) {
        return stays("h.group_id = :id", groupId);
    }

    /** The stays the caller sees today of one participation (more than one after a transfer between their groups). */
    public List<Stay> staysOf(UUID participationId) {
        return stays("h.participation_id = :id", participationId);
    }

    /** The participants of a group of theirs whose stays there the caller sees today. */
    public Set<UUID> participantsInGroup(UUID groupId) {
        return staysInGroup(groupId).stream().map(Stay::participantId).collect(Collectors.toSet());
    }

    /** Every participation the caller sees today, in any group of theirs. */
    public Set<UUID> participations() {
        return stays(null, null).stream().map(Stay::participationId).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private List<Stay> stays(String condition, UUID id) {
        String sql = """
                SELECT h.participation_id, p.participant_id, h.group_id, h.from_date, h.to_date, p.exit_date, g.end_date
                FROM participation_group h
                JOIN participation p ON p.id = h.participation_id
                JOIN activation_group g ON g.id = h.group_id
                WHERE g.jobcenter_id = :jobcenter AND g.provider_id = :provider AND g.provider_type = 'EDUCATION_PROVIDER'
                  AND p.withdrawn_at IS NULL
                  AND COALESCE(h.to_date, p.exit_date, g.end_date) >= :earliest""";
        if (condition != null) {
            sql += " AND " + condition;
        }
        Query query = em.createNativeQuery(sql + " ORDER BY h.from_date, h.participation_id")
                .setParameter("jobcenter", jobcenter()).setParameter("provider", provider())
                .setParameter("earliest", ProviderAccess.earliestVisibleLastDay(LocalDate.now(clock)));
        if (condition != null) {
            query.setParameter("id", id);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            LocalDate to = date(r[4]);
            return new Stay(uuid(r[0]), uuid(r[1]), uuid(r[2]), date(r[3]), to,
                    ProviderAccess.lastDayOfStay(to, date(r[5]), date(r[6])));
        }).toList();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
