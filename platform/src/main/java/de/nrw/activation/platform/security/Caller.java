package de.nrw.activation.platform.security;

import de.nrw.activation.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling: the role and, for Jobcenter staff, the Jobcenter (the tenant) from the
 * token's {@code jobcenter} claim. Tenant checks live here so every resource answers
 * another Jobcenter's data the same way: 404, as if it did not exist.
 */
@RequestScoped
public class Caller {

    public static final String JOBCENTER_CLAIM = "jobcenter";
    public static final String PROVIDER_CLAIM = "provider";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    public boolean isCoordinator() {
        return identity.hasRole(Roles.COORDINATOR);
    }

    /**
     * The caller's Jobcenter; empty for coordinator and ops tokens. A claim that is not a Jobcenter id
     * (lowercase slug) is refused with 403 invalid-claim, never repaired ({@link CallerCheck}).
     */
    public Optional<String> jobcenter() {
        return CallerCheck.claim(token, JOBCENTER_CLAIM);
    }

    /** The education provider of a provider-staff caller ({@code provider} claim); empty otherwise; 403 when not an id. */
    public Optional<String> provider() {
        return CallerCheck.claim(token, PROVIDER_CLAIM);
    }

    public boolean isProviderStaff() {
        return identity.hasRole(Roles.PROVIDER_STAFF);
    }

    /** The Jobcenter of a staff caller; 403 when a staff token lacks the claim. */
    public String staffJobcenter() {
        return jobcenter().orElseThrow(() ->
                ProblemException.forbidden("The token has no '" + JOBCENTER_CLAIM + "' claim"));
    }

    /** True when a staff caller may see data of {@code jobcenterId}. */
    public boolean owns(String jobcenterId) {
        return jobcenter().map(own -> own.equals(jobcenterId)).orElse(false);
    }

    /**
     * Staff may only act for their own Jobcenter; a body naming another one is refused
     * with 403 (the caller named it, so nothing is hidden by saying no).
     */
    public void requireActsFor(String jobcenterId) {
        if (!staffJobcenter().equals(jobcenterId)) {
            throw ProblemException.forbidden("Staff of Jobcenter '" + staffJobcenter()
                    + "' may not act for Jobcenter '" + jobcenterId + "'");
        }
    }

    /** A stable, non-personal name for the caller (idempotency keys are scoped by it). */
    public String principal() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
