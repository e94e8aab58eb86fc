package de.nrw.activation.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A report: what was selected, one row per key, and the total row. */
@Schema(description = "A report: the selection, one row per key and a total row")
public record Report<R>(
        @Schema(description = "The phase selected, or null for all phases") String phaseId,
        @Schema(description = "The dimension of the rows") String groupBy,
        LocalDate from,
        LocalDate to,
        @Schema(description = "The Jobcenter the rows are restricted to (staff), or null (coordinator: all)")
        String jobcenterId,
        @Schema(description = "True when every count is perturbed by the cell key method and the quotas computed from "
                + "the perturbed counts (the coordinator's cross-Jobcenter view: no count is ever 1 or 2, a Jobcenter "
                + "whose N comes out as 0 has no row; docs/confidentiality.md). False: the exact counts (staff, own "
                + "Jobcenter)")
        boolean perturbed,
        List<R> rows,
        R total) {

    /** The name of the total row's key. */
    public static final String TOTAL = "total";
}
