package de.nrw.activation.reporting.projection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little JDBC the projection's writers share: one batch per statement, the generation's schema. */
final class Jdbc {

    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private Jdbc() { }

    /** The statements per schema, once made (a few generations at a time; emptied when rebuilds leave many). */
    private static final Map<String, Map<String, String>> IN_SCHEMA = new ConcurrentHashMap<>();
    private static final Pattern TABLE = Pattern.compile("\\bS\\.");

    /**
     * {@code S.table} in the SQL becomes {@code <schema>.table}; the schema is checked by the caller.
     * Remembered per schema and statement: the projection asks for the same few statements in every batch.
     */
    static String inSchema(String sql, String schema) {
        if (IN_SCHEMA.size() > 16) {
            IN_SCHEMA.clear();
        }
        return IN_SCHEMA.computeIfAbsent(schema, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(sql, k -> TABLE.matcher(k).replaceAll(Matcher.quoteReplacement(schema + ".")));
    }

    static <T> void batch(Connection connection, String sql, Collection<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray(new UUID[0]));
    }

    /** An enum as stored: its name (the contract's value), or NULL. */
    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
