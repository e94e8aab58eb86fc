package de.nrw.activation.reporting.projection;

import de.nrw.activation.reporting.confidentiality.RecordKeys;
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
 * has reached the end offsets the topics had when the rebuild started and is no further behind
 * than the active one ({@link TopicOffsets}), one transaction makes it ACTIVE; the old
 * generation's consumers stop and its schema is dropped shortly after (so report queries in
 * flight finish on it).
 *
 * <p>Any number of replicas: the generations are rows of table {@code projection_generation},
 * the state every replica follows. Each replica reads them every {@code switch-check} (1 s):
 * it answers reports from the ACTIVE generation found there, runs one consumer per live
 * generation in that generation's consumer group (Kafka spreads the partitions over the
 * replicas) and stops the consumers of retired ones. A rebuild asked of one replica is thus
 * built by all of them, and whichever replica sees it caught up first switches it, for all.
 * Between the switch and the next check a replica may still answer from the old generation
 * (at most {@code switch-check}; the old schema stays for {@value #DROP_DELAY_SECONDS} s).
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
    RecordKeys recordKeys;

    @Inject
    TopicOffsets offsets;

    /** Per generation this replica feeds: its consumers (reporting.projection.consumers, one group). */
    private final Map<Integer, List<TopicConsumer>> consumers = new ConcurrentHashMap<>();
    private volatile int activeGeneration;
    private volatile boolean stopping;

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
        QuarkusTransaction.requiringNew().run(() -> {
            schemas.lock();
            ProjectionGeneration.live().forEach(g -> schemas.addMissing(g.schema()));
        });
        follow();
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        stopping = true;
        consumers.values().forEach(list -> list.forEach(TopicConsumer::stop));
        consumers.clear();
    }

    /** The schema the reports read now. */
    public String activeSchema() {
        return ProjectionGeneration.schemaOf(activeGeneration);
    }

    public int activeGeneration() {
        return activeGeneration;
    }

    /** This replica's (first) consumer of the generation, if it runs one; all of its consumers share its name. */
    public TopicConsumer consumer(int generation) {
        List<TopicConsumer> running = consumers.get(generation);
        return running == null || running.isEmpty() ? null : running.get(0);
    }

    /**
     * Starts building a new generation from the beginning of the topics. The reports keep
     * reading the active one until the new one has caught up. Every replica joins the build
     * at its next check; this one at once.
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
        follow();
        return generation;
    }

    /**
     * Follows the shared state: the active generation, a consumer per live generation, and the
     * switch to a BUILDING generation once it has caught up. Checked every {@code switch-check}.
     */
    @Scheduled(every = "${reporting.projection.switch-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void follow() {
        if (stopping) {
            return;
        }
        record Live(int id, ProjectionGeneration.State state, String group, String targetOffsets, boolean hasSchema) { }
        List<Live> live = QuarkusTransaction.requiringNew().call(() -> ProjectionGeneration.live().stream()
                .map(g -> new Live(g.id, g.state, g.consumerGroup, g.targetOffsets, schemas.exists(g.schema())))
                .toList());
        live.stream().filter(g -> g.state() == ProjectionGeneration.State.ACTIVE).findFirst()
                .ifPresent(g -> activeGeneration = g.id());
        if (!config.enabled()) {
            return;
        }
        for (Integer running : List.copyOf(consumers.keySet())) {
            if (live.stream().noneMatch(g -> g.id() == running)) {
                LOG.infof("Read model generation %d is retired; its consumer stops here", running);
                consumers.remove(running).forEach(TopicConsumer::stop);
            }
        }
        for (Live generation : live) {
            // a generation row is committed together with its schema; a row without one is not ours to feed
            if (generation.hasSchema() && !consumers.containsKey(generation.id())) {
                startConsumer(generation.id(), generation.group());
            }
        }
        Live active = live.stream().filter(g -> g.state() == ProjectionGeneration.State.ACTIVE).findFirst().orElse(null);
        Live building = live.stream().filter(g -> g.state() == ProjectionGeneration.State.BUILDING).findFirst().orElse(null);
        if (active != null && building != null && building.hasSchema()
                && caughtUp(building.group(), parse(building.targetOffsets()), active.group())) {
            switchTo(building.id());
        }
    }

    /**
     * The building generation's group has committed everything that was on the topics when it
     * started, and no partition is behind the active generation's group.
     */
    private boolean caughtUp(String group, Map<String, Long> target, String activeGroup) {
        // the active group's offsets first: the building one has only to be as far as they were
        Map<String, Long> active = offsets.committedOffsets(activeGroup);
        Map<String, Long> building = offsets.committedOffsets(group);
        return TopicOffsets.reached(building, target) && TopicOffsets.reached(building, active);
    }

    private void switchTo(int building) {
        Integer previous = QuarkusTransaction.requiringNew().call(() -> {
            schemas.lock();
            ProjectionGeneration next = ProjectionGeneration.findById(building);
            if (next == null || next.state != ProjectionGeneration.State.BUILDING) {
                return null; // another replica switched it (or it was given up) meanwhile
            }
            ProjectionGeneration old = ProjectionGeneration.active().orElseThrow();
            Instant now = Instant.now();
            old.state = ProjectionGeneration.State.RETIRED;
            old.retiredAt = now;
            old.flush(); // one ACTIVE at a time (unique partial index)
            next.state = ProjectionGeneration.State.ACTIVE;
            next.switchedAt = now;
            return old.id;
        });
        if (previous == null) {
            return;
        }
        activeGeneration = building;
        LOG.infof("Read model generation %d is active (replaces %d)", building, previous);
        List<TopicConsumer> old = consumers.remove(previous);
        if (old != null) {
            old.forEach(TopicConsumer::stop);
        }
        CompletableFuture.runAsync(() -> schemas.drop(ProjectionGeneration.schemaOf(previous)),
                CompletableFuture.delayedExecutor(DROP_DELAY_SECONDS, TimeUnit.SECONDS));
    }

    /**
     * Starts this replica's consumers of a generation: all in its consumer group, so Kafka spreads
     * the partitions over them as over replicas, and their batches are serialised where they touch
     * the same facts in the same way ({@link FactLocks}, the summary's key order). More than one
     * lets one consumer's batch run in PostgreSQL while another decodes.
     */
    private void startConsumer(int generation, String group) {
        String schema = ProjectionGeneration.schemaOf(generation);
        List<TopicConsumer> started = new java.util.ArrayList<>();
        for (int i = 0; i < Math.max(1, config.consumers()); i++) {
            started.add(topicConsumers.create(group, Topics.ALL, new EventProjector(schema, em, mapper, recordKeys),
                    config.batchSize(), schema + ".processed_event"));
        }
        consumers.put(generation, List.copyOf(started));
        started.forEach(TopicConsumer::start);
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
