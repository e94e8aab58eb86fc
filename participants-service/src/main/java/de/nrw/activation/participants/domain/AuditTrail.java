package de.nrw.activation.participants.domain;

import de.nrw.activation.platform.jdbc.TransactionSql;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The append-only log of access to participants' personal data. A change is logged in its own
 * transaction (it commits with the change or not at all); a read is logged before its answer
 * leaves (a read whose entry cannot be written fails); a refused access in a transaction of its
 * own, because the refusal rolls back the request's transaction.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = "INSERT INTO audit_entry (at, actor, role, action, outcome, participant_id, "
            + "jobcenter_id) VALUES (?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The actor did {@code action} with the participant's data. Joins the running transaction, if any. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void granted(Actor actor, AuditAction action, Participant participant) {
        write(actor, action, AuditEntry.Outcome.GRANTED, participant.id, participant.jobcenterId);
    }

    /** One entry per participant (a search's answer), in one statement. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void grantedAll(Actor actor, AuditAction action, List<Participant> participants) {
        if (participants.isEmpty()) {
            return;
        }
        String ids = participants.stream().map(p -> p.id.toString()).collect(Collectors.joining(","));
        String jobcenters = participants.stream().map(p -> p.jobcenterId).collect(Collectors.joining(","));
        em.createNativeQuery("INSERT INTO audit_entry (at, actor, role, action, outcome, participant_id, jobcenter_id) "
                        + "SELECT :at, :actor, :role, :action, 'GRANTED', id::uuid, jobcenter "
                        + "FROM unnest(string_to_array(:ids, ','), string_to_array(:jobcenters, ',')) AS x(id, jobcenter)")
                .setParameter("at", clock.instant()).setParameter("actor", actor.name()).setParameter("role", actor.role())
                .setParameter("action", action.name()).setParameter("ids", ids).setParameter("jobcenters", jobcenters)
                .executeUpdate();
    }

    /**
     * The actor asked for the participant and was refused (answered 404): logged for the
     * participant's own Jobcenter, committed whatever happens to the request.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(Actor actor, AuditAction action, Participant participant) {
        write(actor, action, AuditEntry.Outcome.DENIED, participant.id, participant.jobcenterId);
    }

    /** The entries about one participant of {@code jobcenterId}, oldest first. */
    public List<AuditEntry> ofParticipant(UUID participantId, String jobcenterId, int page, int size) {
        return AuditEntry.find("participantId = ?1 and jobcenterId = ?2", order(), participantId, jobcenterId)
                .page(Page.of(page, size)).list();
    }

    public long countOfParticipant(UUID participantId, String jobcenterId) {
        return AuditEntry.count("participantId = ?1 and jobcenterId = ?2", participantId, jobcenterId);
    }

    /** A Jobcenter's entries with {@code from <= at < to} (either open) and of one actor (null: all), oldest first. */
    public List<AuditEntry> search(Query query, int page, int size) {
        return AuditEntry.find(query.where(), order(), query.parameters()).page(Page.of(page, size)).list();
    }

    public long count(Query query) {
        return AuditEntry.count(query.where(), query.parameters());
    }

    /** What {@code GET /audit} filters on. */
    public record Query(String jobcenterId, Instant from, Instant to, String actor) {

        String where() {
            StringBuilder where = new StringBuilder("jobcenterId = :jobcenter");
            if (from != null) {
                where.append(" and at >= :from");
            }
            if (to != null) {
                where.append(" and at < :to");
            }
            if (actor != null) {
                where.append(" and actor = :actor");
            }
            return where.toString();
        }

        Parameters parameters() {
            Parameters parameters = Parameters.with("jobcenter", jobcenterId);
            if (from != null) {
                parameters.and("from", from);
            }
            if (to != null) {
                parameters.and("to", to);
            }
            if (actor != null) {
                parameters.and("actor", actor);
            }
            return parameters;
        }
    }

    private void write(Actor actor, AuditAction action, AuditEntry.Outcome outcome, UUID participantId, String jobcenterId) {
        // One prepared statement on the transaction's connection: an entry is never read back in
        // the transaction that writes it, so the session (an IDENTITY insert, flush) is not needed.
        TransactionSql.update(em, INSERT, clock.instant(), actor.name(), actor.role(), action, outcome, participantId,
                jobcenterId);
    }

    private static Sort order() {
        return Sort.by("at").and("id");
    }
}
