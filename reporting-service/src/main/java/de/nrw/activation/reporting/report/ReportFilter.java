package de.nrw.activation.reporting.report;

import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.time.DateRange;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The selection of a report: which participations (by entry) and how the rows are grouped. */
public class ReportFilter {

    static final String PHASE_PATTERN = "[A-Z][A-Z0-9_]{0,99}";
    static final String DATE_PATTERN = "\\d{4}-\\d{2}-\\d{2}";

    @QueryParam("phaseId")
    @Size(max = 100)
    @Pattern(regexp = PHASE_PATTERN, message = "must be a phase id such as PHASE_1")
    @Parameter(description = "Only participations in groups of this phase (e.g. PHASE_1); all phases if absent",
            example = "PHASE_1")
    public String phaseId;

    @QueryParam("groupBy")
    @Size(max = 40)
    @Pattern(regexp = Dimension.NAMES, message = "must be one of " + Dimension.NAMES)
    @Parameter(description = "One row per value of: jobcenter (default), providerType, ageBand, gender, customerType, "
            + "labourMarketDistance, vocationalQualification, entryQuarter (keys like 2012-Q1), entryMonth (2012-01)",
            example = "jobcenter")
    public String groupBy;

    @QueryParam("from")
    @Size(max = 10)
    @Pattern(regexp = DATE_PATTERN, message = "must be a date such as 2011-09-01")
    @Parameter(description = "Only participations that entered on or after this date (ISO-8601)", example = "2011-09-01")
    public String from;

    @QueryParam("to")
    @Size(max = 10)
    @Pattern(regexp = DATE_PATTERN, message = "must be a date such as 2012-08-31")
    @Parameter(description = "Only participations that entered on or before this date (ISO-8601)", example = "2012-08-31")
    public String to;

    @QueryParam("lang")
    @Size(max = 2)
    @Pattern(regexp = "de", message = "must be de (German CSV column titles) or absent")
    @Parameter(description = "CSV only: lang=de gives German column titles (what the dashboard downloads); absent: "
            + "the JSON field names", example = "de")
    public String lang;

    /** German CSV column titles requested. */
    public boolean german() {
        return "de".equals(lang);
    }

    public Dimension dimension() {
        return Dimension.of(groupBy);
    }

    public LocalDate fromDate() {
        return date("from", from);
    }

    public LocalDate toDate() {
        return date("to", to);
    }

    /** Checks what annotations cannot: real calendar dates, and from not after to. */
    public ReportFilter validated() {
        LocalDate start = fromDate();
        LocalDate end = toDate();
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.badRequest("from", "must not be after 'to'");
        }
        dimension();
        return this;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateRange.check(field, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date such as 2011-09-01");
        }
    }
}
