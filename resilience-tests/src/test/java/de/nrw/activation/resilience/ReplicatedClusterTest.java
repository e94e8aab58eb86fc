package de.nrw.activation.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.activation.testsupport.KafkaBroker;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.RunningSuite;
import de.nrw.activation.testsupport.SuiteTestResource;
import de.nrw.activation.testsupport.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three Kafka brokers (KRaft, each also a controller), topics with replication factor 3 and
 * min.insync.replicas 2; participants-service runs against them with its own database. The
 * broker leading the participant-events partitions is killed (SIGKILL) in the middle of a burst
 * of registrations: no committed registration loses its event (the relay's producer uses
 * acks=all and idempotence, and deletes outbox rows only after the acknowledgement).
 */
class ReplicatedClusterTest {

    static final String JC = "kreis-steinfurt";
    static final String DATABASE = SuiteTestResource.databaseName("resilience_cluster_participants");

    static KafkaBroker.Cluster cluster;
    static Process service;

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (cluster != null) {
            cluster.stopAll();
        }
    }

    @Test
    void aBrokerKilledDuringWritesLosesNoCommittedEvent() throws Exception {
        cluster = KafkaBroker.launchCluster(3);
        cluster.createTopics(KafkaBroker.SUITE_TOPICS, 3);
        String url = startParticipantsService();
        String token = Tokens.staff(JC);
        int burst = 300;

        // the node leading most participant-events partitions is the one to kill
        int victim;
        try (Admin admin = cluster.admin()) {
            TopicDescription topic = admin.describeTopics(List.of("participant-events")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("participant-events");
            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            Map<Integer, Long> leaders = topic.partitions().stream()
                    .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
            int leaderId = leaders.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            victim = leaderId - 1;
        }

        List<String> ids = new ArrayList<>();
        String participants = url + "/api/v1/participants";
        CompletableFuture<List<String>> writes = CompletableFuture.supplyAsync(() ->
                Suite.burst(burst, 6, () -> Suite.post(participants, token, Suite.person(JC))));
        DataSource db = Suite.dataSource(DATABASE);
        // kill it once a third of the burst is committed and some of it already relayed
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() ->
                Rows.count(db, "SELECT count(*) FROM participant") >= burst / 3);
        cluster.kill(victim);
        ids.addAll(writes.get(180, TimeUnit.SECONDS));
        assertThat(ids).hasSize(burst).doesNotHaveDuplicates();

        // the outbox drains with two of three brokers
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Rows.count(db, "SELECT count(*) FROM outbox_event")).isZero());

        Set<String> committed = Rows.query(db, "SELECT id FROM participant WHERE jobcenter_id = ?", JC).stream()
                .map(row -> row.get("id").toString()).collect(Collectors.toSet());
        assertThat(committed).containsExactlyInAnyOrderElementsOf(ids);
        Set<String> published = registeredParticipants();
        assertThat(published).containsExactlyInAnyOrderElementsOf(committed);

        // the killed broker comes back, catches up, and the data is still complete from any replica
        cluster.start(victim);
        try (Admin admin = cluster.admin()) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                TopicDescription topic = admin.describeTopics(List.of("participant-events")).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get("participant-events");
                assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.isr()).hasSize(3));
            });
        }
        cluster.kill((victim + 1) % 3);
        assertThat(registeredParticipants()).containsExactlyInAnyOrderElementsOf(committed);
    }

    /** The participantIds of every participant.registered.v1 event on the cluster's topic. */
    static Set<String> registeredParticipants() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "resilience-reader-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("participant-events", Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        JsonNode event = Suite.JSON.readTree(record.value());
                        if ("participant.registered.v1".equals(event.path("type").asText())) {
                            ids.add(event.path("data").path("participantId").asText());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return ids;
    }

    /** participants-service from its quarkus-app, with its own database, against the cluster. */
    static String startParticipantsService() {
        // not the RunningSuite: this service talks to the cluster only
        Path logs = Path.of(System.getProperty("suite.logs", "target/resilience-logs"));
        RunningSuite.ServiceProcess started = RunningSuite.startService("participants-service", DATABASE,
                cluster.bootstrapServers(), logs.resolve("cluster-participants-service.log"));
        service = started.process();
        return started.url();
    }
}
