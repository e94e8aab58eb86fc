package de.nrw.activation.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.time.Instant;

/**
 * Verifies tokens as SmallRye JWT does (signature, issuer, audience, expiry, and the maximum
 * lifetime {@code smallrye.jwt.time-to-live}) and also refuses a token whose {@code iat} lies in
 * the future beyond the clock skew ({@code smallrye.jwt.clock-skew}, 60 s by default): SmallRye
 * checks only that {@code iat} precedes {@code exp}, so a token "issued" next year with a short
 * lifetime would otherwise pass the lifetime check and stay valid until then. The refusal takes
 * the same path as any bad token: 401 problem+json.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedAtCheck extends DefaultJWTCallerPrincipalFactory {

    private final Clock clock = Clock.systemUTC();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal principal = super.parse(token, authContextInfo);
        if (issuedInTheFuture(principal.getIssuedAtTime(), Instant.now(clock), authContextInfo.getClockSkew())) {
            throw new ParseException("The token's iat lies in the future");
        }
        return principal;
    }

    /** True when {@code iat} lies further ahead of {@code now} than the clock skew allows. */
    public static boolean issuedInTheFuture(long issuedAtEpochSecond, Instant now, int clockSkewSeconds) {
        return issuedAtEpochSecond > now.getEpochSecond() + clockSkewSeconds;
    }
}
