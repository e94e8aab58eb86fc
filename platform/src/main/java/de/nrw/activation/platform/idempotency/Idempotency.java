package de.nrw.activation.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating endpoints: the first response to a key is stored in the
 * same transaction as what it created; a retry with the same key and body gets that response
 * again and creates nothing; the same key with another body is refused (422). Keys are
 * scoped to the caller, so two Jobcenters cannot collide.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    /**
     * Runs {@code create} once per key.
     *
     * @param key       the header's value, or null to run without idempotency
     * @param operation what is being done, e.g. {@code POST /participants}; part of the fingerprint
     * @param request   the request body, compared with the first request's
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String key, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(400, "validation-failed", "Invalid request",
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters",
                    List.of(new Problem.Violation(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters")), null);
        }
        String principal = caller.principal();
        String fingerprint = fingerprint(operation, request);
        // Serialises concurrent retries of one key: the second waits for the first to commit.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", principal + "\n" + key).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("SELECT request_hash, status, location, etag, body "
                        + "FROM idempotency_record WHERE principal = :p AND idem_key = :k")
                .setParameter("p", principal).setParameter("k", key).getResultList();
        if (!stored.isEmpty()) {
            Object[] row = stored.get(0);
            if (!fingerprint.equals(row[0])) {
                throw ProblemException.rule("idempotency-key-reused",
                        "This Idempotency-Key was already used for a different request");
            }
            Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                    .header(REPLAYED_HEADER, "true");
            if (row[2] != null) {
                replay.location(URI.create((String) row[2]));
            }
            if (row[3] != null) {
                replay.header(HttpHeaders.ETAG, row[3]);
            }
            if (row[4] != null) {
                replay.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return replay.build();
        }
        Response response = create.get();
        String body;
        try {
            body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store response for idempotency", e);
        }
        em.createNativeQuery("INSERT INTO idempotency_record (principal, idem_key, request_hash, status, location, etag, body) "
                        + "VALUES (:p, :k, :h, :s, :l, :e, :b)")
                .setParameter("p", principal).setParameter("k", key).setParameter("h", fingerprint)
                .setParameter("s", response.getStatus())
                .setParameter("l", response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter("e", response.getHeaderString(HttpHeaders.ETAG))
                .setParameter("b", body)
                .executeUpdate();
        return response;
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
