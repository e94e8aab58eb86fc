package de.nrw.activation.groups.phase;

import de.nrw.activation.groups.Validation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A programme phase as every role sees it. */
@Schema(name = "Phase")
public record PhaseView(
        @Schema(examples = "PHASE_1", maxLength = 40, pattern = Validation.PHASE_PATTERN) String id,
        @Schema(examples = "Phase I") @Size(max = 100) String name,
        LocalDate startDate,
        LocalDate endDate,
        @Schema(description = "The Jobcenters taking part (slugs), sorted") @Size(max = 100) List<@Size(max = 64) @Pattern(regexp = Validation.JOBCENTER_PATTERN) String> jobcenterIds,
        @Schema(description = "Version, also sent as the ETag") long version) {

    static PhaseView of(Phase phase) {
        return new PhaseView(phase.id, phase.name, phase.startDate, phase.endDate,
                phase.jobcenterIds.stream().sorted().toList(), phase.version);
    }
}
