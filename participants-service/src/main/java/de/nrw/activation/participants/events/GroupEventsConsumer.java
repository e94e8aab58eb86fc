package de.nrw.activation.participants.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.GroupData;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ParticipationWithdrawnData;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.participants.domain.GroupKnowledge;
import de.nrw.activation.platform.consumer.TopicConsumer;
import de.nrw.activation.platform.consumer.TopicConsumers;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Learns from {@code group-events} which provider runs which group and which groups a
 * participation was in, entry to exit (for provider staff's access and for retention). The
 * contract's other group events (cancellation, attendance) are skipped, unknown types parked.
 */
@ApplicationScoped
public class GroupEventsConsumer {

    public static final String NAME = "participants-service." + Topics.GROUP_EVENTS;

    @Inject
    TopicConsumers consumers;

    @Inject
    GroupKnowledge knowledge;

    @Inject
    ObjectMapper mapper;

    private volatile TopicConsumer consumer;

    void start(@Observes StartupEvent event) {
        consumer = consumers.start(NAME, Topics.GROUP_EVENTS, this::apply);
    }

    public boolean isRunning() {
        TopicConsumer current = consumer;
        return current != null && current.isRunning();
    }

    /** Running, and no record of the topic left unapplied as of its last poll. */
    public boolean caughtUp() {
        return isRunning() && consumer.lag(Topics.GROUP_EVENTS) == 0;
    }

    /** Runs inside the consumer's transaction. */
    void apply(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            String type = event.type() == null ? "" : event.type();
            switch (type) {
                case EventTypes.GROUP_SCHEDULED, EventTypes.GROUP_CHANGED ->
                        knowledge.group(event.data(GroupData.class, mapper), publishedAt(event));
                case EventTypes.PARTICIPATION_ENTERED ->
                        knowledge.entered(event.data(ParticipationEnteredData.class, mapper));
                case EventTypes.PARTICIPATION_EXITED ->
                        knowledge.exited(event.data(ParticipationExitedData.class, mapper), false, publishedAt(event));
                case EventTypes.PARTICIPATION_EXIT_CORRECTED ->
                        knowledge.exited(event.data(ParticipationExitedData.class, mapper), true, publishedAt(event));
                case EventTypes.PARTICIPATION_WITHDRAWN ->
                        knowledge.withdrawn(event.data(ParticipationWithdrawnData.class, mapper), publishedAt(event));
                case EventTypes.PARTICIPATION_TRANSFERRED ->
                        knowledge.transferred(event.data(ParticipationTransferredData.class, mapper));
                default -> {
                    // other valid group events (cancellation, attendance, ...) are of no use here: a
                    // cancelled group's participations end with their own exit events
                    EventTypes.Definition known = EventTypes.ALL.get(type);
                    if (known == null || !known.topic().equals(Topics.GROUP_EVENTS)) {
                        throw new PoisonEventException("event " + event.id() + " has an unknown type for "
                                + Topics.GROUP_EVENTS);
                    }
                }
            }
        }
    }

    private static Instant publishedAt(EventEnvelope event) {
        return event.time() == null ? null : event.time().toInstant();
    }
}
