package de.nrw.activation.platform.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/**
 * The caller's identity for a Vert.x filter (the rate limit, the caller check): the token is verified
 * once, through the identity Quarkus' authentication attached to the request, and JAX-RS later uses
 * the same one. A missing or invalid token gives {@code null} (the resource answers 401 itself).
 */
public final class RequestIdentity {

    private RequestIdentity() { }

    /** Resolves the identity of {@code ctx}, then runs {@code then} on the request's event loop. */
    public static void resolve(RoutingContext ctx, IdentityProviderManager identities, Consumer<SecurityIdentity> then) {
        Context context = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(ctx, identities)
                .onFailure().recoverWithNull()
                .subscribe().with(
                        identity -> onRequestContext(context, () -> then.accept(identity)),
                        failure -> onRequestContext(context, () -> then.accept(null)));
    }

    /** Continues on the request's event loop even when the token was verified on a worker thread. */
    private static void onRequestContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
