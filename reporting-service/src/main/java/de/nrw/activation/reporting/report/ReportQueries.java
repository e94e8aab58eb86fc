package de.nrw.activation.reporting.report;

import de.nrw.activation.reporting.projection.Classification;
import de.nrw.activation.reporting.projection.Measure;
import de.nrw.activation.reporting.projection.Projections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports' SQL over the active generation of the read model. Without an entry period the
 * counts come from the pre-aggregated summary table (a few thousand rows, whatever the number
 * of participations); with {@code from}/{@code to} they are counted over the participations.
 * Every value comes in as a parameter; the only text put into the SQL is the schema name, the
 * dimension's fixed column and the measures' fixed conditions.
 */
@ApplicationScoped
public class ReportQueries {

    /** A key and its counts, by the measures' field names. */
    public record Counts(String key, Map<String, Long> values) { }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Projections projections;

    /** The name of the provisional count in a row's counts. */
    public static final String PROVISIONAL = "provisional";

    public List<Counts> whereabouts(ReportFilter filter, String jobcenterId, LocalDate today) {
        return withProvisional(run(Measure.WHEREABOUTS, filter, jobcenterId), filter, jobcenterId, today);
    }

    public List<Counts> sustainability(ReportFilter filter, String jobcenterId, LocalDate today) {
        return withProvisional(run(Measure.SUSTAINABILITY, filter, jobcenterId), filter, jobcenterId, today);
    }

    /**
     * Adds to each row how many of its N are provisional on {@code today}. Counted over the
     * participations (the summary cannot know the day); a key with none gets 0.
     */
    private List<Counts> withProvisional(List<Counts> rows, ReportFilter filter, String jobcenterId, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT ").append(filter.dimension().keyExpression())
                .append(" AS key, count(*) FROM ").append(projections.activeSchema())
                .append(".participation WHERE category IS NOT NULL AND ").append(Measure.PROVISIONAL_SINCE);
        List<Object> parameters = new ArrayList<>();
        parameters.add(Classification.earliestProvisionalExit(today));
        Map<String, Long> provisional = new LinkedHashMap<>();
        query(sql, parameters, false, filter, jobcenterId, rs -> provisional.put(rs.getString(1), rs.getLong(2)));
        return rows.stream().map(row -> {
            Map<String, Long> values = new LinkedHashMap<>(row.values());
            values.put(PROVISIONAL, provisional.getOrDefault(row.key(), 0L));
            return new Counts(row.key(), values);
        }).toList();
    }

    private List<Counts> run(List<Measure> measures, ReportFilter filter, String jobcenterId) {
        Dimension dimension = filter.dimension();
        boolean period = filter.fromDate() != null || filter.toDate() != null || !dimension.inSummary();
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(period ? dimension.keyExpression() : dimension.summaryColumn()).append(" AS key");
        for (Measure measure : measures) {
            sql.append(period ? ", count(*) FILTER (WHERE " + measure.condition() + ")" : ", sum(" + measure.column() + ")");
        }
        sql.append(" FROM ").append(projections.activeSchema())
                .append(period ? ".participation WHERE category IS NOT NULL" : ".participation_summary WHERE true");
        List<Counts> rows = new ArrayList<>();
        query(sql, new ArrayList<>(), !period, filter, jobcenterId, rs -> {
            Map<String, Long> values = new LinkedHashMap<>();
            for (int m = 0; m < measures.size(); m++) {
                values.put(measures.get(m).field(), rs.getLong(2 + m));
            }
            rows.add(new Counts(rs.getString(1), values));
        });
        return rows;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Appends the selection's conditions and the grouping to {@code sql}, runs it and hands each row to the reader. */
    private void query(StringBuilder sql, List<Object> parameters, boolean summary, ReportFilter filter,
                       String jobcenterId, RowReader reader) {
        LocalDate from = filter.fromDate();
        LocalDate to = filter.toDate();
        if (filter.phaseId != null) {
            sql.append(" AND phase_id = ?");
            parameters.add(filter.phaseId);
        }
        if (from != null) {
            sql.append(" AND entry_date >= ?");
            parameters.add(from);
        }
        if (to != null) {
            sql.append(" AND entry_date <= ?");
            parameters.add(to);
        }
        if (jobcenterId != null) {
            sql.append(" AND jobcenter_id = ?");
            parameters.add(jobcenterId);
        }
        sql.append(" GROUP BY 1");
        if (summary) {
            sql.append(" HAVING sum(n) > 0"); // cells whose participations all moved elsewhere
        }
        sql.append(" ORDER BY 1");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Report query failed", e);
        }
    }

    /** The total of all rows' counts. */
    public static Map<String, Long> total(List<Counts> rows, List<String> names) {
        Map<String, Long> total = new LinkedHashMap<>();
        names.forEach(name -> total.put(name, 0L));
        rows.forEach(row -> row.values().forEach((name, value) -> total.merge(name, value, Long::sum)));
        return total;
    }
}
