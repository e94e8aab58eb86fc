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
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads and writes the real broker's topics in tests. */
public final class TopicReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A record as published: its key, and the CloudEvent as JSON. */
    public record Published(String key, JsonNode event, Map<String, String> headers) {
        public String type() { return event.path("type").asText(); }
        public JsonNode data() { return event.path("data"); }
    }

    private TopicReader() { }

    /** Every record currently on the topic, from the beginning. */
    public static List<Published> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteTestResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Published> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new java.util.HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                    records.add(new Published(record.key(), parse(record.value()), headers));
                }
            }
        }
        return records;
    }

    /** The records of {@code topic} matching {@code filter}, waiting up to 30 s for at least {@code count}. */
    public static List<Published> await(String topic, int count, Predicate<Published> filter) {
        Instant deadline = Instant.now().plusSeconds(30);
        List<Published> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = readAll(topic).stream().filter(filter).collect(Collectors.toList());
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Expected " + count + " matching records on " + topic + ", found " + found.size());
    }

    /** Puts a raw record on a topic, as another service (or a broken producer) would. */
    public static void send(String topic, String key, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteTestResource.broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
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
