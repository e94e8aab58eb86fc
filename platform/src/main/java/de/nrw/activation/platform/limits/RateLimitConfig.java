package de.nrw.activation.platform.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-caller request rate limit on {@code /api/**} (OWASP API4: one client must not be able
 * to exhaust a service). The defaults are generous on purpose: the demo loader, the end-to-end
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
}
