package de.nrw.activation.platform.limits;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills {@code perSecond} tokens a
 * second, and each request takes one. Kept in the equivalent GCRA form (the time at which the
 * bucket would be full again, in whole nanoseconds), so repeated refills add no rounding error.
 * Time is whatever the caller passes in (a monotonic ticker's nanoseconds); the bucket never
 * reads a clock itself. (bucket4j is not available from the build's Maven mirror, and
 * resilience4j's RateLimiter is a fixed window without a burst size; the algorithm is a dozen lines.)
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    /** Nanoseconds one token takes to come back. */
    private final long interval;
    /** How far ahead of now the full-again time may be while a token is left: (capacity - 1) tokens. */
    private final long tolerance;
    private final int capacity;
    /** When the bucket would be full again if nothing more were taken (at or before now: full). */
    private long fullAt;
    private long latest;

    TokenBucket(double perSecond, int capacity, long now) {
        if (!(perSecond > 0) || capacity < 1) {
            throw new IllegalArgumentException("api.rate-limit.per-second must be > 0 and api.rate-limit.burst >= 1");
        }
        this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / perSecond));
        this.tolerance = Math.multiplyExact(interval, (long) capacity - 1);
        this.capacity = capacity;
        this.fullAt = now;
        this.latest = now;
    }

    /**
     * Takes one token if there is one.
     *
     * @param now the ticker's reading, in nanoseconds (a reading before an earlier one counts as that one)
     * @return 0 when the request may pass, otherwise the nanoseconds until a token is available
     */
    long tryTake(long now) {
        return tryTake(now, 1);
    }

    /**
     * Takes {@code tokens} tokens at once if there are that many (an expensive request costs more
     * than one); a cost over the bucket's capacity counts as the whole bucket, so it can still pass
     * once the bucket is full.
     *
     * @param now the ticker's reading, in nanoseconds (a reading before an earlier one counts as that one)
     * @return 0 when the request may pass, otherwise the nanoseconds until enough tokens are available
     */
    synchronized long tryTake(long now, int tokens) {
        return take(now, tokens).waitNanos();
    }

    /**
     * What {@link #tryTake(long, int)} does, with the bucket's state after it for the
     * {@code RateLimit-*} headers of the answer.
     */
    synchronized Take take(long now, int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("a request costs at least one token");
        }
        long cost = Math.min(tokens, capacity);
        latest = Math.max(latest, now);
        long from = Math.max(fullAt, latest);
        long ahead = from - latest + (cost - 1) * interval;
        long waitNanos = 0;
        if (ahead > tolerance) {
            waitNanos = ahead - tolerance;
        } else {
            fullAt = from + cost * interval;
        }
        long owed = Math.max(0, fullAt - latest);
        // tokens in use: each started interval still owed is a token not yet back
        long used = Math.min(capacity, (owed + interval - 1) / interval);
        return new Take(waitNanos, capacity, (int) (capacity - used), owed);
    }

    /**
     * One request's look at the bucket.
     *
     * @param waitNanos 0 when the request may pass, otherwise the nanoseconds until enough tokens are available
     * @param limit the bucket's capacity (the burst)
     * @param remaining whole tokens left after this request
     * @param fullInNanos nanoseconds until the bucket is full again (0: full)
     */
    record Take(long waitNanos, int limit, int remaining, long fullInNanos) { }
}
