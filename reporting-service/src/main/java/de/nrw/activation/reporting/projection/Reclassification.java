package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.OutcomeKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes the derived columns of every participation of the given participants: loads
 * their participations, outcomes and checkpoints (three queries), classifies them in memory
 * ({@link Classification}) and stores what changed in one set-based UPDATE (only the rows whose
 * derived columns change are sent). Returns the rows
 * with their new derived columns, so that the summary's cells after the batch are computed
 * without reading them again ({@link Summary#cells}).
 */
final class Reclassification {

    private static final String PARTICIPATIONS = """
            SELECT participation_id, participant_id, withdrawn, %s
              FROM S.participation WHERE participant_id = ANY (?)
            """.formatted(SummaryRow.COLUMNS);
    private static final String OUTCOMES = """
            SELECT participant_id, outcome_id, kind, start_date, temporary_agency, fixed_term, event_time
              FROM S.outcome WHERE participant_id = ANY (?)
            """;
    private static final String CHECKPOINTS = """
            SELECT f.participation_id, f.checkpoint, f.status
              FROM S.follow_up f JOIN S.participation p ON p.participation_id = f.participation_id
             WHERE p.participant_id = ANY (?)
            """;
    private static final String UPDATE = """
            UPDATE S.participation p
               SET category = u.category, fast_integration = u.fast, integration_kind = u.kind,
                   temporary_agency = u.temporary_agency, fixed_term = u.fixed_term, month6_status = u.month6,
                   month12_status = u.month12
              FROM unnest(?::uuid[], ?::text[], ?::boolean[], ?::text[], ?::boolean[], ?::boolean[], ?::text[], ?::text[])
                   AS u(participation_id, category, fast, kind, temporary_agency, fixed_term, month6, month12)
             WHERE p.participation_id = u.participation_id
               AND (p.category, p.fast_integration, p.integration_kind, p.temporary_agency, p.fixed_term, p.month6_status,
                    p.month12_status)
                   IS DISTINCT FROM (u.category, u.fast, u.kind, u.temporary_agency, u.fixed_term, u.month6, u.month12)
            """;

    private record Row(UUID participationId, UUID participantId, Classification.Participation facts,
                       SummaryRow stored) { }

    private final String schema;

    Reclassification(String schema) {
        this.schema = schema;
    }

    /** Fills what the participations lack from their groups and profiles ({@link MissingAttributes#fill}). */
    @FunctionalInterface
    interface Fill {
        void run() throws SQLException;
    }

    /**
     * Reclassifies the participations of these participants and returns them as they stand after
     * it (every participation of theirs, counted or not: {@link SummaryRow#counted}). Before
     * classifying, {@code fill} is run if any of them lacks group data or an attribute (and they
     * are read again); it could change nothing otherwise, since it only fills gaps.
     */
    List<SummaryRow> reclassify(Connection c, Collection<UUID> participants, Fill fill) throws SQLException {
        List<SummaryRow> after = new ArrayList<>();
        if (participants.isEmpty()) {
            return after;
        }
        List<Row> rows = read(c, participants);
        if (rows.stream().anyMatch(row -> row.stored().lacksGroupDataOrAttributes())) {
            fill.run();
            rows = read(c, participants);
        }
        if (rows.isEmpty()) {
            return after;
        }
        Map<UUID, List<Classification.Outcome>> outcomes = new HashMap<>();
        query(c, OUTCOMES, participants, rs -> outcomes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(new Classification.Outcome(rs.getObject(2, UUID.class), OutcomeKind.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getBoolean(6),
                        rs.getObject(7, OffsetDateTime.class))));
        Map<UUID, Map<Checkpoint, OutcomeKind>> checkpoints = new HashMap<>();
        query(c, CHECKPOINTS, participants, rs -> checkpoints
                .computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(Checkpoint.class))
                .put(Checkpoint.valueOf(rs.getString(2)), OutcomeKind.valueOf(rs.getString(3))));

        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] categories = new String[n];
        Boolean[] fast = new Boolean[n];
        String[] kinds = new String[n];
        Boolean[] temporaryAgency = new Boolean[n];
        Boolean[] fixedTerm = new Boolean[n];
        String[] month6 = new String[n];
        String[] month12 = new String[n];
        int m = 0;
        for (Row row : rows) {
            Classification.Result result = Classification.classify(row.facts(),
                    outcomes.getOrDefault(row.participantId(), List.of()),
                    checkpoints.getOrDefault(row.participationId(), Map.of()));
            SummaryRow classified = row.stored().classified(result);
            after.add(classified);
            if (classified.sameDerivedColumns(row.stored())) {
                continue; // stored as it is: not sent (the UPDATE's IS DISTINCT FROM would skip it too)
            }
            ids[m] = row.participationId();
            categories[m] = classified.category();
            fast[m] = classified.fastIntegration();
            kinds[m] = classified.integrationKind();
            temporaryAgency[m] = classified.temporaryAgency();
            fixedTerm[m] = classified.fixedTerm();
            month6[m] = classified.month6Status();
            month12[m] = classified.month12Status();
            m++;
        }
        if (m == 0) {
            return after;
        }
        try (PreparedStatement statement = c.prepareStatement(Jdbc.inSchema(UPDATE, schema))) {
            statement.setArray(1, c.createArrayOf("uuid", Arrays.copyOf(ids, m)));
            statement.setArray(2, c.createArrayOf("text", Arrays.copyOf(categories, m)));
            statement.setArray(3, c.createArrayOf("boolean", Arrays.copyOf(fast, m)));
            statement.setArray(4, c.createArrayOf("text", Arrays.copyOf(kinds, m)));
            statement.setArray(5, c.createArrayOf("boolean", Arrays.copyOf(temporaryAgency, m)));
            statement.setArray(6, c.createArrayOf("boolean", Arrays.copyOf(fixedTerm, m)));
            statement.setArray(7, c.createArrayOf("text", Arrays.copyOf(month6, m)));
            statement.setArray(8, c.createArrayOf("text", Arrays.copyOf(month12, m)));
            statement.executeUpdate();
        }
        return after;
    }

    private List<Row> read(Connection c, Collection<UUID> participants) throws SQLException {
        List<Row> rows = new ArrayList<>();
        query(c, PARTICIPATIONS, participants, rs -> {
            SummaryRow stored = SummaryRow.read(rs, 4);
            rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    new Classification.Participation(stored.entryDate(), stored.exitDate(),
                            stored.exitReason() == null ? null : ExitReason.valueOf(stored.exitReason()),
                            rs.getBoolean(3)), stored));
        });
        return rows;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(Connection c, String sql, Collection<UUID> participants, RowReader reader) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(Jdbc.inSchema(sql, schema))) {
            statement.setArray(1, Jdbc.uuids(c, participants));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
