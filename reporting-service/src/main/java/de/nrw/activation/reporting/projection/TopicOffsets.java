package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka admin side of the projection: the topics' end offsets (where a rebuild must get
 * to) and a consumer group's committed offsets (how far it got). Offsets are keyed
 * {@code "topic-partition"}. The admin client is made on first use and closed on shutdown.
 */
@ApplicationScoped
public class TopicOffsets {

    private static final Logger LOG = Logger.getLogger(TopicOffsets.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private volatile Admin admin;

    void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close();
        }
    }

    /** End offsets (last stable offset) of every partition of the read model's topics. */
    public Map<String, Long> endOffsets() {
        try {
            Map<String, TopicDescription> topics = admin().describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            topics.values().forEach(d -> d.partitions().forEach(p ->
                    request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> offsets = new HashMap<>();
            admin().listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp.toString(), info.offset()));
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the topics' end offsets from Kafka", e);
        }
    }

    /** The group's committed offsets; empty when Kafka cannot tell (the caller asks again later). */
    public Map<String, Long> committedOffsets(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<String, Long> offsets = new HashMap<>();
            committed.forEach((tp, offset) -> {
                if (offset != null) {
                    offsets.put(tp.toString(), offset.offset());
                }
            });
            return offsets;
        } catch (Exception e) {
            LOG.debugf("Cannot read committed offsets of %s: %s", group, e.getClass().getSimpleName());
            return Map.of();
        }
    }

    /** Whether the group's committed offsets have reached every one of {@code target}. */
    public boolean reached(String group, Map<String, Long> target) {
        return reached(committedOffsets(group), target);
    }

    /** Whether {@code committed} has reached every offset of {@code target} (a partition missing counts as 0). */
    public static boolean reached(Map<String, Long> committed, Map<String, Long> target) {
        return target.entrySet().stream()
                .allMatch(partition -> committed.getOrDefault(partition.getKey(), 0L) >= partition.getValue());
    }

    /**
     * Per topic, the records the group has not applied yet: the topics' end offsets minus the
     * group's committed offsets, over all partitions (so the same on every replica, whichever
     * partitions it holds). Empty when Kafka cannot tell.
     */
    public Map<String, Long> lag(String group) {
        Map<String, Long> end;
        try {
            end = endOffsets();
        } catch (IllegalStateException e) {
            LOG.debugf("Cannot read end offsets: %s", e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
            return Map.of();
        }
        Map<String, Long> committed = committedOffsets(group);
        Map<String, Long> lag = new HashMap<>();
        end.forEach((partition, offset) -> lag.merge(partition.substring(0, partition.lastIndexOf('-')),
                Math.max(0, offset - committed.getOrDefault(partition, 0L)), Long::sum));
        return lag;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>();
                    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }
}
