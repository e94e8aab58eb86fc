package de.nrw.activation.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the DEV ONLY key pair in deploy/local/dev-keys.
 * The local Keycloak realm (deploy/keycloak) signs with the same key under the same issuer and
 * audience, so a token minted here is indistinguishable from one the realm issues: module
 * tests need no identity provider, and the e2e suite accepts both.
 */
public final class Tokens {

    /** The issuer of the local Keycloak realm ({@code activation} on 127.0.0.1:8180). */
    public static final String ISSUER = "http://127.0.0.1:8180/realms/activation";
    /** The audience every service of the suite requires ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "activation-suite";
    /** The key id Keycloak gives the DEV ONLY key (base64url SHA-256 of the public key), as in its JWKS. */
    public static final String DEV_KEY_ID = "FF5gUoR1qRcahycRII3JaRRDCMp0g8Ee2_-J_8DRz9A";

    private Tokens() { }

    public static String staff(String jobcenter) {
        return staffClaims(jobcenter).jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** A staff token of {@code jobcenter} whose principal ({@code upn}) is {@code upn}: two Jobcenters may use one name. */
    public static String staff(String jobcenter, String upn) {
        return claims(upn, "jobcenter-staff").claim("jobcenter", jobcenter).sign(devKey());
    }

    public static String coordinator() {
        return claims("state-coordinator", "coordinator").jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    public static String ops() {
        return claims("operator", "ops").jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** Staff of education provider {@code provider} working for {@code jobcenter} (role provider-staff). */
    public static String providerStaff(String jobcenter, String provider) {
        return claims("provider-" + provider + "-" + jobcenter, "provider-staff")
                .claim("jobcenter", jobcenter).claim("provider", provider)
                .jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** The data-protection officer of {@code jobcenter} (role data-protection). */
    public static String dataProtection(String jobcenter) {
        return claims("data-protection-" + jobcenter, "data-protection").claim("jobcenter", jobcenter)
                .jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /**
     * A token of {@code jobcenter} carrying every role in {@code roles} at once (say jobcenter-staff and
     * coordinator): the services refuse such a mixed token with 403 mixed-roles.
     */
    public static String withRoles(String jobcenter, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn("mixed-" + jobcenter).subject("mixed-" + jobcenter)
                .groups(Set.of(roles)).claim("jobcenter", jobcenter)
                .issuedAt(Instant.now()).expiresIn(900).jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** A staff token whose {@code jobcenter} claim is {@code claim} as it is (say {@code he"rne}, or a number). */
    public static String staffWithJobcenterClaim(Object claim) {
        return claims("staff-odd-claim", "jobcenter-staff").claim("jobcenter", claim)
                .jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** A provider-staff token of {@code jobcenter} whose {@code provider} claim is {@code claim} as it is. */
    public static String providerStaffWithProviderClaim(String jobcenter, Object claim) {
        return claims("provider-odd-claim", "provider-staff").claim("jobcenter", jobcenter).claim("provider", claim)
                .jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** A staff token of {@code jobcenter} with principal {@code upn} and subject {@code subject}. */
    public static String staffWithSubject(String jobcenter, String upn, String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(upn).subject(subject).groups(Set.of("jobcenter-staff"))
                .claim("jobcenter", jobcenter).issuedAt(Instant.now()).expiresIn(900)
                .jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** A staff token whose lifetime is over. */
    public static String expired(String jobcenter) {
        return staffClaims(jobcenter)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** A well-formed staff token signed with a key the services do not trust. */
    public static String forged(String jobcenter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return staffClaims(jobcenter).jws().keyId(DEV_KEY_ID).sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A staff token meant for another application: right key and issuer, no suite audience. */
    public static String withoutAudience(String jobcenter) {
        return staffClaims(jobcenter).audience("another-application").jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** A valid staff token whose lifetime ({@code exp - iat}) is {@code lifetime}. */
    public static String withLifetime(String jobcenter, Duration lifetime) {
        Instant now = Instant.now();
        return staffClaims(jobcenter).issuedAt(now).expiresAt(now.plus(lifetime)).jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    /** A staff token claiming to be issued {@code ahead} from now (a clock far off, or a forged iat). */
    public static String issuedInFuture(String jobcenter, Duration ahead) {
        Instant iat = Instant.now().plus(ahead);
        return staffClaims(jobcenter).issuedAt(iat).expiresAt(iat.plusSeconds(900)).jws().keyId(DEV_KEY_ID).sign(devKey());
    }

    private static JwtClaimsBuilder staffClaims(String jobcenter) {
        return claims("staff-" + jobcenter, "jobcenter-staff").claim("jobcenter", jobcenter);
    }

    private static JwtClaimsBuilder claims(String subject, String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(subject).subject(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresIn(900);
    }

    private static PrivateKey devKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/dev-keys/privateKey.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
