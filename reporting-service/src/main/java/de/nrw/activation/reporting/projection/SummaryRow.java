package de.nrw.activation.reporting.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * What the summary needs of one row of table {@code participation}, as stored: its cell (the
 * dimension columns and the entry month) and every column a {@link Measure} tests. The
 * projection reads these rows for the participants a batch touches, before the writes and
 * (with {@link Reclassification}'s results) after them, and computes both sides of the summary
 * delta in memory ({@link Summary#cells}) instead of aggregating them in SQL.
 */
record SummaryRow(String phaseId, String jobcenterId, String providerType, String ageBand, String gender,
                  String customerType, String labourMarketDistance, Boolean vocationalQualification,
                  LocalDate entryDate, LocalDate exitDate, String exitReason, boolean groupCancelled, Long recordKey,
                  String category, boolean fastIntegration, String integrationKind, boolean temporaryAgency,
                  boolean fixedTerm, String month6Status, String month12Status) {

    /** The columns {@link #read} reads, in its order (a SELECT list on table participation). */
    static final String COLUMNS = "phase_id, jobcenter_id, provider_type, age_band, gender, customer_type, "
            + "labour_market_distance, vocational_qualification, entry_date, exit_date, exit_reason, group_cancelled, "
            + "record_key, category, fast_integration, integration_kind, temporary_agency, fixed_term, month6_status, "
            + "month12_status";
    /** How many columns {@link #COLUMNS} has. */
    static final int WIDTH = 20;

    private static final String UNKNOWN = "UNKNOWN";

    /** Reads the row from {@code COLUMNS} starting at result column {@code first}. */
    static SummaryRow read(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new SummaryRow(rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getObject(i++, Boolean.class),
                rs.getObject(i++, LocalDate.class), rs.getObject(i++, LocalDate.class), rs.getString(i++),
                rs.getBoolean(i++), rs.getObject(i++, Long.class), rs.getString(i++), rs.getBoolean(i++),
                rs.getString(i++), rs.getBoolean(i++), rs.getBoolean(i++), rs.getString(i++), rs.getString(i));
    }

    /** This row with the derived columns as {@link Reclassification} stores them for {@code result}. */
    SummaryRow classified(Classification.Result result) {
        return new SummaryRow(phaseId, jobcenterId, providerType, ageBand, gender, customerType, labourMarketDistance,
                vocationalQualification, entryDate, exitDate, exitReason, groupCancelled, recordKey,
                Jdbc.name(result.category()), result.fastIntegration(), Jdbc.name(result.integrationKind()),
                result.temporaryAgency(), result.fixedTerm(), Jdbc.name(result.month6Status()),
                Jdbc.name(result.month12Status()));
    }

    /**
     * Whether {@link MissingAttributes} could fill something in: the phase, provider type or
     * Jobcenter (from the group) or an attribute at entry (from the profile) is unknown.
     */
    boolean lacksGroupDataOrAttributes() {
        return phaseId == null || providerType == null || jobcenterId == null || gender == null || ageBand == null
                || customerType == null || labourMarketDistance == null || vocationalQualification == null;
    }

    /** Whether the columns {@link Reclassification} derives are the same in both rows. */
    boolean sameDerivedColumns(SummaryRow other) {
        return java.util.Objects.equals(category, other.category) && fastIntegration == other.fastIntegration
                && java.util.Objects.equals(integrationKind, other.integrationKind)
                && temporaryAgency == other.temporaryAgency && fixedTerm == other.fixedTerm
                && java.util.Objects.equals(month6Status, other.month6Status)
                && java.util.Objects.equals(month12Status, other.month12Status);
    }

    /** Whether the summary counts it at all: classified (entry known, not withdrawn). */
    boolean counted() {
        return category != null;
    }

    /**
     * Its cell, as {@link Summary#KEY_COLUMNS} stores it: unknown values 'UNKNOWN', the
     * qualification 'true' / 'false' (PostgreSQL's boolean as text), the entry month 'YYYY-MM'.
     */
    List<String> cell() {
        return List.of(known(phaseId), known(jobcenterId), known(providerType), known(ageBand), known(gender),
                known(customerType), known(labourMarketDistance),
                vocationalQualification == null ? UNKNOWN : vocationalQualification.toString(), entryMonth(entryDate));
    }

    /** The record key as the summary's key sums add it (a row without one adds 0, as SQL's sum skips NULL). */
    long key() {
        return recordKey == null ? 0 : recordKey;
    }

    private static String known(String value) {
        return value == null ? UNKNOWN : value;
    }

    /** to_char(entry_date, 'YYYY-MM'): a classified participation always has an entry date. */
    static String entryMonth(LocalDate date) {
        if (date == null) {
            return null;
        }
        int year = date.getYear();
        int month = date.getMonthValue();
        StringBuilder s = new StringBuilder(7);
        String y = Integer.toString(year);
        for (int i = y.length(); i < 4; i++) {
            s.append('0');
        }
        return s.append(y).append(month < 10 ? "-0" : "-").append(month).toString();
    }
}
