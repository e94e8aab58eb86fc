package de.nrw.activation.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the service's own tables in tests, to assert what was really stored. */
public final class Rows {

    private Rows() { }

    public static List<Map<String, Object>> query(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> one(DataSource dataSource, String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(dataSource, sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.get(0);
    }

    public static long count(DataSource dataSource, String sql, Object... parameters) {
        return ((Number) one(dataSource, sql, parameters).values().iterator().next()).longValue();
    }

    public static int execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every row of the tables, each as its text literal, in a stable order: a snapshot to compare
     * before and after a request. (Text, because JDBC array objects print differently once
     * statements are server-prepared.)
     */
    public static String snapshot(DataSource dataSource, String... tables) {
        StringBuilder state = new StringBuilder();
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Bad table name " + table);
            }
            state.append(table).append(query(dataSource, "SELECT t::text AS row FROM " + table + " t ORDER BY 1"));
        }
        return state.toString();
    }
}
