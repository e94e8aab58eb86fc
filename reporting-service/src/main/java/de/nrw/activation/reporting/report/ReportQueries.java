package de.nrw.activation.reporting.report;

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
 * The reports' SQL: one aggregate over the active generation's participations, whose
 * categories the projection has already computed. Every value comes in as a parameter; the
 * only text put into the SQL is the schema name and the dimension's fixed column expression.
 */
@ApplicationScoped
public class ReportQueries {

    /** A key and its counts, in the order of the report's count names. */
    public record Counts(String key, Map<String, Long> values) { }

    private static final String INTEGRATION = "category = 'INTEGRATION'";
    private static final String[][] WHEREABOUTS = {
            {"integrations", INTEGRATION},
            {"minijobs", "category = 'MINIJOB'"},
            {"unemployed", "category = 'UNEMPLOYED'"},
            {"other", "category = 'OTHER'"},
            {"dropouts", "category = 'DROPOUT'"},
            {"open", "category = 'OPEN'"},
            {"fastIntegrations", "fast_integration"},
            {"closeToLabourMarket", "labour_market_distance = 'CLOSE'"},
            {"qualified", "vocational_qualification"},
            {"employment", INTEGRATION + " AND integration_kind = 'EMPLOYMENT'"},
            {"apprenticeship", INTEGRATION + " AND integration_kind = 'APPRENTICESHIP'"},
            {"selfEmployment", INTEGRATION + " AND integration_kind = 'SELF_EMPLOYMENT'"},
            {"temporaryAgency", INTEGRATION + " AND integration_kind = 'EMPLOYMENT' AND temporary_agency"},
            {"fixedTerm", INTEGRATION + " AND integration_kind = 'EMPLOYMENT' AND fixed_term"},
    };
    private static final String[][] SUSTAINABILITY = {
            {"integrated", INTEGRATION},
            {"checkedAtMonth6", INTEGRATION + " AND month6_status IS NOT NULL"},
            {"stillIntegrated", INTEGRATION + " AND month6_status IN ('EMPLOYMENT', 'APPRENTICESHIP', 'SELF_EMPLOYMENT')"},
            {"ended", "exit_date IS NOT NULL"},
            {"endedCheckedAtMonth6", "exit_date IS NOT NULL AND month6_status IS NOT NULL"},
            {"placed", "exit_date IS NOT NULL AND month6_status IN ('EMPLOYMENT', 'APPRENTICESHIP')"},
            {"notUnemployed", "exit_date IS NOT NULL AND month6_status IS NOT NULL AND month6_status <> 'UNEMPLOYED'"},
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Projections projections;

    public List<Counts> whereabouts(ReportFilter filter, String jobcenterId) {
        return run(WHEREABOUTS, filter, jobcenterId);
    }

    public List<Counts> sustainability(ReportFilter filter, String jobcenterId) {
        return run(SUSTAINABILITY, filter, jobcenterId);
    }

    private List<Counts> run(String[][] measures, ReportFilter filter, String jobcenterId) {
        StringBuilder sql = new StringBuilder("SELECT ").append(filter.dimension().keyExpression())
                .append(" AS key, count(*) AS n");
        for (String[] measure : measures) {
            sql.append(", count(*) FILTER (WHERE ").append(measure[1]).append(')');
        }
        sql.append(" FROM ").append(projections.activeSchema()).append(".participation WHERE category IS NOT NULL");
        List<Object> parameters = new ArrayList<>();
        if (filter.phaseId != null) {
            sql.append(" AND phase_id = ?");
            parameters.add(filter.phaseId);
        }
        LocalDate from = filter.fromDate();
        if (from != null) {
            sql.append(" AND entry_date >= ?");
            parameters.add(from);
        }
        LocalDate to = filter.toDate();
        if (to != null) {
            sql.append(" AND entry_date <= ?");
            parameters.add(to);
        }
        if (jobcenterId != null) {
            sql.append(" AND jobcenter_id = ?");
            parameters.add(jobcenterId);
        }
        sql.append(" GROUP BY 1 ORDER BY 1");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<Counts> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Long> values = new LinkedHashMap<>();
                    values.put("n", rs.getLong(2));
                    for (int m = 0; m < measures.length; m++) {
                        values.put(measures[m][0], rs.getLong(3 + m));
                    }
                    rows.add(new Counts(rs.getString(1), values));
                }
            }
            return rows;
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
