package de.nrw.activation.participants.api;

import de.nrw.activation.participants.domain.Participant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * What an education provider's staff see of a participant in a group they run: what an
 * attendance list needs, nothing else.
 */
@Schema(name = "ParticipantNames", description = "A participant as provider staff see it: id and names only")
public record ParticipantNamesView(UUID id, @Schema(maxLength = 100) String firstName,
                                   @Schema(maxLength = 100) String lastName) {

    static ParticipantNamesView of(Participant p) {
        return new ParticipantNamesView(p.id, p.firstName, p.lastName);
    }
}
