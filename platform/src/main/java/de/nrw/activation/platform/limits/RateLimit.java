package de.nrw.activation.platform.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.security.CallerCheck;
import de.nrw.activation.platform.security.RequestIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-caller token-bucket limit on {@code /api/**}: 429 {@code application/problem+json} with
 * {@code Retry-After} once a caller has used its burst and sends faster than the sustained rate;
 * every {@code /api} answer carries the caller's {@code RateLimit-Limit}, {@code RateLimit-Remaining}
 * and {@code RateLimit-Reset} (seconds).
 * <p>
 * The caller is the verified token's Jobcenter ({@code jobcenter} claim, none for coordinator and
 * ops) and subject ({@code sub}, else the principal name): two Jobcenters' staff who happen to share
 * a user name have a bucket each. A request without a valid token counts against its client address
 * (so forged or random tokens cannot buy a fresh bucket each). A request to one of
 * {@code api.rate-limit.expensive-paths} (reports, rebuilds) takes {@code api.rate-limit.expensive-cost}
 * tokens. The buckets are per replica (kept in memory, not shared). The check runs
 * as a Vert.x filter after Quarkus' authentication filter has attached the (lazy) identity and
 * before anything reads the body; the identity it resolves is the one JAX-RS uses afterwards,
 * so a token is verified once. Behind a proxy, enable {@code quarkus.http.proxy.*} so the client
 * address is the real one.
 */
@ApplicationScoped
public class RateLimit {

    private static final Logger LOG = Logger.getLogger(RateLimit.class);
    /** Route order -150: after authentication (priority 200), before permission checks (100). */
    static final int PRIORITY = 150;
    private static final String API = "/api/";
    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";

    @Inject
    RateLimitConfig config;

    @Inject
    HttpProblems problems;

    @Inject
    IdentityProviderManager identities;

    @Inject
    MeterRegistry registry;

    /** Monotonic time of the buckets (tests pass a manual one, so no test waits for a refill). */
    @Inject
    Ticker ticker;

    /** Buckets of callers seen lately; an idle caller's bucket is full again anyway, so it may go. */
    private Cache<String, TokenBucket> buckets;

    private Counter rejected;

    void register(@Observes Filters filters) {
        if (!config.enabled()) {
            LOG.info("API rate limit disabled (api.rate-limit.enabled=false)");
            return;
        }
        buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(100_000)
                .ticker(ticker)
                .build();
        rejected = Counter.builder("api.rate.limit.rejected")
                .description("Requests answered 429 by the per-caller rate limit").register(registry);
        filters.register(this::limit, PRIORITY);
    }

    private void limit(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith(API)) {
            ctx.next();
            return;
        }
        // a bad token: the resource answers 401; count it by address
        RequestIdentity.resolve(ctx, identities, identity -> decide(ctx, callerOf(ctx, identity)));
    }

    private void decide(RoutingContext ctx, String caller) {
        long now = ticker.read();
        TokenBucket.Take take = buckets.get(caller, key -> new TokenBucket(config.perSecond(), config.burst(), now))
                .take(now, costOf(ctx.normalizedPath()));
        putHeaders(ctx, take);
        if (take.waitNanos() == 0) {
            ctx.next();
            return;
        }
        rejected.increment();
        long retryAfter = seconds(take.waitNanos());
        ctx.response().putHeader(RETRY_AFTER, Long.toString(retryAfter));
        problems.send(ctx, Problem.of(429, "too-many-requests", "Too many requests",
                "Request rate limit exceeded (" + config.perSecond() + " per second, burst " + config.burst()
                        + "); retry after " + retryAfter + " s", null, null, Map.of("retryAfter", retryAfter)));
    }

    /**
     * The caller's bucket on every {@code /api} answer (draft-ietf-httpapi-ratelimit-headers):
     * {@code RateLimit-Limit} the burst, {@code RateLimit-Remaining} the requests left at once after
     * this one, {@code RateLimit-Reset} the seconds until the bucket is full again. Set before the
     * resource runs, so a 4xx or 5xx of any kind carries them as well.
     */
    private static void putHeaders(RoutingContext ctx, TokenBucket.Take take) {
        ctx.response().putHeader(LIMIT, Integer.toString(take.limit()));
        ctx.response().putHeader(REMAINING, Integer.toString(take.remaining()));
        ctx.response().putHeader(RESET, Long.toString(take.fullInNanos() == 0 ? 0 : seconds(take.fullInNanos())));
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1)));
    }

    /** Tokens a request to {@code path} takes: the expensive cost on an expensive path, else one. */
    int costOf(String path) {
        return expensive(path, config.expensivePaths().orElse(List.of())) ? Math.max(1, config.expensiveCost()) : 1;
    }

    static boolean expensive(String path, List<String> expensivePrefixes) {
        return expensivePrefixes.stream().anyMatch(prefix -> !prefix.isBlank() && path.startsWith(prefix.trim()));
    }

    /** The bucket's key: Jobcenter and subject of a verified token, else the client address. */
    static String callerOf(RoutingContext ctx, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous()) {
            return callerKey(identity);
        }
        return "address:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host());
    }

    static String callerKey(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        String jobcenter = "";
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            if (token.getSubject() != null && !token.getSubject().isBlank()) {
                subject = token.getSubject();
            }
            try {
                jobcenter = CallerCheck.claim(token, Caller.JOBCENTER_CLAIM).orElse("");
            } catch (ProblemException e) {
                jobcenter = "invalid"; // refused by CallerCheck right after; still counted
            }
        }
        return "jobcenter:" + jobcenter + "|subject:" + subject;
    }
}
