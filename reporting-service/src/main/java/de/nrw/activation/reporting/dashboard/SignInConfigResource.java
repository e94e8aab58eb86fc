package de.nrw.activation.reporting.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where the dashboard (static files under /dashboard/) signs its users in. The page has no build
 * step and no settings of its own, so the deployment decides the identity provider here: by
 * default the issuer the services trust ({@code mp.jwt.verify.issuer}) and the public client
 * {@code activation-dashboard}.
 */
@Path("/dashboard/sign-in-config")
@PermitAll
public class SignInConfigResource {

    /** What the dashboard's OpenID Connect client needs: the provider's issuer URL and the client id. */
    public record SignInConfig(String issuer, String clientId) { }

    @ConfigProperty(name = "dashboard.oidc.issuer")
    String issuer;

    @ConfigProperty(name = "dashboard.oidc.client-id", defaultValue = "activation-dashboard")
    String clientId;

    /**
     * The identity provider and the public OpenID Connect client of the dashboard; no secrets
     * (the dashboard signs in with the authorization code flow and PKCE).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDashboardSignInConfig", summary = "Sign-in configuration of the dashboard", hidden = true)
    public SignInConfig signInConfig() {
        return new SignInConfig(issuer, clientId);
    }
}
