package de.nrw.activation.outcomes.followup;

import de.nrw.activation.outcomes.outcome.OutcomeKind;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.UUID;

/** {@code followup.recorded.v1} on topic {@code outcome-events}, keyed by participant id. */
@ApplicationScoped
public class FollowUpEvents {

    public static final String TOPIC = "outcome-events";
    public static final String RECORDED = "followup.recorded.v1";

    /** Data of {@code followup.recorded.v1}. */
    public record FollowUpData(UUID followUpId, UUID participationId, UUID participantId, String jobcenterId,
                               Checkpoint checkpoint, OutcomeKind status, LocalDate checkedOn) {
        static FollowUpData of(FollowUp f) {
            return new FollowUpData(f.id, f.participationId, f.participantId, f.jobcenterId, f.checkpoint, f.status,
                    f.checkedOn);
        }
    }

    @Inject
    Outbox outbox;

    void recorded(FollowUp followUp) {
        outbox.publish(TOPIC, followUp.participantId.toString(), RECORDED, followUp.id.toString(),
                FollowUpData.of(followUp));
    }
}
