package de.nrw.activation.platform.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bucket's arithmetic on a ticker the test moves: no test waits. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 42 * SECOND;

    @Test
    void aFullBucketLetsTheBurstPassAtOnce() {
        TokenBucket bucket = new TokenBucket(1, 3, T0);
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isPositive();
    }

    @Test
    void anEmptyBucketSaysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(0.2, 1, T0);
        bucket.tryTake(T0);
        assertThat(bucket.tryTake(T0)).isEqualTo(5 * SECOND);
        assertThat(bucket.tryTake(T0 + 2 * SECOND)).isEqualTo(3 * SECOND);
    }

    @Test
    void itRefillsAtTheSustainedRate() {
        TokenBucket bucket = new TokenBucket(2, 1, T0);
        bucket.tryTake(T0);
        assertThat(bucket.tryTake(T0 + SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.tryTake(T0 + SECOND / 2)).isZero();
        assertThat(bucket.tryTake(T0 + SECOND / 2)).isEqualTo(SECOND / 2);
    }

    @Test
    void aRefusedRequestTakesNoToken() {
        TokenBucket bucket = new TokenBucket(1, 1, T0);
        bucket.tryTake(T0);
        for (int i = 0; i < 10; i++) {
            bucket.tryTake(T0 + i * SECOND / 10);
        }
        assertThat(bucket.tryTake(T0 + SECOND)).isZero();
    }

    @Test
    void itNeverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(100, 2, T0);
        long later = T0 + 3600 * SECOND;
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void aTickerGoingBackwardsGivesNoTokens() {
        TokenBucket bucket = new TokenBucket(1, 1, T0);
        bucket.tryTake(T0);
        assertThat(bucket.tryTake(T0 - 10 * SECOND)).isEqualTo(SECOND);
    }

    @Test
    void aRateOrBurstThatCouldNeverPassIsRefusedAtStart() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpensiveRequestTakesItsCostAtOnceAndWaitsForAllOfIt() {
        TokenBucket bucket = new TokenBucket(1, 10, T0);
        assertThat(bucket.tryTake(T0, 10)).isZero();
        assertThat(bucket.tryTake(T0, 1)).isEqualTo(SECOND);
        // three seconds later three tokens are back: a request of cost 5 waits two more seconds
        assertThat(bucket.tryTake(T0 + 3 * SECOND, 5)).isEqualTo(2 * SECOND);
        assertThat(bucket.tryTake(T0 + 3 * SECOND, 3)).isZero();
        assertThat(bucket.tryTake(T0 + 3 * SECOND, 1)).isEqualTo(SECOND);
    }

    @Test
    void aCostOverTheBurstCountsAsTheWholeBucket() {
        TokenBucket bucket = new TokenBucket(1, 3, T0);
        assertThat(bucket.tryTake(T0, 10)).isZero();
        assertThat(bucket.tryTake(T0, 1)).isEqualTo(SECOND);
        assertThat(bucket.tryTake(T0 + 2 * SECOND, 10)).isEqualTo(SECOND);
        assertThatThrownBy(() -> bucket.tryTake(T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyConfiguredPrefixesAreExpensive() {
        java.util.List<String> prefixes = java.util.List.of("/api/v1/reports", "/api/v1/projections/rebuild", " ");
        assertThat(RateLimit.expensive("/api/v1/reports/whereabouts", prefixes)).isTrue();
        assertThat(RateLimit.expensive("/api/v1/projections/rebuild", prefixes)).isTrue();
        assertThat(RateLimit.expensive("/api/v1/projections/status", prefixes)).isFalse();
        assertThat(RateLimit.expensive("/api/v1/groups", prefixes)).isFalse();
        assertThat(RateLimit.expensive("/api/v1/reports", java.util.List.of())).isFalse();
    }

    @Test
    void eachTakeSaysTheLimitTheTokensLeftAndWhenTheBucketIsFullAgain() {
        TokenBucket bucket = new TokenBucket(0.2, 3, T0); // one token every 5 s
        assertThat(bucket.take(T0, 1)).isEqualTo(new TokenBucket.Take(0, 3, 2, 5 * SECOND));
        assertThat(bucket.take(T0, 1)).isEqualTo(new TokenBucket.Take(0, 3, 1, 10 * SECOND));
        assertThat(bucket.take(T0, 1)).isEqualTo(new TokenBucket.Take(0, 3, 0, 15 * SECOND));
        // refused: nothing taken, the next token 5 s away, full in 15 s
        assertThat(bucket.take(T0, 1)).isEqualTo(new TokenBucket.Take(5 * SECOND, 3, 0, 15 * SECOND));
        // 2 s later: still none left (the token in flight is not back), full in 13 s
        assertThat(bucket.take(T0 + 2 * SECOND, 1)).isEqualTo(new TokenBucket.Take(3 * SECOND, 3, 0, 13 * SECOND));
        // an hour later the bucket is full: this request leaves two
        assertThat(bucket.take(T0 + 3600 * SECOND, 1)).isEqualTo(new TokenBucket.Take(0, 3, 2, 5 * SECOND));
    }

    @Test
    void anExpensiveTakeLeavesTheRemainingTokens() {
        TokenBucket bucket = new TokenBucket(1, 10, T0);
        assertThat(bucket.take(T0, 4)).isEqualTo(new TokenBucket.Take(0, 10, 6, 4 * SECOND));
        assertThat(bucket.take(T0, 10)).isEqualTo(new TokenBucket.Take(4 * SECOND, 10, 6, 4 * SECOND));
    }
}
