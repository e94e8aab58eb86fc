package de.nrw.activation.platform.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.problem.Problem;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Errors that happen in the HTTP layer, before a request reaches a JAX-RS resource
 * (where {@link de.nrw.activation.platform.problem.ProblemMappers} takes over), answered as
 * {@code application/problem+json} too:
 * <ul>
 *   <li>a body over {@code quarkus.http.limits.max-body-size}: Vert.x would answer a bare 413
 *       with an empty body; this filter runs just before Quarkus' own upload-limit check
 *       (route order -2) and answers the same 413, with a problem body, and closes the connection
 *       (the rest of the body is not read);</li>
 *   <li>any failure of the Vert.x router ({@code RoutingContext.fail}): a failure handler in
 *       front of Quarkus' default one, which would answer HTML or its own JSON shape.</li>
 * </ul>
 * <ul>
 *   <li>a request line over {@code api.limits.max-uri-length} characters: 414, and request headers over
 *       {@code api.limits.max-header-size} bytes together: 431 (the first filter of all, before any
 *       other work). Vert.x itself refuses such requests with a bare 414/431 and no body, before any
 *       route runs (no Quarkus hook reaches its invalid-request handler), so its own limits
 *       ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set higher
 *       and these lower limits answer as problem+json; only a request over Vert.x' limits still gets
 *       the bare answer.</li>
 * </ul>
 * Known gap: a body sent without {@code Content-Length} (chunked) and over the limit is stopped
 * by Quarkus while it is read (VertxInputStream), which ends the response itself with a bare 413
 * and closes the connection before any mapper runs: the status is right, the body is empty.
 */
@ApplicationScoped
public class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);
    /**
     * Filter priority: Quarkus turns it into route order -145, after authentication (200) and the rate
     * limit (150, so a 413 carries the RateLimit-* headers like every other answer), before the caller
     * check (140) and Quarkus' upload limit (order -2). Nothing has read the body by then.
     */
    static final int BODY_LIMIT_PRIORITY = 145;
    /** Filter priority of the request line and header limits: the first of all (route order -400). */
    static final int REQUEST_LIMIT_PRIORITY = 400;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void bodyLimit(@Observes Filters filters) {
        maxBodySize.ifPresent(limit -> filters.register(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length, limit.asLongValue())) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(ctx, problem(413, "The request body is too large; at most "
                        + limit.asLongValue() + " bytes are accepted"));
                return;
            }
            ctx.next();
        }, BODY_LIMIT_PRIORITY));
    }

    @ConfigProperty(name = "api.limits.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "api.limits.max-header-size", defaultValue = "16384")
    int maxHeaderSize;

    /**
     * {@code If-Match} of at most {@value #MAX_IF_MATCH} characters (an ETag of the suite is a quoted
     * number; the header may list a few), else 400 {@code validation-failed} naming the header; checked
     * after the rate limit, so the answer carries its headers.
     */
    void headerLimits(@Observes Filters filters) {
        filters.register(ctx -> {
            String ifMatch = ctx.request().getHeader(HttpHeaders.IF_MATCH);
            if (ifMatch != null && ifMatch.length() > MAX_IF_MATCH && ctx.normalizedPath().startsWith("/api/")) {
                String message = "must be at most " + MAX_IF_MATCH + " characters";
                send(ctx, Problem.of(400, "validation-failed", "Invalid request", "Header If-Match " + message, null,
                        List.of(new Problem.Violation("If-Match", message)), null));
                return;
            }
            ctx.next();
        }, HEADER_LIMIT_PRIORITY);
    }

    public static final int MAX_IF_MATCH = 1024;
    /** Right after the body limit (145), before the caller check (140). */
    static final int HEADER_LIMIT_PRIORITY = 144;

    void requestLimits(@Observes Filters filters) {
        filters.register(ctx -> {
            String uri = ctx.request().uri();
            if (uri != null && uri.length() > maxUriLength) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(ctx, problem(414, "The request URI is too long; at most " + maxUriLength + " characters are accepted"));
                return;
            }
            if (headerSize(ctx.request().headers()) > maxHeaderSize) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(ctx, problem(431, "The request headers are too large; at most " + maxHeaderSize
                        + " bytes are accepted in all"));
                return;
            }
            ctx.next();
        }, REQUEST_LIMIT_PRIORITY);
    }

    /** Bytes of the header block as sent: each "name: value" line with its line end. */
    static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return; // too late to answer anything else
        }
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            status = 401;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            // The message may hold personal data: log the type and an id the caller can quote.
            String errorId = UUID.randomUUID().toString();
            LOG.errorf("HTTP layer failure %d (%s), error id %s", status,
                    failure == null ? "no exception" : failure.getClass().getName(), errorId);
            send(ctx, Problem.of(status, "internal-error", "Internal error",
                    "An unexpected error occurred; quote error id " + errorId + " to the operators",
                    null, null, Map.of("errorId", errorId)));
            return;
        }
        send(ctx, problem(status, null));
    }

    /** A problem of a plain HTTP status, in the same shape ProblemMappers gives it. */
    static Problem problem(int status, String detail) {
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        return Problem.of(status, title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title,
                detail == null ? title : detail, null, null, null);
    }

    /** Writes {@code problem} as the whole answer. */
    public void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body);
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
