package de.nrw.activation.participants.events;

import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.ParticipantErasedData;
import de.nrw.activation.contract.ParticipantProfileData;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.participants.domain.Participant;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The events of topic {@code participant-events}, keyed by participant id. Their data is
 * anonymous by construction: the contract's records have no field for a name, a birth date or
 * a customer number.
 */
@ApplicationScoped
public class ParticipantEvents {

    @Inject
    Outbox outbox;

    public void registered(Participant p) {
        publish(p, EventTypes.PARTICIPANT_REGISTERED, profileOf(p));
    }

    public void changed(Participant p) {
        publish(p, EventTypes.PARTICIPANT_CHANGED, profileOf(p));
    }

    public void erased(Participant p) {
        publish(p, EventTypes.PARTICIPANT_ERASED, new ParticipantErasedData(p.id, p.jobcenterId));
    }

    private void publish(Participant p, String type, Record data) {
        outbox.publish(Topics.PARTICIPANT_EVENTS, p.id.toString(), type, p.id.toString(), data);
    }

    private static ParticipantProfileData profileOf(Participant p) {
        return new ParticipantProfileData(p.id, p.jobcenterId, p.gender, p.ageBand, p.customerType,
                p.labourMarketDistance, p.vocationalQualification);
    }
}
