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
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating endpoints: the first response to a key is stored in the
 * same transaction as what it created; a retry with the same key and body gets that response
 * again and creates nothing; the same key with another body is refused (422).
 * <p>
 * A stored answer belongs to the caller's Jobcenter and principal together: a token of another
 * Jobcenter never sees it, even with the same principal name, and its request runs as a new one
 * (so the endpoint's own checks answer it, e.g. 404 for another Jobcenter's participant). Call
 * {@code once} after the endpoint's authorization (role, acting for the Jobcenter), so a replay
 * is only ever given to a caller who may make the request now.
 * <p>
 * An answer that carries personal data names its subject (the aggregate id, see {@link Answer});
 * when the subject's data is erased, {@link #forget(UUID)} drops the stored bodies (a replay still
 * answers the first status, {@code Location} and {@code ETag}, without a body), or
 * {@link #forget(UUID, String...)} blanks the fields that hold personal data.
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

    /** The response to store, and the aggregate whose data it carries (its body is dropped by {@link #forget}). */
    public record Answer(UUID subject, Response response) {
        public Answer {
            Objects.requireNonNull(response, "response");
        }
    }

    /** Makes the {@link Answer} of a creating call. */
    @FunctionalInterface
    public interface Creation {
        Answer create();
    }

    /** An answer about {@code subject}. */
    public static Answer about(UUID subject, Response response) {
        return new Answer(subject, response);
    }

    /**
     * Runs {@code create} once per key, for an answer that carries no personal data.
     *
     * @param key       the header's value, or null to run without idempotency
     * @param operation what is being done, e.g. {@code POST /groups}; part of the fingerprint
     * @param request   the request body, compared with the first request's
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String key, String operation, Object request, Supplier<Response> create) {
        return once(key, operation, request, () -> new Answer(null, create.get()));
    }

    /**
     * Runs {@code create} once per key; the answer names its subject, so that {@link #forget}
     * can drop it.
     *
     * @param key       the header's value, or null to run without idempotency
     * @param operation what is being done, e.g. {@code POST /participants}; part of the fingerprint
     * @param request   the request body, compared with the first request's
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String key, String operation, Object request, Creation create) {
        if (key == null) {
            return create.create().response();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(400, "validation-failed", "Invalid request",
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters",
                    List.of(new Problem.Violation(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters")), null);
        }
        String jobcenter = caller.jobcenter().orElse("");
        String principal = caller.principal();
        String fingerprint = fingerprint(operation, request);
        // Serialises concurrent retries of one key: the second waits for the first to commit.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", jobcenter + "\n" + principal + "\n" + key).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("SELECT request_hash, status, location, etag, body "
                        + "FROM idempotency_record WHERE jobcenter_id = :j AND principal = :p AND idem_key = :k")
                .setParameter("j", jobcenter).setParameter("p", principal).setParameter("k", key).getResultList();
        if (!stored.isEmpty()) {
            return replay(stored.get(0), fingerprint);
        }
        Answer answer = create.create();
        Response response = answer.response();
        String body;
        try {
            body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store response for idempotency", e);
        }
        em.createNativeQuery("INSERT INTO idempotency_record "
                        + "(jobcenter_id, principal, idem_key, subject, request_hash, status, location, etag, body) "
                        + "VALUES (:j, :p, :k, CAST(:subject AS uuid), :h, :s, :l, :e, :b)")
                .setParameter("j", jobcenter).setParameter("p", principal).setParameter("k", key)
                .setParameter("subject", answer.subject() == null ? null : answer.subject().toString())
                .setParameter("h", fingerprint)
                .setParameter("s", response.getStatus())
                .setParameter("l", response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter("e", response.getHeaderString(HttpHeaders.ETAG))
                .setParameter("b", body)
                .executeUpdate();
        return response;
    }

    /**
     * The subject's personal data was erased: its stored answers keep their status,
     * {@code Location} and {@code ETag} (a retry still creates nothing) but lose their bodies.
     *
     * @return how many stored answers lost their body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(UUID subject) {
        return em.createNativeQuery("UPDATE idempotency_record SET body = NULL WHERE subject = :s AND body IS NOT NULL")
                .setParameter("s", subject).executeUpdate();
    }

    /**
     * The subject's personal data was erased, and only {@code personalFields} of its stored answers
     * hold any: those top-level fields become null, the rest of each answer still replays (an
     * outcome without its employer, say).
     *
     * @return how many stored answers changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(UUID subject, String... personalFields) {
        int changed = 0;
        for (String field : personalFields) {
            changed += em.createNativeQuery("UPDATE idempotency_record "
                            + "SET body = jsonb_set(body::jsonb, ARRAY[CAST(:f AS text)], 'null'::jsonb)::text "
                            + "WHERE subject = :s AND body IS NOT NULL AND jsonb_typeof(body::jsonb) = 'object' "
                            + "AND jsonb_exists(body::jsonb, :f) AND jsonb_typeof(body::jsonb -> CAST(:f AS text)) <> 'null'")
                    .setParameter("s", subject).setParameter("f", field).executeUpdate();
        }
        return changed;
    }

    private static Response replay(Object[] row, String fingerprint) {
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
