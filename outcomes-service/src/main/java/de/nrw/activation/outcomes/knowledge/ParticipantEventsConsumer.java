package de.nrw.activation.outcomes.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.ParticipantErasedData;
import de.nrw.activation.contract.ParticipantProfileData;
import de.nrw.activation.contract.Topics;
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

    public static final String NAME = "outcomes-service." + Topics.PARTICIPANT_EVENTS;

    @Inject
    TopicConsumers consumers;

    @Inject
    KnowledgeUpdates updates;

    @Inject
    ObjectMapper mapper;

    private TopicConsumer consumer;

    void start(@Observes StartupEvent event) {
        consumer = consumers.start(NAME, Topics.PARTICIPANT_EVENTS, this::apply);
    }

    public boolean isRunning() {
        return consumer != null && consumer.isRunning();
    }

    /** Runs inside the consumer's transaction. */
    void apply(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            String type = event.type() == null ? "" : event.type();
            switch (type) {
                case EventTypes.PARTICIPANT_REGISTERED, EventTypes.PARTICIPANT_CHANGED -> {
                    ParticipantProfileData profile = event.data(ParticipantProfileData.class, mapper);
                    updates.participantKnown(profile.participantId(), profile.jobcenterId());
                }
                case EventTypes.PARTICIPANT_ERASED -> {
                    ParticipantErasedData erased = event.data(ParticipantErasedData.class, mapper);
                    updates.participantErased(erased.participantId(), erased.jobcenterId());
                }
                default -> throw new PoisonEventException("event " + event.id() + " has an unknown type for "
                        + Topics.PARTICIPANT_EVENTS);
            }
        }
    }
}
