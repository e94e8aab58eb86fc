package de.nrw.activation.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.annotation.PostConstruct;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;

/**
 * Verifies tokens as SmallRye JWT does (signature, issuer, audience, expiry, and the maximum
 * lifetime {@code smallrye.jwt.time-to-live}) and also refuses a token whose {@code iat} lies in
 * the future beyond the clock skew ({@code smallrye.jwt.clock-skew}, 60 s by default): SmallRye
 * checks only that {@code iat} precedes {@code exp}, so a token "issued" next year with a short
 * lifetime would otherwise pass the lifetime check and stay valid until then. The refusal takes
 * the same path as any bad token: 401 problem+json.
 * <p>
 * A token that passed is kept in a small cache of verified tokens ({@link VerifiedTokens},
 * {@code platform.jwt.verified-cache.max-size} entries, 0 turns it off) until its {@code exp}, so
 * a client sending the same token again is not verified again; smallrye-jwt has no such cache
 * of its own (it caches the verification keys only).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedAtCheck extends DefaultJWTCallerPrincipalFactory {

    private final Clock clock = Clock.systemUTC();
    private VerifiedTokens verified;

    @ConfigProperty(name = "platform.jwt.verified-cache.max-size", defaultValue = "1000")
    int cacheSize;

    @PostConstruct
    void init() {
        verified = cacheSize > 0 ? new VerifiedTokens(cacheSize) : null;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        if (verified != null) {
            JWTCallerPrincipal known = verified.get(token);
            if (known != null && !issuedInTheFuture(known.getIssuedAtTime(), Instant.now(clock), authContextInfo.getClockSkew())) {
                return known;
            }
        }
        JWTCallerPrincipal principal = super.parse(token, authContextInfo);
        if (issuedInTheFuture(principal.getIssuedAtTime(), Instant.now(clock), authContextInfo.getClockSkew())) {
            throw new ParseException("The token's iat lies in the future");
        }
        if (verified != null) {
            verified.put(token, principal, authContextInfo.getTokenAge());
        }
        return principal;
    }

    /** Requests whose token was answered from the cache of verified tokens (tests). */
    public long cacheHits() {
        return verified == null ? 0 : verified.hits();
    }

    /** True when {@code iat} lies further ahead of {@code now} than the clock skew allows. */
    public static boolean issuedInTheFuture(long issuedAtEpochSecond, Instant now, int clockSkewSeconds) {
        return issuedAtEpochSecond > now.getEpochSecond() + clockSkewSeconds;
    }
}
