package de.nrw.activation.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A report: what was selected, one row per key, and the total row. */
@Schema(description = "A report: the selection, one row per key and a total row")
public record Report<R>(
        @Schema(description = "The phase selected, or null for all phases", nullable = true, maxLength = 100,
                pattern = ReportFilter.PHASE_PATTERN)
        String phaseId,
        @Schema(description = "The dimension of the rows", maxLength = 40, pattern = Dimension.NAMES) String groupBy,
        @Schema(description = "The first entry date selected, or null", nullable = true, maxLength = 10, format = "date",
                pattern = ReportFilter.DATE_PATTERN) LocalDate from,
        @Schema(description = "The last entry date selected, or null", nullable = true, maxLength = 10, format = "date",
                pattern = ReportFilter.DATE_PATTERN) LocalDate to,
        @Schema(description = "The Jobcenter the rows are restricted to (staff), or null (coordinator: all)",
                nullable = true, maxLength = 64, pattern = "[a-z0-9]+(-[a-z0-9]+)*")
        String jobcenterId,
        @Schema(description = "True when every count is perturbed by the cell key method and the quotas computed from "
                + "the perturbed counts (the coordinator's cross-Jobcenter view: no count is ever 1 or 2, a Jobcenter "
                + "whose N comes out as 0 has no row; docs/confidentiality.md). False: the exact counts (staff, own "
                + "Jobcenter)")
        boolean perturbed,
        @Schema(description = "One row per key, ordered by key", maxItems = Report.MAX_ROWS) List<R> rows,
        R total) {

    /** The longest key of a row: a Jobcenter id (64), the other dimensions' values are shorter. */
    public static final int KEY_LENGTH = 64;

    /**
     * The most rows a report declares: the longest dimension is the entry month, about a hundred
     * over the programme's years; the Jobcenters of a state are fewer still.
     */
    public static final int MAX_ROWS = 1000;

    /** The name of the total row's key. */
    public static final String TOTAL = "total";
}
