package de.nrw.activation.participants;

import de.nrw.activation.platform.security.IssuedAtCheck;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule behind platform's IssuedAtCheck, without Quarkus: how far ahead a token's iat may be. */
class IssuedAtRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void anIatInThePastOrNowIsFine() {
        assertThat(IssuedAtCheck.issuedInTheFuture(NOW.minusSeconds(600).getEpochSecond(), NOW, 60)).isFalse();
        assertThat(IssuedAtCheck.issuedInTheFuture(NOW.getEpochSecond(), NOW, 60)).isFalse();
    }

    @Test
    void anIatAheadWithinTheClockSkewIsFine() {
        assertThat(IssuedAtCheck.issuedInTheFuture(NOW.plusSeconds(60).getEpochSecond(), NOW, 60)).isFalse();
    }

    @Test
    void anIatAheadBeyondTheClockSkewIsRefused() {
        assertThat(IssuedAtCheck.issuedInTheFuture(NOW.plusSeconds(61).getEpochSecond(), NOW, 60)).isTrue();
        assertThat(IssuedAtCheck.issuedInTheFuture(NOW.plusSeconds(1).getEpochSecond(), NOW, 0)).isTrue();
    }
}
