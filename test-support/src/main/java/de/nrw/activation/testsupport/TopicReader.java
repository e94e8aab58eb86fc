package de.nrw.activation.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads and writes the real broker's topics in tests. Each topic is read by one consumer that
 * stays positioned where it stopped: a wait polls only what is new since, instead of reading the
 * whole topic again.
 *
 * <p>Every record read from one of the suite's topics is checked against the AsyncAPI document
 * (docs/asyncapi.yaml, see {@link EventSchemas}): envelope and {@code data} schema of its
 * {@code type}, topic, headers, key and subject. A record that does not match fails the read with an
 * {@link AssertionError} naming the record and the rule. Records the test itself put on a topic
 * with {@link #send} (stand-ins for another service, or deliberately broken ones) are not checked.
 */
public final class TopicReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, TopicLog> LOGS = new ConcurrentHashMap<>();
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();
    /** topic + NUL + value of every record sent by {@link #send}: the test's own, not checked. */
    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();
    /**
     * Records checked against the document, per type: written to target/asyncapi-checked.txt of the
     * module when the test JVM ends (the proof which event types its tests saw).
     */
    private static final Map<String, AtomicInteger> CHECKED = new ConcurrentSkipListMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Path target = Path.of("target");
            if (!CHECKED.isEmpty() && Files.isDirectory(target)) {
                try {
                    Files.writeString(target.resolve("asyncapi-checked.txt"),
                            "Records checked against docs/asyncapi.yaml, per type: " + CHECKED + "\n");
                } catch (IOException e) {
                    // only a report
                }
            }
        }));
    }

    /** A record as published: its key, and the CloudEvent as JSON. */
    public record Published(String key, JsonNode event, Map<String, String> headers) {
        public String type() { return event.path("type").asText(); }
        public JsonNode data() { return event.path("data"); }
    }

    private TopicReader() { }

    /** Every record currently on the topic, from the beginning. */
    public static List<Published> readAll(String topic) {
        return log(topic).readToEnd();
    }

    /** The records of {@code topic} matching {@code filter}, waiting up to 30 s for at least {@code count}. */
    public static List<Published> await(String topic, int count, Predicate<Published> filter) {
        return log(topic).await(count, filter);
    }

    /** Puts a raw record on a topic, as another service (or a broken producer) would. */
    public static void send(String topic, String key, String value) {
        SENT.add(topic + '\u0000' + value);
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(bootstrapServers(), servers -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all")));
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    private static TopicLog log(String topic) {
        String servers = bootstrapServers();
        return LOGS.computeIfAbsent(servers + "/" + topic, key -> new TopicLog(servers, topic));
    }

    private static String bootstrapServers() {
        return SuiteTestResource.broker().bootstrapServers();
    }

    /** One topic as read so far, and the consumer positioned after it. */
    private static final class TopicLog {

        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final List<Published> records = new ArrayList<>();

        TopicLog(String servers, String topic) {
            this.topic = topic;
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
            partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Reads up to the end offsets of now; returns everything read. */
        synchronized List<Published> readToEnd() {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            Instant deadline = Instant.now().plus(PATIENCE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                poll(Duration.ofMillis(200));
            }
            return List.copyOf(records);
        }

        synchronized List<Published> await(int count, Predicate<Published> filter) {
            Instant deadline = Instant.now().plus(PATIENCE);
            List<Published> found = matching(filter);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                // returns as soon as new records arrive: no fixed wait, nothing read twice
                poll(Duration.ofMillis(100));
                found = matching(filter);
            }
            if (found.size() < count) {
                throw new AssertionError("Expected " + count + " matching records on " + topic + ", found " + found.size());
            }
            return found;
        }

        private List<Published> matching(Predicate<Published> filter) {
            return records.stream().filter(filter).collect(Collectors.toList());
        }

        private void poll(Duration timeout) {
            List<String> mismatches = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
                Map<String, String> headers = new HashMap<>();
                record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                Published published = new Published(record.key(), parse(record.value()), headers);
                records.add(published);
                mismatches.addAll(check(record, published));
            }
            if (!mismatches.isEmpty()) {
                throw new AssertionError("Published records do not match docs/asyncapi.yaml (generated from contract/; "
                        + "see AsyncApiDocumentTest):\n  " + String.join("\n  ", mismatches));
            }
        }

        private List<String> check(ConsumerRecord<String, String> record, Published published) {
            if (record.value() == null || SENT.contains(topic + '\u0000' + record.value())
                    || !EventSchemas.shared().describes(topic)) {
                return List.of();
            }
            CHECKED.computeIfAbsent(published.type(), t -> new AtomicInteger()).incrementAndGet();
            return EventSchemas.shared().problems(topic, record.key(), published.event(), published.headers()).stream()
                    .map(problem -> topic + "-" + record.partition() + "@" + record.offset() + " ("
                            + published.type() + ", id " + published.event().path("id").asText() + "): " + problem)
                    .collect(Collectors.toList());
        }
    }

    private static JsonNode parse(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(value);
        }
    }
}
