package de.nrw.activation.groups.phase;

import de.nrw.activation.groups.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Set;

/** Request bodies of the phases API (coordinator only). */
public final class PhaseRequests {

    private PhaseRequests() { }

    @Schema(name = "AddPhase", description = "A new programme phase, e.g. regular operation after the model project")
    public record Add(
            @Schema(examples = "REGULAR_2014") @NotBlank @Size(max = 40)
            @Pattern(regexp = Validation.PHASE_PATTERN, message = Validation.PHASE_MESSAGE) String id,
            @NotBlank @Size(max = 100) String name,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotEmpty @Size(max = 100)
            Set<@NotBlank @Size(max = 64) @Pattern(regexp = Validation.JOBCENTER_PATTERN, message = Validation.JOBCENTER_MESSAGE) String> jobcenterIds) {
    }

    @Schema(name = "ChangePhase", description = "A phase's name, period and Jobcenters; groups already scheduled stay as they are")
    public record Change(
            @NotBlank @Size(max = 100) String name,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotEmpty @Size(max = 100)
            Set<@NotBlank @Size(max = 64) @Pattern(regexp = Validation.JOBCENTER_PATTERN, message = Validation.JOBCENTER_MESSAGE) String> jobcenterIds) {
    }
}
