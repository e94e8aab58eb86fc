package de.nrw.activation.groups.group;

import de.nrw.activation.contract.ProviderType;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.nrw.activation.groups.Validation;
import de.nrw.activation.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Request bodies of the groups API. */
public final class GroupRequests {

    private GroupRequests() { }

    /**
     * Who runs the group. A contracted education provider is named by its {@code id} too: the
     * slug its staff's tokens carry in the claim {@code provider}, which gives them access to the
     * group. Required for {@code EDUCATION_PROVIDER}, refused for {@code JOBCENTER} (400 naming
     * {@code provider.id}).
     */
    @Schema(name = "Provider", description = "Who runs the group")
    public record Provider(
            @NotNull ProviderType type,
            @Schema(examples = "Jobcenter Herne") @NotBlank @Size(max = 200) String name,
            @Schema(description = "The education provider's id (its staff's token claim `provider`); "
                    + "required for EDUCATION_PROVIDER, absent for JOBCENTER", examples = "bildungswerk-ruhr")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Size(max = 64) @Pattern(regexp = Validation.PROVIDER_PATTERN, message = Validation.PROVIDER_MESSAGE) String id) {

        /** 400 naming {@code provider.id} when the id does not fit the type. */
        public void requireIdFitsType() {
            if (type == ProviderType.EDUCATION_PROVIDER && id == null) {
                throw ProblemException.badRequest("provider.id", "is required for a group run by an education provider");
            }
            if (type == ProviderType.JOBCENTER && id != null) {
                throw ProblemException.badRequest("provider.id", "is only for a group run by an education provider");
            }
        }
    }

    /**
     * A group to schedule. Only the format is checked here (400); the programme's facts
     * (capacity 1 to 20, 6 to 8 weeks, 3 or 4 days Monday to Friday, 9 to 16 hours a week,
     * a coach per 20 places, Jobcenter and period inside the phase) answer 422 naming the rule.
     */
    @Schema(name = "ScheduleGroup", description = "A new activation group with its weekly timetable")
    public record Schedule(
            @Schema(examples = "herne") @NotBlank @Size(max = 64)
            @Pattern(regexp = Validation.JOBCENTER_PATTERN, message = Validation.JOBCENTER_MESSAGE) String jobcenterId,
            @Schema(examples = "PHASE_1") @NotBlank @Size(max = 40)
            @Pattern(regexp = Validation.PHASE_PATTERN, message = Validation.PHASE_MESSAGE) String phaseId,
            @Schema(examples = "Aktivierungsgruppe 3") @NotBlank @Size(max = 200) String name,
            @NotNull @Valid Provider provider,
            @Schema(examples = "Jobcenter Herne, Raum 2.14") @NotBlank @Size(max = 200) String location,
            @Schema(description = "The Jobcoaches' names: at least one per 20 places")
            @NotNull @Size(max = 10) List<@NotBlank @Size(max = 200) String> coaches,
            @NotNull LocalDate startDate,
            @Schema(description = "6 to 8") @NotNull Integer weeks,
            @Schema(description = "3 or 4 of MONDAY..FRIDAY") @NotNull @Size(max = 7) List<@NotNull DayOfWeek> meetingDays,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", examples = "09:00")
            @NotNull LocalTime dailyStart,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", examples = "12:30")
            @NotNull LocalTime dailyEnd,
            @Schema(description = "1 to 20 places") @NotNull Integer capacity) {
    }

    /**
     * What may change after scheduling (domain.md): name, location, coaches, provider name (and an
     * education provider's id) and capacity. The provider type and the timetable stay.
     */
    @Schema(name = "ChangeGroup", description = "A group's changeable details; send all of them")
    public record Change(
            @Schema(examples = "Aktivierungsgruppe 3") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "Jobcenter Herne, Raum 3.02") @NotBlank @Size(max = 200) String location,
            @Schema(description = "The Jobcoaches' names: at least one per 20 places")
            @NotNull @Size(max = 10) List<@NotBlank @Size(max = 200) String> coaches,
            @Schema(description = "The type must stay as scheduled; the name may change") @NotNull @Valid Provider provider,
            @Schema(description = "1 to 20 places, not below the places taken") @NotNull Integer capacity) {
    }
}
