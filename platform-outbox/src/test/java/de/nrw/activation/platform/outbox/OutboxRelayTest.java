package de.nrw.activation.platform.outbox;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.SuiteTestResource;
import de.nrw.activation.testsupport.TopicReader;
import de.nrw.activation.testsupport.TopicReader.Published;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox and its relay against the real broker and database. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Changes changes;

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry registry;

    private static String newTopic(int partitions) {
        String topic = "outbox-test-" + UUID.randomUUID();
        SuiteTestResource.broker().createTopics(List.of(topic), partitions);
        return topic;
    }

    private long waiting(String topic) {
        return Rows.count(db, "SELECT count(*) FROM outbox_event WHERE topic = ?", topic);
    }

    private double failures() {
        return registry.counter("outbox.relay.failures").count();
    }

    private static List<String> changeIds(List<Published> records) {
        return records.stream().map(r -> r.data().path("changeId").asText()).collect(Collectors.toList());
    }

    @Test
    void committedEventsArePublishedInCommitOrderPerKeyAndLeaveTheOutbox() {
        String topic = newTopic(3);
        Map<String, List<String>> sentPerKey = Map.of("anna", new ArrayList<>(), "ben", new ArrayList<>(),
                "cem", new ArrayList<>());
        List<String> keys = List.of("anna", "ben", "cem");
        for (int i = 0; i < 30; i++) {
            String key = keys.get(i % 3);
            sentPerKey.get(key).add(changes.make(topic, key, i, false).toString());
        }

        List<Published> published = TopicReader.await(topic, 30, r -> true);

        for (String key : keys) {
            List<Published> ofKey = published.stream().filter(r -> key.equals(r.key())).toList();
            assertThat(changeIds(ofKey)).as(key).containsExactlyElementsOf(sentPerKey.get(key));
        }
        Published first = published.get(0);
        assertThat(first.type()).isEqualTo(Changes.TYPE);
        assertThat(first.event().path("source").asText()).isEqualTo("/platform-outbox-test");
        assertThat(first.event().path("specversion").asText()).isEqualTo("1.0");
        assertThat(first.headers()).containsEntry("content-type", "application/cloudevents+json; charset=UTF-8");
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(topic) == 0);
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String topic = newTopic(1);
        assertThatThrownBy(() -> changes.make(topic, "dora", 1001, true)).isInstanceOf(IllegalStateException.class);
        String committed = changes.make(topic, "dora", 2, false).toString();

        List<Published> published = TopicReader.await(topic, 1, r -> true);

        assertThat(changeIds(published)).containsExactly(committed);
        assertThat(Rows.count(db, "SELECT count(*) FROM change WHERE note = 'change 1001'")).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(topic) == 0);
    }

    @Test
    void aFailedSendLeavesTheEventsInTheOutboxAndTheRelayRetriesUntilItGoesOut() {
        String topic = "outbox-test-late-" + UUID.randomUUID(); // not created yet: every send fails
        double failuresBefore = failures();
        String id = changes.make(topic, "emil", 1, false).toString();

        await().atMost(Duration.ofSeconds(30)).until(() -> failures() >= failuresBefore + 2);
        assertThat(waiting(topic)).isEqualTo(1);

        SuiteTestResource.broker().createTopics(List.of(topic), 1);

        List<Published> published = TopicReader.await(topic, 1, r -> true);
        assertThat(changeIds(published)).containsExactly(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(topic) == 0);
    }

    @Test
    void aCrashBetweenSendAndDeleteSendsTheEventAgainWithTheSameId() {
        String topic = newTopic(1);
        // the relay's delete fails as if the process died after Kafka acknowledged the batch
        Rows.execute(db, "CREATE FUNCTION refuse_delete() RETURNS trigger AS $$ BEGIN "
                + "RAISE EXCEPTION 'crash before the delete'; END $$ LANGUAGE plpgsql");
        Rows.execute(db, "CREATE TRIGGER outbox_delete_crashes BEFORE DELETE ON outbox_event "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_delete()");
        String id;
        try {
            id = changes.make(topic, "fatma", 1, false).toString();
            TopicReader.await(topic, 1, r -> true);
            assertThat(waiting(topic)).isEqualTo(1);
        } finally {
            Rows.execute(db, "DROP TRIGGER outbox_delete_crashes ON outbox_event");
            Rows.execute(db, "DROP FUNCTION refuse_delete()");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(topic) == 0);
        List<Published> published = TopicReader.readAll(topic);
        assertThat(published.size()).isGreaterThanOrEqualTo(2);
        assertThat(published.stream().map(r -> r.event().path("id").asText()).distinct()).hasSize(1);
        assertThat(changeIds(published)).containsOnly(id);
    }
}
