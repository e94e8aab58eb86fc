package de.nrw.activation.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.consumer.TopicConsumer;
import de.nrw.activation.platform.consumer.TopicConsumers;
import de.nrw.activation.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the read model's generations: the ACTIVE one the reports read, and during a rebuild a
 * BUILDING one that consumes the topics from the beginning with a consumer group of its own
 * into a schema of its own. Once the BUILDING generation has reached the end offsets the topics
 * had when the rebuild started, and has no lag, one transaction makes it ACTIVE; the old
 * generation's consumer stops and its schema is dropped shortly after (so report queries in
 * flight finish on it).
 *
 * <p>Runs on one instance: with several replicas, each would need the same generation
 * (a known limit, see the README).
 */
@ApplicationScoped
public class Projections {

    private static final Logger LOG = Logger.getLogger(Projections.class);
    private static final long DDL_LOCK = 0x8E9047L;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    EntityManager em;

    @Inject
    TopicConsumers topicConsumers;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "reporting.projection.batch-size", defaultValue = "1000")
    int batchSize;

    @ConfigProperty(name = "reporting.projection.enabled", defaultValue = "true")
    boolean enabled;

    private final Map<Integer, TopicConsumer> consumers = new ConcurrentHashMap<>();
    private volatile int activeGeneration;
    private volatile Admin admin;

    void start(@Observes StartupEvent event) {
        activeGeneration = QuarkusTransaction.requiringNew().call(() -> {
            lockDdl();
            return ProjectionGeneration.active().map(g -> g.id).orElseGet(() -> {
                ProjectionGeneration first = newGeneration(ProjectionGeneration.State.ACTIVE, null);
                first.switchedAt = first.startedAt;
                return first.id;
            });
        });
        if (!enabled) {
            return;
        }
        List<ProjectionGeneration> live = QuarkusTransaction.requiringNew().call(() -> {
            lockDdl();
            List<ProjectionGeneration> generations = ProjectionGeneration.live();
            generations.forEach(g -> addMissingTables(g.schema()));
            return generations;
        });
        for (ProjectionGeneration generation : live) {
            startConsumer(generation.id, generation.consumerGroup);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        consumers.values().forEach(TopicConsumer::stop);
        if (admin != null) {
            admin.close();
        }
    }

    /** The schema the reports read now. */
    public String activeSchema() {
        return ProjectionGeneration.schemaOf(activeGeneration);
    }

    public int activeGeneration() {
        return activeGeneration;
    }

    public TopicConsumer consumer(int generation) {
        return consumers.get(generation);
    }

    /**
     * Starts building a new generation from the beginning of the topics. The reports keep
     * reading the active one until the new one has caught up.
     */
    public synchronized ProjectionGeneration rebuild() {
        Map<String, Long> target = endOffsets();
        ProjectionGeneration generation = QuarkusTransaction.requiringNew().call(() -> {
            lockDdl();
            if (ProjectionGeneration.building().isPresent()) {
                throw ProblemException.conflict("rebuild-in-progress",
                        "A rebuild is already running; see GET /api/v1/projections/status");
            }
            return newGeneration(ProjectionGeneration.State.BUILDING, json(target));
        });
        LOG.infof("Rebuilding the read model as generation %d", generation.id);
        if (enabled) {
            startConsumer(generation.id, generation.consumerGroup);
        }
        return generation;
    }

    /** Switches to a BUILDING generation once it has caught up; checked every second. */
    @Scheduled(every = "${reporting.projection.switch-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void switchWhenCaughtUp() {
        ProjectionGeneration building = QuarkusTransaction.requiringNew().call(
                () -> ProjectionGeneration.building().orElse(null));
        if (building == null || !caughtUp(building)) {
            return;
        }
        int previous = QuarkusTransaction.requiringNew().call(() -> {
            lockDdl();
            ProjectionGeneration next = ProjectionGeneration.findById(building.id);
            ProjectionGeneration old = ProjectionGeneration.active().orElseThrow();
            Instant now = Instant.now();
            old.state = ProjectionGeneration.State.RETIRED;
            old.retiredAt = now;
            old.flush(); // one ACTIVE at a time (unique partial index)
            next.state = ProjectionGeneration.State.ACTIVE;
            next.switchedAt = now;
            return old.id;
        });
        activeGeneration = building.id;
        LOG.infof("Read model generation %d is active (replaces %d)", building.id, previous);
        TopicConsumer old = consumers.remove(previous);
        if (old != null) {
            old.stop();
        }
        CompletableFuture.runAsync(() -> dropSchema(previous),
                CompletableFuture.delayedExecutor(10, TimeUnit.SECONDS));
    }

    /** The building generation has applied everything that was on the topics when it started. */
    boolean caughtUp(ProjectionGeneration generation) {
        TopicConsumer consumer = consumers.get(generation.id);
        if (consumer == null || !consumer.isRunning()) {
            return false;
        }
        Map<String, Long> target = parse(generation.targetOffsets);
        Map<String, Long> committed = committedOffsets(generation.consumerGroup);
        for (Map.Entry<String, Long> partition : target.entrySet()) {
            if (committed.getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                return false;
            }
        }
        return Topics.ALL.stream().allMatch(topic -> consumer.lag(topic) == 0);
    }

    /** Kafka end offsets (last stable offset) of every partition of the topics, "topic-partition" -> offset. */
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

    Map<String, Long> committedOffsets(String group) {
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

    private void startConsumer(int generation, String group) {
        String schema = ProjectionGeneration.schemaOf(generation);
        TopicConsumer consumer = topicConsumers.create(group, Topics.ALL, new EventProjector(schema, em), batchSize,
                schema + ".processed_event");
        consumers.put(generation, consumer);
        consumer.start();
    }

    /** Inserts the generation row and creates its schema from the templates (inside a transaction). */
    private ProjectionGeneration newGeneration(ProjectionGeneration.State state, String targetOffsets) {
        ProjectionGeneration generation = new ProjectionGeneration();
        generation.id = ProjectionGeneration.nextId();
        generation.state = state;
        generation.consumerGroup = "reporting.read-model.g" + generation.id;
        generation.targetOffsets = targetOffsets;
        generation.startedAt = Instant.now();
        generation.persist();
        String schema = generation.schema();
        em.createNativeQuery("DROP SCHEMA IF EXISTS " + schema + " CASCADE").executeUpdate();
        em.createNativeQuery("CREATE SCHEMA " + schema).executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> tables = em.createNativeQuery("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'read_model_template' ORDER BY table_name").getResultList();
        for (String table : tables) {
            em.createNativeQuery("CREATE TABLE " + schema + "." + table
                    + " (LIKE read_model_template." + table + " INCLUDING ALL)").executeUpdate();
        }
        return generation;
    }

    /**
     * A generation created before a later migration added a template table gets it now; a new
     * summary is filled from the generation's participations.
     */
    private void addMissingTables(String schema) {
        @SuppressWarnings("unchecked")
        List<String> missing = em.createNativeQuery("SELECT t.table_name FROM information_schema.tables t "
                        + "WHERE t.table_schema = 'read_model_template' AND NOT EXISTS (SELECT 1 FROM information_schema.tables g "
                        + "WHERE g.table_schema = :schema AND g.table_name = t.table_name) ORDER BY t.table_name")
                .setParameter("schema", schema).getResultList();
        for (String table : missing) {
            LOG.infof("Adding table %s to read model %s", table, schema);
            em.createNativeQuery("CREATE TABLE " + schema + "." + table
                    + " (LIKE read_model_template." + table + " INCLUDING ALL)").executeUpdate();
            if (table.equals("participation_summary")) {
                em.unwrap(org.hibernate.Session.class).doWork(connection -> Summary.addAll(connection, schema));
            }
        }
    }

    private void dropSchema(int generation) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DROP SCHEMA IF EXISTS " + ProjectionGeneration.schemaOf(generation) + " CASCADE").executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot drop the schema of retired generation %d (%s)", generation, e.getClass().getSimpleName());
        }
    }

    /** Generation DDL and switches are serialised across instances. */
    private void lockDdl() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")").getSingleResult();
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

    private String json(Map<String, Long> offsets) {
        try {
            return mapper.writeValueAsString(offsets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> parse(String offsets) {
        if (offsets == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(offsets, new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
