package de.nrw.activation.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox of a service that publishes events ({@code outbox.*}). */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of the service's events, e.g. {@code /participants-service}. */
    String source();

    /** The relay that publishes committed outbox rows to Kafka. */
    Relay relay();

    interface Relay {

        /** Off switch: the rows wait in the table (e.g. while another process relays them). */
        @WithDefault("true")
        boolean enabled();

        /** Rows published per pass (one database transaction). */
        @WithDefault("500")
        int batchSize();

        /** How long an idle relay waits for new rows when no commit woke it. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** Longest wait between two failed passes (Kafka away); the wait doubles up to this. */
        @WithDefault("PT10S")
        Duration maxBackoff();
    }
}
