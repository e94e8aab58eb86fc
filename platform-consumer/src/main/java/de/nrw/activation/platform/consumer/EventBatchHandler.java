package de.nrw.activation.platform.consumer;

import de.nrw.activation.platform.events.EventEnvelope;

import java.util.List;

/**
 * Applies events to a service's own tables. Called inside a database transaction that also
 * records the events' ids (so each event id is applied at most once) and is committed
 * before the Kafka offsets are. Throw {@link de.nrw.activation.platform.events.PoisonEventException}
 * for an event that can never be applied (it is then parked as a dead letter); any other
 * exception is treated as transient and the batch is retried.
 */
@FunctionalInterface
public interface EventBatchHandler {
    void apply(List<EventEnvelope> events);
}
