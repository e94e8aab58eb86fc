package de.nrw.activation.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps table participation_summary in step with table participation: before a batch changes
 * the facts of some participants, their participations' contributions are subtracted; after
 * the batch has recomputed their categories, they are added again. Both in the batch's
 * transaction, so the summary always equals the aggregate of the participations.
 */
final class Summary {

    /** The dimension columns, as stored: unknown values become 'UNKNOWN'. */
    static final String KEY_COLUMNS = "phase_id, jobcenter_id, provider_type, age_band, gender, customer_type, "
            + "labour_market_distance, vocational_qualification";
    private static final String KEY_VALUES = "coalesce(phase_id, 'UNKNOWN'), coalesce(jobcenter_id, 'UNKNOWN'), "
            + "coalesce(provider_type, 'UNKNOWN'), coalesce(age_band, 'UNKNOWN'), coalesce(gender, 'UNKNOWN'), "
            + "coalesce(customer_type, 'UNKNOWN'), coalesce(labour_market_distance, 'UNKNOWN'), "
            + "coalesce(vocational_qualification::text, 'UNKNOWN')";

    private Summary() { }

    static void subtract(Connection connection, String schema, Collection<UUID> participants) throws SQLException {
        apply(connection, schema, -1, participants);
    }

    static void add(Connection connection, String schema, Collection<UUID> participants) throws SQLException {
        apply(connection, schema, 1, participants);
    }

    /** Fills the summary of a generation from its participations (a generation created before the summary existed). */
    static void addAll(Connection connection, String schema) throws SQLException {
        apply(connection, schema, 1, null);
    }

    private static void apply(Connection connection, String schema, int sign, Collection<UUID> participants)
            throws SQLException {
        if (participants != null && participants.isEmpty()) {
            return;
        }
        String columns = Measure.SUMMARY_COLUMNS.stream().map(Measure::column).collect(Collectors.joining(", "));
        String values = Measure.SUMMARY_COLUMNS.stream()
                .map(m -> sign + " * count(*) FILTER (WHERE " + m.condition() + ")").collect(Collectors.joining(", "));
        String updates = Measure.SUMMARY_COLUMNS.stream()
                .map(m -> m.column() + " = t." + m.column() + " + EXCLUDED." + m.column()).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + schema + ".participation_summary AS t (" + KEY_COLUMNS + ", " + columns + ") "
                + "SELECT " + KEY_VALUES + ", " + values + " FROM " + schema + ".participation "
                + "WHERE category IS NOT NULL" + (participants == null ? "" : " AND participant_id = ANY (?)")
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
                + " ON CONFLICT (" + KEY_COLUMNS + ") DO UPDATE SET " + updates;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (participants != null) {
                statement.setArray(1, connection.createArrayOf("uuid", participants.toArray(new UUID[0])));
            }
            statement.executeUpdate();
        }
    }
}
