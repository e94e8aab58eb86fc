package de.nrw.activation.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.SuiteTestResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * TopicConsumer against the real broker and database: records of a topic of its own per test,
 * applied by a handler that writes one row per event into applied_event.
 */
@QuarkusTest
class TopicConsumerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, byte[]> producer;

    @Inject
    TopicConsumers consumers;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry registry;

    private final List<TopicConsumer> started = new ArrayList<>();

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteTestResource.broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @AfterEach
    void stopConsumers() {
        started.forEach(TopicConsumer::stop);
    }

    private static String newTopic() {
        String topic = "platform-test-" + UUID.randomUUID();
        SuiteTestResource.broker().createTopics(List.of(topic), 1);
        return topic;
    }

    private static EventEnvelope event(int n) {
        return EventEnvelope.create("/platform-test", "thing.happened.v1", "thing-" + n,
                MAPPER.createObjectNode().put("n", n));
    }

    private static void send(String topic, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<EventEnvelope> sendEvents(String topic, int count) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventEnvelope event = event(i);
            send(topic, event.serialize(MAPPER));
            events.add(event);
        }
        return events;
    }

    /** Writes one applied_event row per event, in the consumer's transaction. */
    private EventBatchHandler recording(String name) {
        return events -> events.forEach(event -> em.createNativeQuery(
                        "INSERT INTO applied_event (event_id, consumer) VALUES (:id, :consumer)")
                .setParameter("id", event.id()).setParameter("consumer", name).executeUpdate());
    }

    private TopicConsumer start(String name, String topic, EventBatchHandler handler, int maxBatch) {
        TopicConsumer consumer = consumers.create(name, List.of(topic), handler, maxBatch, "processed_event");
        started.add(consumer);
        consumer.start();
        return consumer;
    }

    private List<UUID> applied(String name) {
        return Rows.query(db, "SELECT event_id FROM applied_event WHERE consumer = ? ORDER BY seq", name).stream()
                .map(row -> (UUID) row.get("event_id")).toList();
    }

    private static List<UUID> ids(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::id).toList();
    }

    private static long committedOffset(String group, String topic) throws Exception {
        try (Admin admin = SuiteTestResource.broker().admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    @Test
    void recordsAreAppliedInBatchesOfAtMostTheBatchSizeInTopicOrder() {
        String topic = newTopic();
        String name = "batching-" + UUID.randomUUID();
        List<EventEnvelope> sent = sendEvents(topic, 25);
        List<Integer> batches = new CopyOnWriteArrayList<>();
        EventBatchHandler recording = recording(name);

        start(name, topic, events -> {
            batches.add(events.size());
            recording.apply(events);
        }, 10);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(name).size() == 25);
        assertThat(applied(name)).containsExactlyElementsOf(ids(sent));
        assertThat(batches).allMatch(size -> size <= 10).anyMatch(size -> size > 1);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
    }

    @Test
    void anEventDeliveredAgainIsAppliedOnceAlsoByALaterConsumerWithTheSameInbox() {
        String topic = newTopic();
        String name = "inbox-" + UUID.randomUUID();
        EventEnvelope twice = event(1);
        EventEnvelope once = event(2);
        send(topic, twice.serialize(MAPPER));
        send(topic, twice.serialize(MAPPER));
        send(topic, once.serialize(MAPPER));

        start(name, topic, recording(name), 100);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(name).size() == 2);
        assertThat(applied(name)).containsExactly(twice.id(), once.id());
        assertThat(Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)",
                twice.id(), once.id())).isEqualTo(2);

        // Another group reads the topic again from the start (a redelivery): the inbox skips everything.
        String again = "inbox-again-" + UUID.randomUUID();
        List<EventEnvelope> seenAgain = new CopyOnWriteArrayList<>();
        start(again, topic, seenAgain::addAll, 100);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                registry.counter("events.duplicates", "consumer", again).count() == 3);
        assertThat(seenAgain).isEmpty();
        assertThat(applied(name)).hasSize(2);
    }

    @Test
    void unreadableRecordsAndPoisonAreParkedAsDeadLettersAndTheRestIsApplied() {
        String topic = newTopic();
        String name = "dead-letters-" + UUID.randomUUID();
        EventEnvelope first = event(1);
        EventEnvelope poison = event(2);
        EventEnvelope last = event(3);
        send(topic, first.serialize(MAPPER));
        send(topic, "not an event".getBytes(StandardCharsets.UTF_8));
        send(topic, poison.serialize(MAPPER));
        send(topic, last.serialize(MAPPER));
        EventBatchHandler recording = recording(name);

        TopicConsumer consumer = start(name, topic, events -> {
            if (events.stream().anyMatch(e -> e.id().equals(poison.id()))) {
                throw new PoisonEventException("event " + poison.id() + " lacks data.thing");
            }
            recording.apply(events);
        }, 100);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(name).size() == 2);
        assertThat(applied(name)).containsExactly(first.id(), last.id());
        List<Map<String, Object>> parked = Rows.query(db, "SELECT kafka_offset, reason, payload FROM dead_letter "
                + "WHERE consumer = ? ORDER BY kafka_offset", name);
        assertThat(parked).hasSize(2);
        assertThat(parked.get(0)).containsEntry("kafka_offset", 1L).containsEntry("payload", "not an event");
        assertThat((String) parked.get(0).get("reason")).startsWith("not a CloudEvents JSON record");
        assertThat(parked.get(1)).containsEntry("kafka_offset", 2L)
                .containsEntry("reason", "event " + poison.id() + " lacks data.thing");
        assertThat(registry.counter("events.dead.lettered", "consumer", name).count()).isEqualTo(2);
        assertThat(consumer.status().get(topic).deadLetters()).isEqualTo(2);
        assertThat(consumer.status().get(topic).applied()).isEqualTo(2);
        assertThat(consumer.isRunning()).isTrue();
    }

    @Test
    void aDatabaseErrorMidBatchLosesNothingAndKeepsTheOrderUntilTheDatabaseRecovers() {
        String topic = newTopic();
        String name = "db-error-" + UUID.randomUUID();
        List<EventEnvelope> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(event(i));
        }
        Rows.execute(db, "INSERT INTO failing_event (event_id) VALUES (?)", sent.get(2).id());
        sent.forEach(e -> send(topic, e.serialize(MAPPER)));

        TopicConsumer consumer = start(name, topic, recording(name), 100);

        // The batch's transaction is rolled back; one by one, the events before the failing one go in,
        // the failing one is retried, and nothing after it overtakes it.
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(name).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> applied(name).size() == 2);
        assertThat(applied(name)).containsExactly(sent.get(0).id(), sent.get(1).id());
        assertThat(Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", sent.get(2).id())).isZero();

        Rows.execute(db, "DELETE FROM failing_event WHERE event_id = ?", sent.get(2).id());

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(name).size() == 5);
        assertThat(applied(name)).containsExactlyElementsOf(ids(sent));
        assertThat(Rows.count(db, "SELECT count(*) FROM dead_letter WHERE consumer = ?", name)).isZero();
        assertThat(consumer.isRunning()).isTrue();
    }

    @Test
    void stopWaitsForTheBatchInHandAndCommitsItsOffsets() throws Exception {
        String topic = newTopic();
        String name = "shutdown-" + UUID.randomUUID();
        sendEvents(topic, 3);
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventBatchHandler recording = recording(name);
        TopicConsumer consumer = start(name, topic, events -> {
            inHand.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recording.apply(events);
        }, 100);
        assertThat(inHand.await(60, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(consumer::stop);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !stopping.isDone());
        release.countDown();
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(consumer.isRunning()).isFalse();
        assertThat(applied(name)).hasSize(3);
        assertThat(committedOffset(name, topic)).isEqualTo(3);
    }

    @Test
    void theInboxTableNameIsCheckedBeforeItGoesIntoSql() {
        assertThatThrownBy(() -> consumers.create("bad", List.of("t"),
                        events -> { }, 10, "processed_event; DROP TABLE thing"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
