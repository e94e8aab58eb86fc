package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code outcome.recorded.v1} and {@code outcome.corrected.v1} on topic {@code outcome-events},
 * keyed by participant id. The data has no field for the employer: it is personal-ish and
 * stays in this service.
 */
@ApplicationScoped
public class OutcomeEvents {

    public static final String TOPIC = "outcome-events";
    public static final String RECORDED = "outcome.recorded.v1";
    public static final String CORRECTED = "outcome.corrected.v1";

    /** Data of both event types. */
    public record OutcomeData(UUID outcomeId, UUID participantId, String jobcenterId, OutcomeKind kind,
                              LocalDate startDate, boolean temporaryAgency, boolean fixedTerm) {
        static OutcomeData of(Outcome o) {
            return new OutcomeData(o.id, o.participantId, o.jobcenterId, o.kind, o.startDate, o.temporaryAgency, o.fixedTerm);
        }
    }

    @Inject
    Outbox outbox;

    void recorded(Outcome outcome) {
        outbox.publish(TOPIC, outcome.participantId.toString(), RECORDED, outcome.id.toString(), OutcomeData.of(outcome));
    }

    void corrected(Outcome outcome) {
        outbox.publish(TOPIC, outcome.participantId.toString(), CORRECTED, outcome.id.toString(), OutcomeData.of(outcome));
    }
}
