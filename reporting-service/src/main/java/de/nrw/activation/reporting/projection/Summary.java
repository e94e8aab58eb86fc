package de.nrw.activation.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps table participation_summary in step with table participation: before a batch changes
 * the facts of some participants, their counted participations are read as rows ({@link #rows});
 * after the batch, {@link Reclassification} returns the same participants' rows with their new
 * categories. The cells of both sides are computed in memory ({@link #cells}, the measures as
 * Java predicates beside their SQL conditions, {@link Measure#holdsFor}) and the difference is
 * written as one delta per changed cell, in one statement ({@link #applyDelta}). All in the
 * batch's transaction, so the summary always equals the aggregate of the participations (the
 * tests check it against the SQL aggregate: {@link #differences}).
 *
 * <p>A cell is a combination of the dimension columns and the entry month ({@code entry_month},
 * 'YYYY-MM'; a classified participation always has an entry date), so reports with an entry
 * period read whole months from here. Every other column is an additive measure.
 *
 * <p>One statement that locks its cells in key order: two replicas' batches that change the
 * same cells wait for each other instead of deadlocking, and a cell the batch does not change
 * is not written at all.
 */
public final class Summary {

    /** The dimension columns, as stored: unknown values become 'UNKNOWN'. */
    static final String KEY_COLUMNS = "phase_id, jobcenter_id, provider_type, age_band, gender, customer_type, "
            + "labour_market_distance, vocational_qualification, entry_month";
    private static final int KEYS = 9;
    private static final String KEY_VALUES = "coalesce(phase_id, 'UNKNOWN'), coalesce(jobcenter_id, 'UNKNOWN'), "
            + "coalesce(provider_type, 'UNKNOWN'), coalesce(age_band, 'UNKNOWN'), coalesce(gender, 'UNKNOWN'), "
            + "coalesce(customer_type, 'UNKNOWN'), coalesce(labour_market_distance, 'UNKNOWN'), "
            + "coalesce(vocational_qualification::text, 'UNKNOWN'), to_char(entry_date, 'YYYY-MM')";
    /** The count columns, then beside each its sum of record keys (the cell key method, docs/confidentiality.md). */
    private static final List<String> VALUE_COLUMNS = java.util.stream.Stream.concat(
            Measure.SUMMARY_COLUMNS.stream().map(Measure::column),
            Measure.SUMMARY_COLUMNS.stream().map(Measure::keysColumn)).toList();
    private static final String COLUMNS = String.join(", ", VALUE_COLUMNS);
    private static final Measure[] MEASURES = Measure.SUMMARY_COLUMNS.toArray(new Measure[0]);
    private static final String COUNTS = java.util.stream.Stream.concat(
            Measure.SUMMARY_COLUMNS.stream().map(m -> "count(*) FILTER (WHERE " + m.condition() + ")"),
            Measure.SUMMARY_COLUMNS.stream().map(m -> "coalesce(sum(record_key) FILTER (WHERE " + m.condition()
                    + "), 0)::bigint")).collect(Collectors.joining(", "));
    private static final String UPDATES = VALUE_COLUMNS.stream()
            .map(c -> c + " = t." + c + " + EXCLUDED." + c).collect(Collectors.joining(", "));
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < KEYS; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private Summary() { }

    /**
     * The counted participations of these participants as they stand now (the state before the
     * batch's writes): rows, not aggregated, so that the cells are computed in memory.
     */
    static List<SummaryRow> rows(Connection connection, String schema, Collection<UUID> participants)
            throws SQLException {
        List<SummaryRow> rows = new ArrayList<>();
        if (participants.isEmpty()) {
            return rows;
        }
        String sql = "SELECT " + SummaryRow.COLUMNS + " FROM " + schema + ".participation "
                + "WHERE participant_id = ANY (?) AND category IS NOT NULL";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, Jdbc.uuids(connection, participants));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(SummaryRow.read(rs, 1));
                }
            }
        }
        return rows;
    }

    /**
     * The summary cells of these rows and their counts: what the SQL aggregate over the same rows
     * gives (the counted rows grouped by {@link SummaryRow#cell}, per measure the number of rows
     * where it holds and the sum of their record keys), computed in memory.
     */
    static Map<List<String>, long[]> cells(Collection<SummaryRow> rows) {
        Map<List<String>, long[]> cells = new HashMap<>();
        int columns = Measure.SUMMARY_COLUMNS.size();
        for (SummaryRow row : rows) {
            if (!row.counted()) {
                continue;
            }
            long[] counts = cells.computeIfAbsent(row.cell(), k -> new long[2 * columns]);
            long key = row.key();
            for (int i = 0; i < columns; i++) {
                if (MEASURES[i].holdsFor(row)) {
                    counts[i]++;
                    counts[columns + i] += key;
                }
            }
        }
        return cells;
    }

    /** Adds {@code after - before} to the summary: one row per cell that changed, in key order. */
    static void applyDelta(Connection connection, String schema, Map<List<String>, long[]> before,
                           Map<List<String>, long[]> after) throws SQLException {
        int measures = VALUE_COLUMNS.size();
        Map<List<String>, long[]> delta = new HashMap<>();
        after.forEach((key, counts) -> delta.put(key, counts.clone()));
        before.forEach((key, counts) -> {
            long[] d = delta.computeIfAbsent(key, k -> new long[measures]);
            for (int i = 0; i < measures; i++) {
                d[i] -= counts[i];
            }
        });
        List<List<String>> changed = delta.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> v != 0))
                .map(Map.Entry::getKey).sorted(KEY_ORDER).toList();
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        String[][] keys = new String[KEYS][n];
        Long[][] counts = new Long[measures][n];
        for (int row = 0; row < n; row++) {
            List<String> key = changed.get(row);
            long[] d = delta.get(key);
            for (int i = 0; i < KEYS; i++) {
                keys[i][row] = key.get(i);
            }
            for (int i = 0; i < measures; i++) {
                counts[i][row] = d[i];
            }
        }
        String arrays = "?::text[], ".repeat(KEYS) + String.join(", ", Collections.nCopies(measures, "?::bigint[]"));
        String columns = columnNames(measures);
        String sql = "INSERT INTO " + schema + ".participation_summary AS t (" + KEY_COLUMNS + ", " + COLUMNS + ") "
                + "SELECT " + columns + " FROM unnest(" + arrays + ") WITH ORDINALITY AS d(" + columns + ", position)"
                + " ORDER BY position ON CONFLICT (" + KEY_COLUMNS + ") DO UPDATE SET " + UPDATES;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            for (int i = 0; i < KEYS; i++) {
                statement.setArray(p++, connection.createArrayOf("text", keys[i]));
            }
            for (int i = 0; i < measures; i++) {
                statement.setArray(p++, connection.createArrayOf("bigint", counts[i]));
            }
            statement.executeUpdate();
        }
    }

    private static String columnNames(int measures) {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= KEYS + measures; i++) {
            columns.add("c" + i);
        }
        return String.join(", ", columns);
    }

    /**
     * The cells that differ between the summary and the aggregate of the participations (for the
     * tests: must be none). A cell whose counts are all 0 (n = 0) counts as absent.
     */
    public static String differences(String schema) {
        String facts = "SELECT " + KEY_VALUES + ", " + COUNTS + " FROM " + schema + ".participation "
                + "WHERE category IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9";
        String cells = "SELECT " + KEY_COLUMNS + ", " + COLUMNS + " FROM " + schema + ".participation_summary WHERE n <> 0";
        return "SELECT count(*) FROM ((" + facts + " EXCEPT " + cells + ") UNION ALL (" + cells + " EXCEPT " + facts
                + ")) d";
    }

    /** Fills the summary of a generation from its participations (a generation created before the summary existed). */
    static void addAll(Connection connection, String schema) throws SQLException {
        String sql = "INSERT INTO " + schema + ".participation_summary AS t (" + KEY_COLUMNS + ", " + COLUMNS + ") "
                + "SELECT " + KEY_VALUES + ", " + COUNTS + " FROM " + schema + ".participation "
                + "WHERE category IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
                + " ON CONFLICT (" + KEY_COLUMNS + ") DO UPDATE SET " + UPDATES;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
