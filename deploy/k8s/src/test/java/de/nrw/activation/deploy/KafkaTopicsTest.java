package de.nrw.activation.deploy;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The topics are the source of replay: replicated for acks=all and never deleted. */
class KafkaTopicsTest {

    /** Every topic-level configuration name Kafka knows (the *_CONFIG constants of TopicConfig). */
    static final Set<String> KAFKA_TOPIC_CONFIGS = Arrays.stream(TopicConfig.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_CONFIG") && f.getType() == String.class)
            .map(KafkaTopicsTest::value).collect(Collectors.toUnmodifiableSet());

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> overlays() {
        return Rendered.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theThreeContractTopicsAreReplicatedThreeTimesWithTwoInSync(String overlay) {
        var topics = Rendered.of(overlay).all(KafkaTopic.class);
        assertThat(topics).extracting(t -> t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Suite.TOPICS);
        topics.forEach(t -> {
            assertThat(t.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
            assertThat(t.getSpec().getReplicas()).as("%s replicas", t.getMetadata().getName()).isEqualTo(3);
            assertThat(t.getSpec().getConfig().get("min.insync.replicas")).as("%s min.insync.replicas", t.getMetadata().getName()).isEqualTo(2);
            assertThat(t.getSpec().getPartitions()).isPositive();
            assertThat(t.getSpec().getConfig().get("unclean.leader.election.enable")).isEqualTo(false);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void topicsKeepEveryEventForeverSoReadModelsCanBeRebuilt(String overlay) {
        Rendered.of(overlay).all(KafkaTopic.class).forEach(t -> {
            var config = t.getSpec().getConfig();
            assertThat(config.get("retention.ms")).as("%s retention.ms", t.getMetadata().getName()).isEqualTo(-1);
            assertThat(config.get("retention.bytes")).as("%s retention.bytes", t.getMetadata().getName()).isEqualTo(-1);
            // compaction would keep only the newest event per participant id: registered would vanish behind changed
            assertThat(config.get("cleanup.policy")).as("%s cleanup.policy", t.getMetadata().getName()).isEqualTo("delete");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicConfigKeyIsOneKafkaKnows(String overlay) {
        assertThat(KAFKA_TOPIC_CONFIGS).contains("retention.ms", "min.insync.replicas", "cleanup.policy");
        Rendered.of(overlay).all(KafkaTopic.class).forEach(t ->
                assertThat(KAFKA_TOPIC_CONFIGS).as("%s config keys", t.getMetadata().getName())
                        .containsAll(t.getSpec().getConfig().keySet()));
    }
}
