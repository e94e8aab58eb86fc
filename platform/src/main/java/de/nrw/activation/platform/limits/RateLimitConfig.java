package de.nrw.activation.platform.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * The per-caller request rate limit on {@code /api/**} (OWASP API4: one client must not be able
 * to exhaust a service). A caller is a Jobcenter and a token subject; expensive endpoints (reports,
 * a projection rebuild) cost {@link #expensiveCost()} requests each. The buckets live in each
 * replica's memory: with N replicas behind a load balancer a caller may send up to N times the
 * rate (docs/operations.md). The defaults are generous on purpose: the demo loader, the end-to-end
 * tests and the benchmarks must never be throttled; an operator lowers them per environment
 * ({@code API_RATE_LIMIT_PER_SECOND}, {@code API_RATE_LIMIT_BURST}, {@code API_RATE_LIMIT_ENABLED}).
 */
@ConfigMapping(prefix = "api.rate-limit")
public interface RateLimitConfig {

    /** Off switch, e.g. behind a gateway that limits already. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained requests per second allowed to one caller (the bucket's refill rate). */
    @WithDefault("500")
    double perSecond();

    /** Requests one caller may send at once before the sustained rate applies (the bucket's size). */
    @WithDefault("1000")
    int burst();

    /**
     * Path prefixes of expensive endpoints (say {@code /api/v1/reports/}); a request to one costs
     * {@link #expensiveCost()} tokens instead of one. None by default; each service names its own.
     */
    Optional<List<String>> expensivePaths();

    /** Tokens an expensive request takes (at most the burst: a bigger cost counts as the whole bucket). */
    @WithDefault("10")
    int expensiveCost();
}
