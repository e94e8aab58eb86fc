package de.nrw.activation.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes {@link TopicConsumer}s with the service's Kafka configuration, database and metrics,
 * and stops every consumer it started when the service shuts down (after the batch in hand).
 */
@ApplicationScoped
public class TopicConsumers {

    public static final int DEFAULT_BATCH = 500;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    private final List<TopicConsumer> managed = new CopyOnWriteArrayList<>();

    /** Starts consuming {@code topic} as group {@code name}; stopped on shutdown. */
    public TopicConsumer start(String name, String topic, EventBatchHandler handler) {
        TopicConsumer consumer = create(name, List.of(topic), handler, DEFAULT_BATCH, "processed_event");
        consumer.start();
        return consumer;
    }

    /**
     * A consumer not yet started, with its own batch size and inbox table (for example a read
     * model rebuilt next to the live one). It is stopped on shutdown too.
     */
    public TopicConsumer create(String name, List<String> topics, EventBatchHandler handler, int maxBatch,
                                String inboxTable) {
        TopicConsumer consumer = new TopicConsumer(name, topics, kafka, handler, em, mapper, registry, maxBatch, inboxTable);
        managed.add(consumer);
        return consumer;
    }

    void stopAll(@Observes ShutdownEvent event) {
        managed.forEach(TopicConsumer::stop);
    }
}
