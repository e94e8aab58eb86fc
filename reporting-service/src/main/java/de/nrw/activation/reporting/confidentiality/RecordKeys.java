package de.nrw.activation.reporting.confidentiality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * The record key of a participation for the {@link CellKeyMethod}: HMAC-SHA256 of the
 * participation id under the secret {@code reporting.confidentiality.secret} (environment
 * {@code REPORTING_CONFIDENTIALITY_SECRET}), reduced to [0, M). Without the secret nobody can
 * compute a cell's key, so nobody can undo the perturbation. The service does not start
 * without it (an unset config property fails the start-up; a short one is refused here).
 */
@ApplicationScoped
public class RecordKeys {

    /** The modulus of record and cell keys: 2^31. */
    public static final long M = 1L << 31;
    static final int MIN_SECRET_LENGTH = 16;

    /** One keyed HMAC per projection thread: looked up and keyed once, not per record. */
    private final ThreadLocal<Mac> macs;

    @Inject
    public RecordKeys(@ConfigProperty(name = "reporting.confidentiality.secret") String secret) {
        if (secret == null || secret.isBlank() || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("reporting.confidentiality.secret (REPORTING_CONFIDENTIALITY_SECRET) "
                    + "must be set to at least " + MIN_SECRET_LENGTH + " characters");
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** The record key of a participation, in [0, M). */
    public long of(UUID participationId) {
        byte[] h = macs.get().doFinal(participationId.toString().getBytes(StandardCharsets.US_ASCII));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return Math.floorMod(v, M);
    }
}
