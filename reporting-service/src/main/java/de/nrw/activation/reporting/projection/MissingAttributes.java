package de.nrw.activation.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Where the events of a participation lacked them (an exit seen before its entry, an older
 * producer), its phase, provider type and Jobcenter are taken from its group at entry and its
 * attributes from the participant's profile. Only gaps are filled: what the entry said wins.
 */
final class MissingAttributes {

    private static final String FROM_GROUP = """
            UPDATE S.participation p
               SET phase_id = coalesce(p.phase_id, g.phase_id),
                   provider_type = coalesce(p.provider_type, g.provider_type),
                   jobcenter_id = coalesce(p.jobcenter_id, g.jobcenter_id)
              FROM S.activation_group g
             WHERE g.group_id = p.group_id
               AND (p.phase_id IS NULL OR p.provider_type IS NULL OR p.jobcenter_id IS NULL)
               AND (p.participant_id = ANY (?) OR p.group_id = ANY (?))
            """;

    private static final String FROM_PROFILE = """
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

    private final String schema;

    MissingAttributes(String schema) {
        this.schema = schema;
    }

    void fill(Connection c, Collection<UUID> participants, Collection<UUID> groups) throws SQLException {
        if (participants.isEmpty() && groups.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = c.prepareStatement(Jdbc.inSchema(FROM_GROUP, schema))) {
            statement.setArray(1, Jdbc.uuids(c, participants));
            statement.setArray(2, Jdbc.uuids(c, groups));
            statement.executeUpdate();
        }
        if (!participants.isEmpty()) {
            try (PreparedStatement statement = c.prepareStatement(Jdbc.inSchema(FROM_PROFILE, schema))) {
                statement.setArray(1, Jdbc.uuids(c, participants));
                statement.executeUpdate();
            }
        }
    }
}
