package de.nrw.activation.reporting.projection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** How far the read model is: per topic, and for a rebuild its progress. */
@Schema(description = "State of the read model's projections")
public record ProjectionStatus(
        @Schema(description = "The generation of the read model the reports answer from") int activeGeneration,
        @Schema(description = "Per topic, the active generation's figures", maxItems = 10) List<TopicStatus> topics,
        @Schema(description = "The running rebuild, or the last one (null if the read model was never rebuilt)")
        Rebuild rebuild) {

    @Schema(description = "One topic as consumed by one generation")
    public record TopicStatus(
            @Schema(description = "The Kafka topic", maxLength = 249, pattern = "[a-zA-Z0-9._-]+",
                    example = "participant-events") String topic,
            @Schema(description = "Events applied (each event id counts once)") long eventsApplied,
            @Schema(description = "The CloudEvents time of the newest event applied") Instant lastEventTime,
            @Schema(description = "Records on the topic not yet applied: the topic's end offsets minus the "
                    + "generation's committed offsets, over all partitions and replicas; null when Kafka cannot tell") Long lag,
            @Schema(description = "Records that could never be applied, parked as dead letters") long deadLetters) {
    }

    @Schema(description = "A rebuild of the read model from the start of the topics")
    public record Rebuild(
            int generation,
            @Schema(description = "BUILDING while catching up; ACTIVE once switched to; RETIRED when replaced again")
            ProjectionGeneration.State state,
            Instant startedAt,
            @Schema(description = "When the reports switched to this generation") Instant switchedAt,
            @Schema(maxItems = 10) List<TopicStatus> topics) {
    }
}
