package de.nrw.activation.participants.api;

import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.platform.validation.NotBefore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Request bodies of the participants API. */
public final class ParticipantRequests {

    static final String JOBCENTER_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String CUSTOMER_NUMBER_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]*";

    private ParticipantRequests() { }

    @Schema(name = "RegisterParticipant", description = "A person newly assigned to the programme")
    public record Register(
            @Schema(description = "Jobcenter id (slug), must be the caller's own", examples = "herne")
            @NotBlank @Size(max = 64) @Pattern(regexp = JOBCENTER_PATTERN, message = "must be a lower-case slug such as kreis-coesfeld")
            String jobcenterId,
            @Schema(description = "The Jobcenter's own customer number (Kundennummer), unique within the Jobcenter", examples = "123D456789")
            @NotBlank @Size(max = 32) @Pattern(regexp = CUSTOMER_NUMBER_PATTERN, message = "must be letters, digits and dashes")
            String customerNumber,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Past @NotBefore("1900-01-01") LocalDate dateOfBirth,
            @NotNull Gender gender,
            @NotNull CustomerType customerType,
            @NotNull LabourMarketDistance labourMarketDistance,
            @Schema(description = "Has a completed vocational or academic qualification (Berufsabschluss)")
            @NotNull Boolean vocationalQualification) {
    }

    @Schema(name = "ChangeParticipant", description = "The changeable fields: names, birth date (corrections) and profile. "
            + "Jobcenter and customer number cannot change.")
    public record Change(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Past @NotBefore("1900-01-01") LocalDate dateOfBirth,
            @NotNull Gender gender,
            @NotNull CustomerType customerType,
            @NotNull LabourMarketDistance labourMarketDistance,
            @NotNull Boolean vocationalQualification) {
    }
}
