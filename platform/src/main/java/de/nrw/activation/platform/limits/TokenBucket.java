package de.nrw.activation.platform.limits;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills {@code perSecond} tokens a
 * second, and each request takes one. Time is whatever the caller passes in (nanoseconds of a
 * monotonic ticker), so the bucket never reads a clock itself. (bucket4j is not available from
 * the build's Maven mirror, and resilience4j's RateLimiter is a fixed window without a burst
 * size; the algorithm is a dozen lines.)
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    /** Kept as nanoseconds per token (not tokens per nanosecond): whole seconds stay exact. */
    private final double nanosPerToken;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, int capacity, long now) {
        if (!(perSecond > 0) || capacity < 1) {
            throw new IllegalArgumentException("api.rate-limit.per-second must be > 0 and api.rate-limit.burst >= 1");
        }
        this.capacity = capacity;
        this.nanosPerToken = NANOS_PER_SECOND / perSecond;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /**
     * Takes one token if there is one.
     *
     * @param now the ticker's reading, in nanoseconds
     * @return 0 when the request may pass, otherwise the nanoseconds until a token is available
     */
    synchronized long tryTake(long now) {
        if (now > refilledAt) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) / nanosPerToken);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
    }
}
