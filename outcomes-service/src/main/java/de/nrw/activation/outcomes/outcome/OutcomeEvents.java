package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.OutcomeData;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code outcome.recorded.v1} and {@code outcome.corrected.v1} on topic {@code outcome-events},
 * keyed by participant id. The contract's data has no field for the employer: it is
 * personal-ish and stays in this service.
 */
@ApplicationScoped
public class OutcomeEvents {

    @Inject
    Outbox outbox;

    void recorded(Outcome outcome) {
        publish(EventTypes.OUTCOME_RECORDED, outcome);
    }

    void corrected(Outcome outcome) {
        publish(EventTypes.OUTCOME_CORRECTED, outcome);
    }

    private void publish(String type, Outcome o) {
        outbox.publish(Topics.OUTCOME_EVENTS, o.participantId.toString(), type, o.id.toString(),
                new OutcomeData(o.id, o.participantId, o.jobcenterId, o.kind, o.startDate, o.temporaryAgency, o.fixedTerm));
    }
}
