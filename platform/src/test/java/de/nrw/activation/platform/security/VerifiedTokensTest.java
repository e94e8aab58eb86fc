package de.nrw.activation.platform.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache of verified tokens keeps a token until its exp (or its maximum age) and never longer; it is bounded. */
class VerifiedTokensTest {

    private static final long T0 = Instant.parse("2026-12-01T12:00:00Z").getEpochSecond();

    /** A clock and a ticker that move together, by hand. */
    private static final class Time extends Clock implements Ticker {
        final AtomicLong seconds = new AtomicLong(T0);

        void advance(long s) {
            seconds.addAndGet(s);
        }

        @Override public Instant instant() { return Instant.ofEpochSecond(seconds.get()); }
        @Override public long read() { return TimeUnit.SECONDS.toNanos(seconds.get()); }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    }

    private static JWTCallerPrincipal principal(long iat, long exp) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("staff-1");
        claims.setIssuedAt(NumericDate.fromSeconds(iat));
        claims.setExpirationTime(NumericDate.fromSeconds(exp));
        return new DefaultJWTCallerPrincipal(claims);
    }

    @Test
    void aVerifiedTokenIsAnsweredUntilItsExpAndNotAtOrAfterIt() {
        Time time = new Time();
        VerifiedTokens tokens = new VerifiedTokens(10, time, time);
        JWTCallerPrincipal p = principal(T0, T0 + 900);
        tokens.put("token-a", p, null);

        assertThat(tokens.get("token-a")).isSameAs(p);
        assertThat(tokens.get("token-b")).isNull();
        time.advance(899);
        assertThat(tokens.get("token-a")).isSameAs(p);
        time.advance(1); // now == exp: verified in full again (smallrye's rules and clock skew decide)
        assertThat(tokens.get("token-a")).isNull();
        assertThat(tokens.hits()).isEqualTo(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aMaximumTokenAgeEndsTheEntryEarlier() {
        Time time = new Time();
        VerifiedTokens tokens = new VerifiedTokens(10, time, time);
        tokens.put("token-a", principal(T0 - 100, T0 + 900), 300L); // too old at T0 + 200
        time.advance(199);
        assertThat(tokens.get("token-a")).isNotNull();
        time.advance(1);
        assertThat(tokens.get("token-a")).isNull();
    }

    @Test
    void anExpiredTokenOrOneWithoutExpIsNotKept() {
        Time time = new Time();
        VerifiedTokens tokens = new VerifiedTokens(10, time, time);
        tokens.put("expired", principal(T0 - 1000, T0), null);
        tokens.put("no-exp", new DefaultJWTCallerPrincipal(new JwtClaims()), null);
        assertThat(tokens.get("expired")).isNull();
        assertThat(tokens.get("no-exp")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theCacheIsBounded() {
        Time time = new Time();
        VerifiedTokens tokens = new VerifiedTokens(50, time, time);
        for (int i = 0; i < 1000; i++) {
            tokens.put("token-" + i, principal(T0, T0 + 900), null);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(50);
    }
}
