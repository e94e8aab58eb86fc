package de.nrw.activation.platform.time;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The suite's clocks: German local time, since every date rule (due, future, age) is a German
 * date; and a monotonic ticker for what measures durations (the rate limit's buckets). Tests
 * replace either with a bean of their own.
 */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZONE);
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Ticker ticker() {
        return Ticker.systemTicker();
    }
}
