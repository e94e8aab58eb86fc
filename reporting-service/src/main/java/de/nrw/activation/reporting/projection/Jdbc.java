package de.nrw.activation.reporting.projection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/** The little JDBC the projection's writers share: one batch per statement, the generation's schema. */
final class Jdbc {

    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private Jdbc() { }

    /** {@code S.table} in the SQL becomes {@code <schema>.table}; the schema is checked by the caller. */
    static String inSchema(String sql, String schema) {
        return sql.replaceAll("\\bS\\.", schema + ".");
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
