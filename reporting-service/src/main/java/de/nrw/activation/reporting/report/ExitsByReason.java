package de.nrw.activation.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The row's ended participations by exit reason, whatever happened after the exit (domain.md,
 * "More figures the evaluation needs"). {@code other} includes the exits through a cancelled
 * group; {@code groupCancelled} counts those alone.
 */
@Schema(description = "Ended participations by exit reason, whatever happened afterwards; other includes groupCancelled")
public record ExitsByReason(
        @Schema(description = "Exit reason COMPLETED") Long completed,
        @Schema(description = "Exit reason INTEGRATED") Long integrated,
        @Schema(description = "Exit reason DROPOUT (the numerator of dropoutRate)") Long dropout,
        @Schema(description = "Exit reason OTHER, including the exits through a cancelled group") Long other,
        @Schema(description = "Of these, ended because the group was cancelled") Long groupCancelled) {

    /** The counts behind the fields, as {@code de.nrw.activation.reporting.projection.Measure} names them. */
    static final String COMPLETED = "exitsCompleted";
    static final String INTEGRATED = "exitsIntegrated";
    static final String DROPOUT = "exitsDropout";
    static final String OTHER = "exitsOther";
    static final String GROUP_CANCELLED = "exitsGroupCancelled";

    static ExitsByReason of(Figures f) {
        return new ExitsByReason(f.count(COMPLETED),
                f.count(INTEGRATED), f.count(DROPOUT),
                f.count(OTHER), f.count(GROUP_CANCELLED));
    }
}
