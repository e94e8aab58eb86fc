package de.nrw.activation.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.GroupCancelledData;
import de.nrw.activation.contract.GroupData;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;

import java.util.regex.Pattern;

/**
 * Reads an event's {@code data} into the contract record of its type ({@link EventTypes#ALL}).
 * An event of a type the contract does not know, a missing required field, an unknown enum
 * value or a field of the wrong shape throws {@link PoisonEventException} with the reason, so
 * the consumer parks the record as a dead letter and goes on. Reasons name the field, never
 * its value (events carry no personal data, and dead letters should not collect any either).
 */
final class EventDecoder {

    /** Phase ids become keys of the summary and of report rows: upper-case slugs only. */
    private static final Pattern PHASE = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

    private final ObjectMapper mapper;

    EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    DecodedEvent decode(EventEnvelope e) {
        EventTypes.Definition definition = e.type() == null ? null : EventTypes.ALL.get(e.type());
        if (definition == null) {
            throw new PoisonEventException("event " + e.id() + " has an unknown type");
        }
        Record data = e.data(definition.data(), mapper);
        checkPhase(e, phaseOf(data));
        return new DecodedEvent(definition.type(), definition.topic(), e.time(), Stamp.of(e), data);
    }

    private static String phaseOf(Record data) {
        if (data instanceof GroupData g) {
            return g.phaseId();
        }
        if (data instanceof ParticipationEnteredData n) {
            return n.phaseId();
        }
        if (data instanceof ParticipationExitedData x) {
            return x.phaseId();
        }
        if (data instanceof GroupCancelledData c) {
            return c.phaseId();
        }
        return null;
    }

    private static void checkPhase(EventEnvelope e, String phaseId) {
        if (phaseId != null && !PHASE.matcher(phaseId).matches()) {
            throw new PoisonEventException("event " + e.id() + " (" + e.type() + ") data.phaseId is malformed");
        }
    }
}
