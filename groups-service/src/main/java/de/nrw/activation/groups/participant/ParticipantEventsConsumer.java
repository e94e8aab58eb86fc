package de.nrw.activation.groups.participant;

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
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Learns participants from topic {@code participant-events} (registered, changed, erased) into
 * {@link KnownParticipant}: each event id applied once (the platform consumer's inbox), in any
 * order (an older profile never overwrites a newer one, erasure is final, a changed event
 * before its registered one creates the row). {@code data} is read into the contract's records;
 * unreadable records (unknown type, missing field, unknown enum value) are parked as dead letters.
 */
@ApplicationScoped
public class ParticipantEventsConsumer {

    public static final String NAME = "groups-service.participant-events";

    @Inject
    TopicConsumers consumers;

    @Inject
    EntityManager em;

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
            if (type.equals(EventTypes.PARTICIPANT_REGISTERED) || type.equals(EventTypes.PARTICIPANT_CHANGED)) {
                ParticipantProfileData profile = event.data(ParticipantProfileData.class, mapper);
                Instant time = timeOf(event);
                row(profile.participantId(), profile.jobcenterId(), time).applyProfile(time, profile.gender(),
                        profile.ageBand(), profile.customerType(), profile.labourMarketDistance(),
                        profile.vocationalQualification());
            } else if (type.equals(EventTypes.PARTICIPANT_ERASED)) {
                ParticipantErasedData erased = event.data(ParticipantErasedData.class, mapper);
                Instant time = timeOf(event);
                row(erased.participantId(), erased.jobcenterId(), time).erase(time);
            } else {
                throw new PoisonEventException("event " + event.id() + " has unknown type " + event.type());
            }
        }
        em.flush();
    }

    /** The participant's row, locked; created (and flushed, so it can be locked again) when new. */
    private KnownParticipant row(UUID id, String jobcenterId, Instant time) {
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
}
