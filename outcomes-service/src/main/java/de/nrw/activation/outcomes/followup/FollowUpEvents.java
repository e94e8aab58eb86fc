package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.FollowUpData;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code followup.recorded.v1} and {@code followup.corrected.v1} (the same data, the corrected
 * status and date) on topic {@code outcome-events}, keyed by participant id.
 */
@ApplicationScoped
public class FollowUpEvents {

    @Inject
    Outbox outbox;

    void recorded(FollowUp followUp) {
        publish(EventTypes.FOLLOWUP_RECORDED, followUp);
    }

    void corrected(FollowUp followUp) {
        publish(EventTypes.FOLLOWUP_CORRECTED, followUp);
    }

    private void publish(String type, FollowUp f) {
        outbox.publish(Topics.OUTCOME_EVENTS, f.participantId.toString(), type, f.id.toString(),
                new FollowUpData(f.id, f.participationId, f.participantId, f.jobcenterId, f.checkpoint, f.status,
                        f.checkedOn));
    }
}
