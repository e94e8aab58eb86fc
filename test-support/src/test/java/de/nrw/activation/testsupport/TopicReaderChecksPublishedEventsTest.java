package de.nrw.activation.testsupport;

import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On the real broker: a record a service would publish is read as usual; a record that breaks
 * docs/asyncapi.yaml fails the read that meets it; a record the test put there with
 * {@link TopicReader#send} is not checked.
 */
class TopicReaderChecksPublishedEventsTest {

    private static String erased(String participantId, String jobcenterId) {
        String data = jobcenterId == null ? "{\"participantId\":\"%s\"}".formatted(participantId)
                : "{\"participantId\":\"%s\",\"jobcenterId\":\"%s\"}".formatted(participantId, jobcenterId);
        return """
                {"specversion":"1.0","id":"%s","source":"/participants-service","type":"%s","datacontenttype":"application/json",\
                "subject":"%s","time":"2026-12-02T07:00:00Z","data":%s}""".formatted(UUID.randomUUID(),
                EventTypes.PARTICIPANT_ERASED, participantId, data);
    }

    /** As a service's outbox relay publishes: with the CloudEvents content-type header. */
    private static void publishAsAService(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteTestResource.broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PARTICIPANT_EVENTS, key, value);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    @Test
    void validRecordsAreReadBrokenOnesFailTheReadAndTheTestsOwnAreNotChecked() throws Exception {
        String valid = UUID.randomUUID().toString();
        publishAsAService(valid, erased(valid, "JC-HERNE"));
        List<TopicReader.Published> read = TopicReader.await(Topics.PARTICIPANT_EVENTS, 1, r -> valid.equals(r.key()));
        assertThat(read).singleElement().extracting(TopicReader.Published::type).isEqualTo(EventTypes.PARTICIPANT_ERASED);

        String broken = UUID.randomUUID().toString();
        publishAsAService(broken, erased(broken, null));
        assertThatThrownBy(() -> TopicReader.await(Topics.PARTICIPANT_EVENTS, 1, r -> broken.equals(r.key())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("do not match docs/asyncapi.yaml")
                .hasMessageContaining("participant-events-")
                .hasMessageContaining(EventTypes.PARTICIPANT_ERASED)
                .hasMessageContaining("jobcenterId");

        String own = UUID.randomUUID().toString();
        TopicReader.send(Topics.PARTICIPANT_EVENTS, own, erased(own, null));
        assertThat(TopicReader.await(Topics.PARTICIPANT_EVENTS, 1, r -> own.equals(r.key()))).hasSize(1);
    }
}
