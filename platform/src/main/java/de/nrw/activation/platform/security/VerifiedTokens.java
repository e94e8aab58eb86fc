package de.nrw.activation.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tokens that passed the full verification (signature, issuer, audience, lifetime, iat), kept so
 * that the same token on the next request is not verified again (issue 16: the RS256 signature
 * check of the same token on every request was the largest single cost of a write). Bounded
 * ({@code maxSize} entries, least used out first) and keyed by the whole token, so only the very
 * same bytes are ever answered from here.
 * <p>
 * An entry lives until the token's {@code exp} and never longer (no clock skew added: the first
 * request after {@code exp} is verified in full again, and smallrye-jwt's own rules decide), and
 * until {@code iat + token age} when a maximum token age is configured. The time-dependent claims
 * are checked again on every hit as well. A failed verification is never kept.
 */
final class VerifiedTokens {

    private record Verified(JWTCallerPrincipal principal, long validUntilEpochSecond) { }

    private final Cache<String, Verified> cache;
    private final Clock clock;
    private final LongAdder hits = new LongAdder();

    VerifiedTokens(int maxSize) {
        this(maxSize, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** For tests: the clock decides validity, the ticker Caffeine's expiry. */
    VerifiedTokens(int maxSize, Clock clock, Ticker ticker) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .expireAfter(Expiry.creating((String token, Verified v) ->
                        Duration.ofSeconds(Math.max(0, v.validUntilEpochSecond() - clock.instant().getEpochSecond()))))
                .build();
    }

    /** The principal of {@code token} if it was verified before and is still within its validity; null otherwise. */
    JWTCallerPrincipal get(String token) {
        Verified verified = cache.getIfPresent(token);
        if (verified == null) {
            return null;
        }
        if (clock.instant().getEpochSecond() >= verified.validUntilEpochSecond()) {
            cache.invalidate(token);
            return null;
        }
        hits.increment();
        return verified.principal();
    }

    /**
     * Keeps a verified token until its {@code exp} (or {@code iat + maxAgeSeconds}, if earlier and
     * a maximum age is set); a token without {@code exp}, or already at it, is not kept.
     */
    void put(String token, JWTCallerPrincipal principal, Long maxAgeSeconds) {
        long exp = principal.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        long until = exp;
        if (maxAgeSeconds != null && maxAgeSeconds > 0) {
            until = Math.min(until, principal.getIssuedAtTime() + maxAgeSeconds);
        }
        if (until <= clock.instant().getEpochSecond()) {
            return;
        }
        cache.put(token, new Verified(principal, until));
    }

    /** Requests answered from here since start (for tests and the benchmark notes). */
    long hits() {
        return hits.sum();
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
