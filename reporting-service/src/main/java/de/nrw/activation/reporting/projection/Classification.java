package de.nrw.activation.reporting.projection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * The indicator definitions of domain.md ("Indicators"), as SQL over the facts of one
 * participant. Every participation with a known entry falls in exactly one category:
 * <ol>
 *   <li>INTEGRATION: an EMPLOYMENT, APPRENTICESHIP or SELF_EMPLOYMENT outcome starts inside the
 *       window, or the EXIT or MONTH_3 checkpoint records one;</li>
 *   <li>MINIJOB: the same for MINIJOB;</li>
 *   <li>OPEN: not ended yet (and none of the above);</li>
 *   <li>UNEMPLOYED / OTHER: the status 3 months after exit, i.e. the MONTH_3 checkpoint if
 *       recorded, else the latest outcome started on or before exit + 3 months;</li>
 *   <li>DROPOUT: exit reason DROPOUT;</li>
 *   <li>OPEN: ended, but nothing of the above is known (yet).</li>
 * </ol>
 * The window runs from the entry date to exit + 3 months inclusive; PostgreSQL's
 * {@code date + interval '3 months'} gives the same day 3 months later or the month's last
 * day, as {@code LocalDate.plusMonths(3)} does. A participation not ended yet has an open
 * window. A fast integration is an integration outcome starting on or after entry and before
 * the exit date. The integration's kind (and for employment: temporary agency, fixed term) is
 * that of the earliest integration outcome in the window, else the checkpoint's kind.
 */
final class Classification {

    private static final String INTEGRATION_KINDS = "('EMPLOYMENT', 'APPRENTICESHIP', 'SELF_EMPLOYMENT')";

    private static final String CLASSIFY = """
            WITH facts AS (
              SELECT p.participation_id, p.entry_date, p.exit_date, p.exit_reason,
                     first_integration.kind AS integration_kind,
                     first_integration.temporary_agency, first_integration.fixed_term,
                     (SELECT f.status FROM S.follow_up f
                       WHERE f.participation_id = p.participation_id AND f.checkpoint IN ('EXIT', 'MONTH_3')
                         AND f.status IN INTEGRATION_KINDS
                       ORDER BY f.checkpoint LIMIT 1) AS checked_integration_kind,
                     EXISTS (SELECT 1 FROM S.outcome o
                              WHERE o.participant_id = p.participant_id AND o.kind = 'MINIJOB'
                                AND o.start_date >= p.entry_date
                                AND (p.exit_date IS NULL OR o.start_date <= (p.exit_date + interval '3 months')::date))
                       OR EXISTS (SELECT 1 FROM S.follow_up f
                              WHERE f.participation_id = p.participation_id AND f.checkpoint IN ('EXIT', 'MONTH_3')
                                AND f.status = 'MINIJOB') AS has_minijob,
                     CASE WHEN p.exit_date IS NOT NULL THEN coalesce(
                       (SELECT f.status FROM S.follow_up f
                         WHERE f.participation_id = p.participation_id AND f.checkpoint = 'MONTH_3'),
                       (SELECT o.kind FROM S.outcome o
                         WHERE o.participant_id = p.participant_id
                           AND o.start_date <= (p.exit_date + interval '3 months')::date
                         ORDER BY o.start_date DESC, o.event_time DESC, o.outcome_id DESC LIMIT 1))
                     END AS status_after_3_months,
                     EXISTS (SELECT 1 FROM S.outcome o
                              WHERE o.participant_id = p.participant_id AND o.kind IN INTEGRATION_KINDS
                                AND o.start_date >= p.entry_date
                                AND (p.exit_date IS NULL OR o.start_date < p.exit_date)) AS fast,
                     (SELECT f.status FROM S.follow_up f
                       WHERE f.participation_id = p.participation_id AND f.checkpoint = 'MONTH_6') AS month6_status
                FROM S.participation p
                LEFT JOIN LATERAL (
                  SELECT o.kind, o.temporary_agency, o.fixed_term FROM S.outcome o
                   WHERE o.participant_id = p.participant_id AND o.kind IN INTEGRATION_KINDS
                     AND o.start_date >= p.entry_date
                     AND (p.exit_date IS NULL OR o.start_date <= (p.exit_date + interval '3 months')::date)
                   ORDER BY o.start_date, o.outcome_id LIMIT 1) first_integration ON true
               WHERE p.participant_id = ANY (?)
            )
            UPDATE S.participation p SET
              category = CASE
                  WHEN f.entry_date IS NULL THEN NULL
                  WHEN f.integration_kind IS NOT NULL OR f.checked_integration_kind IS NOT NULL THEN 'INTEGRATION'
                  WHEN f.has_minijob THEN 'MINIJOB'
                  WHEN f.exit_date IS NULL THEN 'OPEN'
                  WHEN f.status_after_3_months = 'UNEMPLOYED' THEN 'UNEMPLOYED'
                  WHEN f.status_after_3_months = 'OTHER' THEN 'OTHER'
                  WHEN f.exit_reason = 'DROPOUT' THEN 'DROPOUT'
                  ELSE 'OPEN' END,
              fast_integration = (f.entry_date IS NOT NULL AND f.fast),
              integration_kind = CASE WHEN f.entry_date IS NULL THEN NULL
                                      ELSE coalesce(f.integration_kind, f.checked_integration_kind) END,
              temporary_agency = coalesce(f.temporary_agency, false),
              fixed_term = coalesce(f.fixed_term, false),
              month6_status = f.month6_status
              FROM facts f
             WHERE p.participation_id = f.participation_id
            """.replace("INTEGRATION_KINDS", INTEGRATION_KINDS);

    /** Phase, provider type and Jobcenter from the group, attributes from the profile, where the events lacked them. */
    private static final String FILL_FROM_GROUP = """
            UPDATE S.participation p
               SET phase_id = coalesce(p.phase_id, g.phase_id),
                   provider_type = coalesce(p.provider_type, g.provider_type),
                   jobcenter_id = coalesce(p.jobcenter_id, g.jobcenter_id)
              FROM S.activation_group g
             WHERE g.group_id = p.group_id
               AND (p.phase_id IS NULL OR p.provider_type IS NULL OR p.jobcenter_id IS NULL)
               AND (p.participant_id = ANY (?) OR p.group_id = ANY (?))
            """;

    private static final String FILL_FROM_PROFILE = """
            UPDATE S.participation p
               SET gender = coalesce(p.gender, pt.gender), age_band = coalesce(p.age_band, pt.age_band),
                   customer_type = coalesce(p.customer_type, pt.customer_type),
                   labour_market_distance = coalesce(p.labour_market_distance, pt.labour_market_distance),
                   vocational_qualification = coalesce(p.vocational_qualification, pt.vocational_qualification)
              FROM S.participant pt
             WHERE pt.participant_id = p.participant_id AND p.participant_id = ANY (?)
               AND (p.gender IS NULL OR p.age_band IS NULL OR p.customer_type IS NULL
                    OR p.labour_market_distance IS NULL OR p.vocational_qualification IS NULL)
            """;

    private Classification() { }

    static void fillGaps(Connection connection, String schema, Collection<UUID> participants, Collection<UUID> groups)
            throws SQLException {
        if (participants.isEmpty() && groups.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(inSchema(FILL_FROM_GROUP, schema))) {
            statement.setArray(1, uuids(connection, participants));
            statement.setArray(2, uuids(connection, groups));
            statement.executeUpdate();
        }
        if (!participants.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(inSchema(FILL_FROM_PROFILE, schema))) {
                statement.setArray(1, uuids(connection, participants));
                statement.executeUpdate();
            }
        }
    }

    /** Recomputes the derived columns of every participation of the given participants. */
    static void classify(Connection connection, String schema, Collection<UUID> participants) throws SQLException {
        if (participants.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(inSchema(CLASSIFY, schema))) {
            statement.setArray(1, uuids(connection, participants));
            statement.executeUpdate();
        }
    }

    private static Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray(new UUID[0]));
    }

    static String inSchema(String sql, String schema) {
        return sql.replaceAll("\\bS\\.", schema + ".");
    }
}
