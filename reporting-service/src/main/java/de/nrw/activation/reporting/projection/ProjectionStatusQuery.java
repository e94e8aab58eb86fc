package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the projections' figures: progress tables, dead letters, consumer lag. */
@ApplicationScoped
public class ProjectionStatusQuery {

    @Inject
    Projections projections;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TopicOffsets offsets;

    public ProjectionStatus status() {
        record Generation(int id, String state, String group, Instant startedAt, Instant switchedAt) { }
        List<Generation> generations = QuarkusTransaction.requiringNew().call(() ->
                ProjectionGeneration.<ProjectionGeneration>list("order by id").stream()
                        .map(g -> new Generation(g.id, g.state.name(), g.consumerGroup, g.startedAt, g.switchedAt))
                        .toList());
        // the shared state, not this replica's copy of it (which follows within switch-check)
        int active = generations.stream().filter(g -> ProjectionGeneration.State.ACTIVE.name().equals(g.state()))
                .mapToInt(Generation::id).findFirst().orElse(projections.activeGeneration());
        Generation current = generations.stream().filter(g -> g.id() == active).findFirst().orElseThrow();
        ProjectionStatus.Rebuild rebuild = generations.stream()
                .filter(g -> g.id() > 1 && !ProjectionGeneration.State.RETIRED.name().equals(g.state()))
                .reduce((a, b) -> b)
                .map(g -> new ProjectionStatus.Rebuild(g.id(), ProjectionGeneration.State.valueOf(g.state()), g.startedAt(), g.switchedAt(),
                        topics(g.id(), g.group())))
                .orElse(null);
        return new ProjectionStatus(active, topics(current.id(), current.group()), rebuild);
    }

    private List<ProjectionStatus.TopicStatus> topics(int generation, String group) {
        Map<String, long[]> applied = new HashMap<>();
        Map<String, Instant> lastEventTime = new HashMap<>();
        Map<String, Long> deadLetters = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT topic, events_applied, last_event_time FROM "
                    + ProjectionGeneration.schemaOf(generation) + ".progress");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getString(1), new long[] {rs.getLong(2)});
                    Timestamp time = rs.getTimestamp(3);
                    if (time != null) {
                        lastEventTime.put(rs.getString(1), time.toInstant());
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT topic, count(*) FROM dead_letter WHERE consumer = ? GROUP BY topic")) {
                statement.setString(1, group);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        deadLetters.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            // the schema of a generation being switched away from may just have been dropped
            throw new IllegalStateException("Cannot read the projection status", e);
        }
        // the group's lag as Kafka has it: the same on every replica, whichever partitions it holds
        Map<String, Long> lag = offsets.lag(group);
        List<ProjectionStatus.TopicStatus> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new ProjectionStatus.TopicStatus(topic, applied.getOrDefault(topic, new long[1])[0],
                    lastEventTime.get(topic), lag.get(topic), deadLetters.getOrDefault(topic, 0L)));
        }
        return topics;
    }
}
