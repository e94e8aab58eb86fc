package de.nrw.activation.participants;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The rate limit's ticker, moved by the test instead of by time (enabled by RateLimitTest's profile only). */
@Alternative
@Singleton
public class ManualTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Override
    public long read() {
        return nanos.get();
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
