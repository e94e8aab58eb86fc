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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports' SQL over the active generation of the read model. The counts come from the
 * pre-aggregated summary table (one row per cell and entry month, whatever the number of
 * participations); with {@code from}/{@code to} only the partial months at the period's edges
 * are counted over the participations.
 * Every value comes in as a parameter; the only text put into the SQL is the schema name, the
 * dimension's fixed column and the measures' fixed conditions.
 */
@ApplicationScoped
public class ReportQueries {

    /**
     * A key, its counts by the measures' field names, and beside each count the sum of the record
     * keys of the participations it counts (the cell key method, {@code confidentiality}).
     */
    public record Counts(String key, Map<String, Long> values, Map<String, Long> keys) { }

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
     * Adds to each row how many of its N are provisional on {@code today}: not ended (N minus the
     * ended, from the counts) plus those ended on or after {@link Classification#earliestProvisionalExit}
     * (counted over the participations, index on the exit date: only the last few months' exits);
     * a key with none gets 0. Its key sum is worked out the same way (the sets are disjoint).
     */
    private List<Counts> withProvisional(List<Counts> rows, ReportFilter filter, String jobcenterId, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT ").append(filter.dimension().keyExpression())
                .append(" AS key, count(*), coalesce(sum(record_key), 0) FROM ").append(projections.activeSchema())
                .append(".participation WHERE category IS NOT NULL AND exit_date >= ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(Classification.earliestProvisionalExit(today));
        conditions(sql, parameters, filter.phaseId, "entry_date", filter.fromDate(), filter.toDate(), jobcenterId);
        sql.append(" GROUP BY 1");
        Map<String, long[]> recentlyEnded = new LinkedHashMap<>();
        query(sql.toString(), parameters, rs -> recentlyEnded.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)}));
        return rows.stream().map(row -> {
            long[] recent = recentlyEnded.getOrDefault(row.key(), new long[2]);
            Map<String, Long> values = new LinkedHashMap<>(row.values());
            values.put(PROVISIONAL, notEnded(row.values()) + recent[0]);
            Map<String, Long> keys = new LinkedHashMap<>(row.keys());
            keys.put(PROVISIONAL, notEnded(row.keys()) + recent[1]);
            return new Counts(row.key(), values, keys);
        }).toList();
    }

    private static long notEnded(Map<String, Long> byMeasure) {
        return byMeasure.get(Measure.N.field()) - byMeasure.get(Measure.ENDED.field());
    }

    /**
     * The counts per key. The whole entry months of the selection are summed from the summary
     * (one row per cell and entry month); the days of a partial month at either edge of the
     * period are counted over the participations (index on phase or entry date), and the
     * parts are added up per key. Each count comes with the sum of its participations' record keys.
     */
    private List<Counts> run(List<Measure> measures, ReportFilter filter, String jobcenterId) {
        if (!measures.contains(Measure.N) || !measures.contains(Measure.ENDED)) {
            throw new IllegalArgumentException("A report counts N and the ended participations");
        }
        Dimension dimension = filter.dimension();
        String schema = projections.activeSchema();
        LocalDate from = filter.fromDate();
        LocalDate to = filter.toDate();
        // the whole months inside [from, to]; null: unbounded on that side
        YearMonth firstMonth = from == null ? null
                : from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
        YearMonth lastMonth = to == null ? null
                : to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to) : YearMonth.from(to).minusMonths(1);
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (firstMonth != null && lastMonth != null && firstMonth.isAfter(lastMonth)) {
            parts.add(facts(measures, dimension, schema, parameters, filter.phaseId, from, to, jobcenterId));
        } else {
            StringBuilder summary = new StringBuilder("SELECT ").append(dimension.summaryColumn()).append(" AS key");
            measures.forEach(m -> summary.append(", sum(").append(m.column()).append("), sum(").append(m.keysColumn())
                    .append(")"));
            summary.append(" FROM ").append(schema).append(".participation_summary WHERE true");
            conditions(summary, parameters, filter.phaseId, "entry_month", firstMonth == null ? null : firstMonth.toString(),
                    lastMonth == null ? null : lastMonth.toString(), jobcenterId);
            summary.append(" GROUP BY 1");
            parts.add(summary.toString());
            if (from != null && from.isBefore(firstMonth.atDay(1))) {
                parts.add(facts(measures, dimension, schema, parameters, filter.phaseId, from,
                        firstMonth.atDay(1).minusDays(1), jobcenterId));
            }
            if (to != null && to.isAfter(lastMonth.atEndOfMonth())) {
                parts.add(facts(measures, dimension, schema, parameters, filter.phaseId,
                        lastMonth.plusMonths(1).atDay(1), to, jobcenterId));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT key");
        StringBuilder names = new StringBuilder("key");
        for (int m = 0; m < measures.size(); m++) {
            sql.append(", sum(m").append(m).append("), sum(k").append(m).append(")");
            names.append(", m").append(m).append(", k").append(m);
        }
        sql.append(" FROM (").append(String.join(" UNION ALL ", parts)).append(") AS u(").append(names).append(")")
                // cells whose participations all moved elsewhere
                .append(" GROUP BY key HAVING sum(m").append(measures.indexOf(Measure.N)).append(") > 0 ORDER BY key");
        List<Counts> rows = new ArrayList<>();
        query(sql.toString(), parameters, rs -> {
            Map<String, Long> values = new LinkedHashMap<>();
            Map<String, Long> keys = new LinkedHashMap<>();
            for (int m = 0; m < measures.size(); m++) {
                values.put(measures.get(m).field(), rs.getLong(2 + 2 * m));
                keys.put(measures.get(m).field(), rs.getLong(3 + 2 * m));
            }
            rows.add(new Counts(rs.getString(1), values, keys));
        });
        return rows;
    }

    /** The counts per key over the participations that entered between {@code from} and {@code to} (inclusive). */
    private static String facts(List<Measure> measures, Dimension dimension, String schema, List<Object> parameters,
                                String phaseId, LocalDate from, LocalDate to, String jobcenterId) {
        StringBuilder sql = new StringBuilder("SELECT ").append(dimension.keyExpression()).append(" AS key");
        measures.forEach(m -> sql.append(", count(*) FILTER (WHERE ").append(m.condition())
                .append("), coalesce(sum(record_key) FILTER (WHERE ").append(m.condition()).append("), 0)"));
        sql.append(" FROM ").append(schema).append(".participation WHERE category IS NOT NULL");
        conditions(sql, parameters, phaseId, "entry_date", from, to, jobcenterId);
        return sql.append(" GROUP BY 1").toString();
    }

    /** Appends the selection's conditions; {@code column} is the entry date or month, bounded by {@code from}/{@code to}. */
    private static void conditions(StringBuilder sql, List<Object> parameters, String phaseId, String column,
                                   Object from, Object to, String jobcenterId) {
        if (phaseId != null) {
            sql.append(" AND phase_id = ?");
            parameters.add(phaseId);
        }
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            parameters.add(from);
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" <= ?");
            parameters.add(to);
        }
        if (jobcenterId != null) {
            sql.append(" AND jobcenter_id = ?");
            parameters.add(jobcenterId);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
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

    /** The total row: all rows' counts and key sums added up. */
    public static Counts total(List<Counts> rows, List<String> names) {
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, Long> keys = new LinkedHashMap<>();
        names.forEach(name -> {
            values.put(name, 0L);
            keys.put(name, 0L);
        });
        rows.forEach(row -> {
            row.values().forEach((name, value) -> values.merge(name, value, Long::sum));
            row.keys().forEach((name, value) -> keys.merge(name, value, Long::sum));
        });
        return new Counts(Report.TOTAL, values, keys);
    }
}
