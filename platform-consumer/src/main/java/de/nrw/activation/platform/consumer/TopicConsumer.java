package de.nrw.activation.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Consumes topics into a service's own database, at least once from Kafka and at most once
 * per event id in effect:
 * <ol>
 *   <li>poll a batch;</li>
 *   <li>in one database transaction: record the event ids (inbox), hand the new ones to the
 *       handler, park unreadable records as dead letters;</li>
 *   <li>commit the Kafka offsets.</li>
 * </ol>
 * A crash between 2 and 3 redelivers the batch; the inbox skips what was applied. A batch that
 * fails is retried one record at a time, so one poison record is parked alone and the rest go on;
 * a transient failure (database away) backs off and retries without losing anything.
 */
public final class TopicConsumer {

    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> kafkaConfig;
    private final EventBatchHandler handler;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final int maxBatch;
    private final String inboxTable;

    private final Map<String, TopicStatus> status = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;

    /** Per topic: what this consumer has applied, for status endpoints and metrics. */
    public static final class TopicStatus {
        final AtomicLong applied = new AtomicLong();
        final AtomicLong deadLetters = new AtomicLong();
        volatile Instant lastEventTime;
        volatile Instant lastAppliedAt;

        public long applied() { return applied.get(); }
        public long deadLetters() { return deadLetters.get(); }
        public Instant lastEventTime() { return lastEventTime; }
        public Instant lastAppliedAt() { return lastAppliedAt; }
    }

    /**
     * @param name        consumer name: the Kafka group id, and the label of its metrics
     * @param topics      topics to consume
     * @param kafkaConfig the service's {@code kafka.*} configuration (bootstrap servers, ...)
     * @param handler     applies a batch of new events
     */
    public TopicConsumer(String name, List<String> topics, Map<String, Object> kafkaConfig, EventBatchHandler handler,
                         EntityManager em, ObjectMapper mapper, MeterRegistry registry, int maxBatch) {
        this(name, topics, kafkaConfig, handler, em, mapper, registry, maxBatch, "processed_event");
    }

    /**
     * As above, with the consumer's own inbox table (same columns as {@code processed_event}).
     * Needed when a second consumer in the same database must apply the same events again, for
     * example a read model rebuilt from the start of the topics next to the live one.
     *
     * @param inboxTable a table name, optionally schema-qualified ({@code schema.table})
     */
    public TopicConsumer(String name, List<String> topics, Map<String, Object> kafkaConfig, EventBatchHandler handler,
                         EntityManager em, ObjectMapper mapper, MeterRegistry registry, int maxBatch, String inboxTable) {
        if (!inboxTable.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?")) {
            throw new IllegalArgumentException("Bad inbox table name " + inboxTable);
        }
        this.inboxTable = inboxTable;
        this.name = name;
        this.topics = List.copyOf(topics);
        this.kafkaConfig = kafkaConfig;
        this.handler = handler;
        this.em = em;
        this.mapper = mapper;
        this.maxBatch = maxBatch;
        Tags tags = Tags.of("consumer", name);
        applied = registry.counter("events.applied", tags);
        duplicates = registry.counter("events.duplicates", tags);
        deadLettered = registry.counter("events.dead.lettered", tags);
        Gauge.builder("events.lag", lag, l -> l.values().stream().mapToLong(Long::longValue).sum())
                .tags(tags).description("Records on the topics not yet applied").register(registry);
        for (String topic : topics) {
            status.put(topic, new TopicStatus());
        }
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "consumer-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops after the batch in hand is committed (graceful shutdown). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            worker.join(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running && worker != null && worker.isAlive();
    }

    public Map<String, TopicStatus> status() {
        return status;
    }

    /** Records on {@code topic} not yet applied, as of the last poll (0 when unknown). */
    public long lag(String topic) {
        return lag.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().removeIf(key -> key.startsWith("acks") || key.startsWith("enable.idempotence")
                || key.equals("health-enabled"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, name);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + UUID.randomUUID().toString().substring(0, 8));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch);
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig())) {
                consumer = kafka;
                kafka.subscribe(topics);
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        process(kafka, records);
                    }
                    updateLag(kafka);
                    backoff = 0;
                }
            } catch (WakeupException e) {
                // stop() asked us to leave
            } catch (Exception e) {
                backoff = Math.min(backoff == 0 ? 500 : backoff * 2, 15_000);
                LOG.warnf("Consumer %s failed (%s); restarting in %d ms", name, e.getClass().getSimpleName(), backoff);
                sleep(backoff);
            } finally {
                consumer = null;
            }
        }
    }

    private void process(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        records.forEach(batch::add);
        try {
            applyInTransaction(batch);
        } catch (RuntimeException batchFailure) {
            LOG.debugf("Batch of %d failed on %s (%s); applying one by one", batch.size(), name,
                    batchFailure.getClass().getSimpleName());
            for (ConsumerRecord<String, byte[]> record : batch) {
                applyAlone(record);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try {
            kafka.commitSync(offsets);
        } catch (WakeupException stopping) {
            // stop() came while the batch was in hand: the wake-up cut the wait for the broker's
            // answer to the commit, so whether it took is unknown. The batch is applied: commit it
            // again and wait this time (the wake-up is used up) before leaving.
            kafka.commitSync(offsets);
            throw stopping;
        }
    }

    /** One record in its own transaction; poison is parked; a transient failure is retried until it passes. */
    private void applyAlone(ConsumerRecord<String, byte[]> record) {
        long backoff = 200;
        while (true) {
            try {
                applyInTransaction(List.of(record));
                return;
            } catch (PoisonEventException poison) {
                park(record, poison.getMessage());
                return;
            } catch (RuntimeException transientFailure) {
                if (transientFailure.getCause() instanceof PoisonEventException poison) {
                    park(record, poison.getMessage());
                    return;
                }
                if (!running) {
                    throw new WakeupException();
                }
                LOG.warnf("Consumer %s cannot apply %s-%d@%d (%s); retrying in %d ms", name, record.topic(),
                        record.partition(), record.offset(), transientFailure.getClass().getSimpleName(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 15_000);
            }
        }
    }

    private void applyInTransaction(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        // by identity: an envelope's own hashCode would hash its whole data tree
        Map<EventEnvelope, String> topicOf = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope event = EventEnvelope.parse(record.value(), mapper); // poison -> exception
            events.add(event);
            topicOf.put(event, record.topic());
        }
        List<EventEnvelope> fresh = QuarkusTransaction.requiringNew().call(() -> {
            List<EventEnvelope> firstTime = firstDeliveries(events);
            if (!firstTime.isEmpty()) {
                handler.apply(firstTime);
            }
            return firstTime;
        });
        Instant now = Instant.now();
        for (EventEnvelope event : fresh) {
            TopicStatus topic = status.get(topicOf.get(event));
            topic.applied.incrementAndGet();
            topic.lastAppliedAt = now;
            if (event.time() != null && (topic.lastEventTime == null || event.time().toInstant().isAfter(topic.lastEventTime))) {
                topic.lastEventTime = event.time().toInstant();
            }
        }
        applied.increment(fresh.size());
        duplicates.increment(events.size() - fresh.size());
    }

    /** Records the ids in the inbox; returns the events not seen before, in order, each id once. */
    @SuppressWarnings("unchecked")
    private List<EventEnvelope> firstDeliveries(List<EventEnvelope> events) {
        Map<UUID, EventEnvelope> byId = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            byId.putIfAbsent(event.id(), event);
        }
        String ids = byId.keySet().stream().map(UUID::toString).collect(Collectors.joining(","));
        String types = byId.values().stream().map(e -> e.type() == null ? "" : e.type().replace(",", ""))
                .collect(Collectors.joining(","));
        List<Object> inserted = em.createNativeQuery(
                        "INSERT INTO " + inboxTable + " (event_id, event_type) "
                                + "SELECT id::uuid, t FROM unnest(string_to_array(:ids, ','), string_to_array(:types, ',')) AS x(id, t) "
                                + "ON CONFLICT (event_id) DO NOTHING RETURNING event_id")
                .setParameter("ids", ids).setParameter("types", types).getResultList();
        Set<UUID> fresh = inserted.stream().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()))
                .collect(Collectors.toSet());
        return byId.values().stream().filter(e -> fresh.contains(e.id())).collect(Collectors.toList());
    }

    private void park(ConsumerRecord<String, byte[]> record, String reason) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, record_key, reason, payload) "
                                + "VALUES (:c, :t, :p, :o, :k, :r, :v) ON CONFLICT DO NOTHING")
                .setParameter("c", name).setParameter("t", record.topic()).setParameter("p", record.partition())
                .setParameter("o", record.offset()).setParameter("k", record.key())
                .setParameter("r", reason)
                .setParameter("v", record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8))
                .executeUpdate());
        status.get(record.topic()).deadLetters.incrementAndGet();
        deadLettered.increment();
        LOG.warnf("Consumer %s parked %s-%d@%d as a dead letter: %s", name, record.topic(), record.partition(),
                record.offset(), reason);
    }

    private void updateLag(KafkaConsumer<String, byte[]> kafka) {
        Collection<TopicPartition> assigned = kafka.assignment();
        lag.keySet().retainAll(assigned);
        for (TopicPartition partition : assigned) {
            kafka.currentLag(partition).ifPresent(value -> lag.put(partition, value));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
