package de.nrw.activation.participants.events;

import de.nrw.activation.participants.domain.AgeBand;
import de.nrw.activation.participants.domain.CustomerType;
import de.nrw.activation.participants.domain.Gender;
import de.nrw.activation.participants.domain.LabourMarketDistance;
import de.nrw.activation.participants.domain.Participant;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The events of topic {@code participant-events}, keyed by participant id. Their data is
 * anonymous by construction: these records have no field for a name, a birth date or a
 * customer number.
 */
@ApplicationScoped
public class ParticipantEvents {

    public static final String TOPIC = "participant-events";
    public static final String REGISTERED = "participant.registered.v1";
    public static final String CHANGED = "participant.changed.v1";
    public static final String ERASED = "participant.erased.v1";

    /** Data of {@code participant.registered.v1} and {@code participant.changed.v1}. */
    public record ProfileData(UUID participantId, String jobcenterId, Gender gender, AgeBand ageBand,
                              CustomerType customerType, LabourMarketDistance labourMarketDistance,
                              boolean vocationalQualification) {
        static ProfileData of(Participant p) {
            return new ProfileData(p.id, p.jobcenterId, p.gender, p.ageBand, p.customerType,
                    p.labourMarketDistance, p.vocationalQualification);
        }
    }

    /** Data of {@code participant.erased.v1}. */
    public record ErasedData(UUID participantId, String jobcenterId) { }

    @Inject
    Outbox outbox;

    public void registered(Participant p) {
        outbox.publish(TOPIC, p.id.toString(), REGISTERED, p.id.toString(), ProfileData.of(p));
    }

    public void changed(Participant p) {
        outbox.publish(TOPIC, p.id.toString(), CHANGED, p.id.toString(), ProfileData.of(p));
    }

    public void erased(Participant p) {
        outbox.publish(TOPIC, p.id.toString(), ERASED, p.id.toString(), new ErasedData(p.id, p.jobcenterId));
    }
}
