package de.nrw.activation.outcomes.knowledge;

import de.nrw.activation.platform.consumer.TopicConsumer;
import de.nrw.activation.platform.consumer.TopicConsumers;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Learns participations from {@code group-events}: entries (for the earliest start date of an
 * outcome) and exits (which schedule the follow-up checkpoints). Group and attendance events
 * are valid but of no use here: they are skipped, not parked.
 */
@ApplicationScoped
public class GroupEventsConsumer {

    public static final String TOPIC = "group-events";
    public static final String NAME = "outcomes-service." + TOPIC;

    @Inject
    TopicConsumers consumers;

    @Inject
    KnowledgeUpdates updates;

    private TopicConsumer consumer;

    void start(@Observes StartupEvent event) {
        consumer = consumers.start(NAME, TOPIC, this::apply);
    }

    public boolean isRunning() {
        return consumer != null && consumer.isRunning();
    }

    /** Runs inside the consumer's transaction. */
    void apply(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            String type = event.type() == null ? "" : event.type();
            switch (type) {
                case "participation.entered.v1" -> updates.participationEntered(facts(event, event.date("entryDate"), null));
                case "participation.exited.v1" -> updates.participationExited(facts(event,
                        optionalDate(event, "entryDate"), event.date("exitDate")));
                case "group.scheduled.v1", "group.changed.v1", "group.cancelled.v1", "attendance.recorded.v1" -> {
                    // valid, but nothing this service needs
                }
                default -> throw new PoisonEventException("event " + event.id() + " has an unknown type for " + TOPIC);
            }
        }
    }

    private static KnowledgeUpdates.ParticipationFacts facts(EventEnvelope event, LocalDate entryDate, LocalDate exitDate) {
        return new KnowledgeUpdates.ParticipationFacts(event.uuid("participationId"), event.uuid("participantId"),
                event.text("jobcenterId"), optionalUuid(event, "groupId"), blankToNull(event.optionalText("phaseId")),
                blankToNull(event.optionalText("providerType")), entryDate, exitDate,
                blankToNull(event.optionalText("reason")));
    }

    private static UUID optionalUuid(EventEnvelope event, String field) {
        String raw = blankToNull(event.optionalText(field));
        return raw == null ? null : event.uuid(field);
    }

    private static LocalDate optionalDate(EventEnvelope event, String field) {
        String raw = blankToNull(event.optionalText(field));
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") data." + field + " is not a date");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
