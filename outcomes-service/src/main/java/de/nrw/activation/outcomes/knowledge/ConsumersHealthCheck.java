package de.nrw.activation.outcomes.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while both event consumers run (they retry by themselves while Kafka is away). */
@Readiness
@ApplicationScoped
public class ConsumersHealthCheck implements HealthCheck {

    @Inject
    ParticipantEventsConsumer participantEvents;

    @Inject
    GroupEventsConsumer groupEvents;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Event consumers")
                .status(participantEvents.isRunning() && groupEvents.isRunning())
                .withData(ParticipantEventsConsumer.NAME, participantEvents.isRunning())
                .withData(GroupEventsConsumer.NAME, groupEvents.isRunning())
                .build();
    }
}
