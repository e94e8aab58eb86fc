package de.nrw.activation.participants.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the group events consumer runs (it retries by itself while Kafka is away). */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    @Inject
    GroupEventsConsumer groupEvents;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Event consumers")
                .status(groupEvents.isRunning())
                .withData(GroupEventsConsumer.NAME, groupEvents.isRunning())
                .build();
    }
}
