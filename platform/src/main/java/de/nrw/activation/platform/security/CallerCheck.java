package de.nrw.activation.platform.security;

import de.nrw.activation.platform.limits.HttpProblems;
import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.platform.problem.ProblemException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses, before any resource runs, a verified token on {@code /api/**} that the services
 * could only guess about:
 * <ul>
 *   <li>one carrying more than one of the suite's roles (say {@code jobcenter-staff} and
 *       {@code coordinator}): each role has its own view of the data (a staff member sees one
 *       Jobcenter, a coordinator all of them without names), and a mix would open the wider view to
 *       a person meant to have the narrower one. 403 {@code mixed-roles}; the identity provider must
 *       issue one role per token (one client scope or user per role);</li>
 *   <li>one whose {@code jobcenter} or {@code provider} claim is not an id of the suite (a lowercase
 *       slug, {@link #ID}): such a claim is refused, never repaired (stripping a quote from
 *       {@code he"rne} would turn it into another Jobcenter's id). 403 {@code invalid-claim}.</li>
 *   <li>one whose user name (the principal) is longer than {@link #MAX_NAME_LENGTH}: 403 {@code invalid-claim}.</li>
 * </ul>
 * A request without a valid token passes on untouched: the resource answers 401 as before.
 * The check is a Vert.x filter right after the rate limit (so refused requests still count), and
 * {@link Caller} applies the same claim rule wherever a resource reads a claim.
 */
@ApplicationScoped
public class CallerCheck {

    /** Jobcenter and provider ids: a lowercase slug of 2 to 40 characters. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    /** Longest user name (the principal: upn, preferred_username or sub) a token may carry; the audit trail records it. */
    public static final int MAX_NAME_LENGTH = 255;
    /** The roles of which a token may carry at most one. */
    public static final List<String> EXCLUSIVE_ROLES = List.of(
            Roles.STAFF, Roles.COORDINATOR, Roles.OPS, Roles.PROVIDER_STAFF, Roles.DATA_PROTECTION);
    /** Route order -140: after authentication (200) and the rate limit (150), before permission checks (100). */
    static final int PRIORITY = 140;
    private static final String API = "/api/";

    @Inject
    IdentityProviderManager identities;

    @Inject
    HttpProblems problems;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith(API)) {
            ctx.next();
            return;
        }
        RequestIdentity.resolve(ctx, identities, identity -> decide(ctx, identity));
    }

    private void decide(RoutingContext ctx, SecurityIdentity identity) {
        Problem refusal = identity == null ? null : refusal(identity);
        if (refusal == null) {
            ctx.next();
        } else {
            problems.send(ctx, refusal);
        }
    }

    /** Why {@code identity} may not call the API at all, or null when it may. */
    static Problem refusal(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal().getName() != null && identity.getPrincipal().getName().length() > MAX_NAME_LENGTH) {
            return Problem.of(403, "invalid-claim", "Forbidden", "The token's user name is longer than "
                    + MAX_NAME_LENGTH + " characters", null, null, null);
        }
        List<String> held = EXCLUSIVE_ROLES.stream().filter(identity::hasRole).toList();
        if (held.size() > 1) {
            return Problem.of(403, "mixed-roles", "Forbidden", "The token carries more than one of the roles "
                    + EXCLUSIVE_ROLES + " (it has " + held + "); a token must carry exactly one", null, null, null);
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            try {
                claim(token, Caller.JOBCENTER_CLAIM);
                claim(token, Caller.PROVIDER_CLAIM);
            } catch (ProblemException e) {
                return Problem.of(e.status(), e.type(), e.title(), e.getMessage(), null, null, null);
            }
        }
        return null;
    }

    /**
     * The value of the id claim {@code name} of {@code token}: empty when absent (or an empty string),
     * 403 {@code invalid-claim} when it is anything but a string matching {@link #ID}. The detail names
     * the claim, never its value (it might be anything a misconfigured provider puts there).
     */
    public static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof JsonString s) {
            text = s.getString();
        } else {
            throw invalidClaim(name);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!ID.matcher(text).matches()) {
            throw invalidClaim(name);
        }
        return Optional.of(text);
    }

    private static ProblemException invalidClaim(String name) {
        return new ProblemException(403, "invalid-claim", "Forbidden", "The token's '" + name
                + "' claim is not a valid id (a lowercase slug such as 'herne', matching " + ID.pattern() + ")");
    }
}
