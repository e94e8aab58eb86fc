package de.nrw.activation.groups.participation;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.groups.provider.ProviderScope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A participation as provider staff see it: what an attendance list and an exit proposal need,
 * about the stay in their group only. Not the participant's attributes at entry, not the groups
 * before or after it (the names come from participants-service, which shows them the first and
 * last name only).
 */
@Schema(name = "ProviderParticipation", description = "A participation as the education provider's staff see it")
public record ProviderParticipationView(
        UUID id,
        UUID participantId,
        @Schema(description = "The provider's group") UUID groupId,
        @Schema(description = "The first day in the provider's group", required = true) LocalDate from,
        @Schema(description = "The last day in the provider's group before a transfer out; absent otherwise") LocalDate to,
        @Schema(description = "The exit, when the participation ended in the provider's group") LocalDate exitDate,
        ExitReason exitReason,
        @Schema(description = "ACTIVE or ENDED") ParticipationStatus status,
        @Schema(description = "The last day the provider's staff see this participation: 40 days after its last day "
                + "in the group (the exit, the day before a transfer out, or, while the exit is missing, the group's end)",
                required = true)
        LocalDate accessUntil,
        @Schema(description = "Version of the participation, also sent as the ETag") long version) {

    static ProviderParticipationView of(Participation p, ProviderScope.Stay stay) {
        boolean endedHere = stay.isCurrent() && p.hasExited();
        return new ProviderParticipationView(p.id, p.participantId, stay.groupId(), stay.from(), stay.to(),
                endedHere ? p.exitDate : null, endedHere ? p.exitReason : null, p.status(), stay.accessUntil(), p.version);
    }
}
