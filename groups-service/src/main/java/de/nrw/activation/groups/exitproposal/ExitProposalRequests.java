package de.nrw.activation.groups.exitproposal;

import de.nrw.activation.contract.ExitReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Request bodies of the exit-proposals API. */
public final class ExitProposalRequests {

    private ExitProposalRequests() { }

    @Schema(name = "ProposeExit", description = "The exit the provider's staff propose: the day it happened and why")
    public record Propose(@NotNull LocalDate exitDate, @NotNull ExitReason reason) {
    }

    @Schema(name = "RejectExitProposal", description = "Why Jobcenter staff do not record the proposed exit")
    public record Reject(
            @Schema(description = "For the provider's staff to read, e.g. 'still attending'. No personal data",
                    examples = "still attending")
            @NotBlank @Size(max = 500) String reason) {
    }
}
