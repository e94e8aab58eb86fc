package de.nrw.activation.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One generation of the read model: its tables live in schema {@code rm_<id>}, and a consumer
 * group of its own feeds them. Exactly one generation is ACTIVE (the reports read it); at most
 * one is BUILDING (a rebuild from the start of the topics).
 */
@Entity
@Table(name = "projection_generation")
public class ProjectionGeneration extends PanacheEntityBase {

    public enum State { BUILDING, ACTIVE, RETIRED }

    @Id
    public int id;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(name = "consumer_group", nullable = false)
    public String consumerGroup;

    /** Kafka end offsets when a rebuild started, as JSON {"topic-partition": offset}. */
    @Column(name = "target_offsets")
    public String targetOffsets;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "switched_at")
    public Instant switchedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    /** The schema holding this generation's tables; only digits come from outside the literal. */
    public String schema() {
        return schemaOf(id);
    }

    public static String schemaOf(int generation) {
        return "rm_" + generation;
    }

    public static Optional<ProjectionGeneration> active() {
        return find("state", State.ACTIVE).firstResultOptional();
    }

    public static Optional<ProjectionGeneration> building() {
        return find("state", State.BUILDING).firstResultOptional();
    }

    public static List<ProjectionGeneration> live() {
        return list("state in ?1 order by id", List.of(State.ACTIVE, State.BUILDING));
    }

    public static int nextId() {
        Integer max = getEntityManager().createQuery("select max(g.id) from ProjectionGeneration g", Integer.class)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
