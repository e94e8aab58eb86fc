package de.nrw.activation.outcomes.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ParticipationWithdrawnData;
import de.nrw.activation.contract.Topics;
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
 * Learns participations from {@code group-events}: entries (for the earliest start date of an
 * outcome), exits and exit corrections (which schedule and move the follow-up checkpoints),
 * withdrawals (which drop the open ones) and transfers (the group follows). Group and attendance
 * events are valid but of no use here: they are skipped, not parked.
 */
@ApplicationScoped
public class GroupEventsConsumer {

    public static final String NAME = "outcomes-service." + Topics.GROUP_EVENTS;

    @Inject
    TopicConsumers consumers;

    @Inject
    KnowledgeUpdates updates;

    @Inject
    ObjectMapper mapper;

    private TopicConsumer consumer;

    void start(@Observes StartupEvent event) {
        consumer = consumers.start(NAME, Topics.GROUP_EVENTS, this::apply);
    }

    public boolean isRunning() {
        return consumer != null && consumer.isRunning();
    }

    /** Runs inside the consumer's transaction. */
    void apply(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            String type = event.type() == null ? "" : event.type();
            switch (type) {
                case EventTypes.PARTICIPATION_ENTERED ->
                        updates.participationEntered(event.data(ParticipationEnteredData.class, mapper));
                case EventTypes.PARTICIPATION_EXITED ->
                        updates.participationExited(event.data(ParticipationExitedData.class, mapper), false, publishedAt(event));
                case EventTypes.PARTICIPATION_EXIT_CORRECTED ->
                        updates.participationExited(event.data(ParticipationExitedData.class, mapper), true, publishedAt(event));
                case EventTypes.PARTICIPATION_WITHDRAWN ->
                        updates.participationWithdrawn(event.data(ParticipationWithdrawnData.class, mapper), publishedAt(event));
                case EventTypes.PARTICIPATION_TRANSFERRED ->
                        updates.participationTransferred(event.data(ParticipationTransferredData.class, mapper),
                                publishedAt(event));
                case EventTypes.GROUP_SCHEDULED, EventTypes.GROUP_CHANGED, EventTypes.GROUP_CANCELLED,
                        EventTypes.ATTENDANCE_RECORDED -> {
                    // valid, but nothing this service needs: a cancelled group's participations end
                    // with their own exit events
                }
                default -> throw new PoisonEventException("event " + event.id() + " has an unknown type for "
                        + Topics.GROUP_EVENTS);
            }
        }
    }

    private static Instant publishedAt(EventEnvelope event) {
        return event.time() == null ? null : event.time().toInstant();
    }
}
