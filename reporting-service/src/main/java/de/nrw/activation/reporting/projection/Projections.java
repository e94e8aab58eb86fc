package de.nrw.activation.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.platform.consumer.TopicConsumer;
import de.nrw.activation.platform.consumer.TopicConsumers;
import de.nrw.activation.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The life of the read model's generations: the ACTIVE one the reports read, and during a
 * rebuild a BUILDING one that consumes the topics from the beginning with a consumer group of
 * its own into a schema of its own ({@link GenerationSchemas}). Once the BUILDING generation
 * has reached the end offsets the topics had when the rebuild started ({@link TopicOffsets}),
 * and has no lag, one transaction makes it ACTIVE; the old generation's consumer stops and its
 * schema is dropped shortly after (so report queries in flight finish on it).
 *
 * <p>Runs on one instance: with several replicas, each would need the same generation
 * (a known limit, see the README).
 */
@ApplicationScoped
public class Projections {

    private static final Logger LOG = Logger.getLogger(Projections.class);
    /** Report queries still reading a retired generation have this long to finish. */
    private static final long DROP_DELAY_SECONDS = 10;

    @Inject
    EntityManager em;

    @Inject
    TopicConsumers topicConsumers;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionConfig config;

    @Inject
    GenerationSchemas schemas;

    @Inject
    TopicOffsets offsets;

    private final Map<Integer, TopicConsumer> consumers = new ConcurrentHashMap<>();
    private volatile int activeGeneration;

    void start(@Observes StartupEvent event) {
        activeGeneration = QuarkusTransaction.requiringNew().call(() -> {
            schemas.lock();
            return ProjectionGeneration.active().map(g -> g.id).orElseGet(() -> {
                ProjectionGeneration first = newGeneration(ProjectionGeneration.State.ACTIVE, null);
                first.switchedAt = first.startedAt;
                return first.id;
            });
        });
        if (!config.enabled()) {
            return;
        }
        List<ProjectionGeneration> live = QuarkusTransaction.requiringNew().call(() -> {
            schemas.lock();
            List<ProjectionGeneration> generations = ProjectionGeneration.live();
            generations.forEach(g -> schemas.addMissing(g.schema()));
            return generations;
        });
        for (ProjectionGeneration generation : live) {
            startConsumer(generation.id, generation.consumerGroup);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        consumers.values().forEach(TopicConsumer::stop);
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
        Map<String, Long> target = offsets.endOffsets();
        ProjectionGeneration generation = QuarkusTransaction.requiringNew().call(() -> {
            schemas.lock();
            if (ProjectionGeneration.building().isPresent()) {
                throw ProblemException.conflict("rebuild-in-progress",
                        "A rebuild is already running; see GET /api/v1/projections/status");
            }
            return newGeneration(ProjectionGeneration.State.BUILDING, json(target));
        });
        LOG.infof("Rebuilding the read model as generation %d", generation.id);
        if (config.enabled()) {
            startConsumer(generation.id, generation.consumerGroup);
        }
        return generation;
    }

    /** Switches to a BUILDING generation once it has caught up; checked every {@code switch-check}. */
    @Scheduled(every = "${reporting.projection.switch-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void switchWhenCaughtUp() {
        ProjectionGeneration building = QuarkusTransaction.requiringNew().call(
                () -> ProjectionGeneration.building().orElse(null));
        if (building == null || !caughtUp(building)) {
            return;
        }
        int previous = QuarkusTransaction.requiringNew().call(() -> {
            schemas.lock();
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
        CompletableFuture.runAsync(() -> schemas.drop(ProjectionGeneration.schemaOf(previous)),
                CompletableFuture.delayedExecutor(DROP_DELAY_SECONDS, TimeUnit.SECONDS));
    }

    /** The building generation has applied everything that was on the topics when it started. */
    boolean caughtUp(ProjectionGeneration generation) {
        TopicConsumer consumer = consumers.get(generation.id);
        if (consumer == null || !consumer.isRunning()) {
            return false;
        }
        return offsets.reached(generation.consumerGroup, parse(generation.targetOffsets))
                && Topics.ALL.stream().allMatch(topic -> consumer.lag(topic) == 0);
    }

    private void startConsumer(int generation, String group) {
        String schema = ProjectionGeneration.schemaOf(generation);
        TopicConsumer consumer = topicConsumers.create(group, Topics.ALL, new EventProjector(schema, em, mapper),
                config.batchSize(), schema + ".processed_event");
        consumers.put(generation, consumer);
        consumer.start();
    }

    /** Inserts the generation row and creates its schema (inside a transaction). */
    private ProjectionGeneration newGeneration(ProjectionGeneration.State state, String targetOffsets) {
        ProjectionGeneration generation = new ProjectionGeneration();
        generation.id = ProjectionGeneration.nextId();
        generation.state = state;
        generation.consumerGroup = "reporting.read-model.g" + generation.id;
        generation.targetOffsets = targetOffsets;
        generation.startedAt = Instant.now();
        generation.persist();
        schemas.create(generation.schema());
        return generation;
    }

    private String json(Map<String, Long> target) {
        try {
            return mapper.writeValueAsString(target);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> parse(String target) {
        if (target == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(target, new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
