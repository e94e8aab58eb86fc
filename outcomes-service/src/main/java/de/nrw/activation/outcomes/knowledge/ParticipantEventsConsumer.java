package de.nrw.activation.outcomes.knowledge;

import de.nrw.activation.platform.consumer.TopicConsumer;
import de.nrw.activation.platform.consumer.TopicConsumers;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Learns from {@code participant-events} which participants exist, in which Jobcenter, and
 * which were erased. Profile attributes are not needed here (reporting takes them from the
 * events itself).
 */
@ApplicationScoped
public class ParticipantEventsConsumer {

    public static final String TOPIC = "participant-events";
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
                case "participant.registered.v1", "participant.changed.v1" ->
                        updates.participantKnown(event.uuid("participantId"), event.text("jobcenterId"));
                case "participant.erased.v1" ->
                        updates.participantErased(event.uuid("participantId"), event.text("jobcenterId"));
                default -> throw new PoisonEventException("event " + event.id() + " has an unknown type for " + TOPIC);
            }
        }
    }
}
