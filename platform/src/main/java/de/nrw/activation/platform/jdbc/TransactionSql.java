package de.nrw.activation.platform.jdbc;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One plain prepared statement on the connection of the current transaction (the session's), for
 * the write path's hot statements where Hibernate's persist, flush and dirty checking or its
 * query translation cost more CPU than the statement itself (issue 16's profile). Nothing here
 * touches the session: a row written this way is not managed, and pending changes of managed
 * objects are not flushed first.
 *
 * <p>Parameters are bound in order: an {@link Instant} as a UTC {@code timestamptz}, an enum by
 * its name, everything else with {@code setObject} (String, UUID, LocalDate, numbers, booleans).
 */
public final class TransactionSql {

    private static final String UNIQUE_VIOLATION = "23505";

    private TransactionSql() {
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    public static int update(EntityManager em, String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Runs an INSERT; returns false, without an exception and so without a log line that could
     * hold the refused values, when a unique index refused the row (a concurrent writer won).
     */
    public static boolean insertUnlessDuplicate(EntityManager em, String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                statement.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Whether the query finds at least one row. */
    public static boolean exists(EntityManager em, String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
