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
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Bearer tokens for tests, signed with the DEV ONLY key pair in deploy/local/dev-keys. */
public final class Tokens {

    public static final String ISSUER = "https://activation.nrw.example/dev";

    private Tokens() { }

    public static String staff(String jobcenter) {
        return claims("staff-" + jobcenter, "jobcenter-staff").claim("jobcenter", jobcenter).sign(devKey());
    }

    /** A staff token of {@code jobcenter} whose principal ({@code upn}) is {@code upn}: two Jobcenters may use one name. */
    public static String staff(String jobcenter, String upn) {
        return claims(upn, "jobcenter-staff").claim("jobcenter", jobcenter).sign(devKey());
    }

    public static String coordinator() {
        return claims("state-coordinator", "coordinator").sign(devKey());
    }

    public static String ops() {
        return claims("operator", "ops").sign(devKey());
    }

    /** A staff token whose lifetime is over. */
    public static String expired(String jobcenter) {
        return Jwt.issuer(ISSUER).upn("staff-" + jobcenter).groups(Set.of("jobcenter-staff"))
                .claim("jobcenter", jobcenter)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .sign(devKey());
    }

    /** A well-formed staff token signed with a key the services do not trust. */
    public static String forged(String jobcenter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims("staff-" + jobcenter, "jobcenter-staff").claim("jobcenter", jobcenter)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String subject, String role) {
        return Jwt.issuer(ISSUER).upn(subject).subject(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresIn(3600);
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
