package de.nrw.activation.reporting.projection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The projection's settings ({@code reporting.projection.*}; environment: {@code REPORTING_PROJECTION_*}). */
@ConfigMapping(prefix = "reporting.projection")
public interface ProjectionConfig {

    /** Events per projection batch: one database transaction each. */
    @WithDefault("1000")
    int batchSize();

    /**
     * Consumers per generation in this instance, in one consumer group (Kafka spreads the
     * partitions over them as over replicas).
     */
    @WithDefault("1")
    int consumers();

    /** Whether this instance consumes the topics at all (false: it only answers reports). */
    @WithDefault("true")
    boolean enabled();

    /** How often a rebuilding generation is checked for having caught up (read by the scheduler). */
    @WithDefault("1s")
    Duration switchCheck();
}
