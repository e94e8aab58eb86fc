package de.nrw.activation.groups.participant;

import de.nrw.activation.platform.consumer.TopicConsumer;
import de.nrw.activation.platform.consumer.TopicConsumers;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Learns participants from topic {@code participant-events} (registered, changed, erased) into
 * {@link KnownParticipant}: each event id applied once (the platform consumer's inbox), in any
 * order (an older profile never overwrites a newer one, erasure is final, a changed event
 * before its registered one creates the row). Unreadable records are parked as dead letters.
 */
@ApplicationScoped
public class ParticipantEventsConsumer {

    public static final String NAME = "groups-service.participant-events";
    public static final String TOPIC = "participant-events";
    static final String REGISTERED = "participant.registered.v1";
    static final String CHANGED = "participant.changed.v1";
    static final String ERASED = "participant.erased.v1";

    @Inject
    TopicConsumers consumers;

    @Inject
    EntityManager em;

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
            switch (event.type() == null ? "" : event.type()) {
                case REGISTERED, CHANGED -> {
                    KnownParticipant participant = row(event, timeOf(event));
                    participant.applyProfile(timeOf(event), value(event, "gender", Gender.class),
                            value(event, "ageBand", AgeBand.class), value(event, "customerType", CustomerType.class),
                            value(event, "labourMarketDistance", LabourMarketDistance.class),
                            event.bool("vocationalQualification"));
                }
                case ERASED -> row(event, timeOf(event)).erase(timeOf(event));
                default -> throw new PoisonEventException("event " + event.id() + " has unknown type " + event.type());
            }
        }
        em.flush();
    }

    /** The participant's row, locked; created (and flushed, so it can be locked again) when new. */
    private KnownParticipant row(EventEnvelope event, Instant time) {
        UUID id = event.uuid("participantId");
        String jobcenterId = event.text("jobcenterId");
        KnownParticipant participant = em.find(KnownParticipant.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (participant == null) {
            participant = new KnownParticipant();
            participant.id = id;
            participant.jobcenterId = jobcenterId;
            participant.lastEventTime = time;
            em.persist(participant);
            em.flush();
        }
        return participant;
    }

    private static Instant timeOf(EventEnvelope event) {
        if (event.time() == null) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has no time");
        }
        return event.time().toInstant();
    }

    private static <E extends Enum<E>> E value(EventEnvelope event, String field, Class<E> type) {
        String raw = event.text(field);
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") data." + field
                    + " is not one of the known values");
        }
    }
}
