package de.nrw.activation.groups.exitproposal;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.groups.participation.Participation;
import de.nrw.activation.groups.participation.Participations;
import de.nrw.activation.groups.provider.ProviderScope;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Exit proposals: provider staff propose the exit of a participation in a group their provider
 * runs; Jobcenter staff of the group's Jobcenter accept it, which records the exit through
 * {@link Participations#exit} (its rules, its {@code participation.exited.v1}, in the same
 * transaction), or reject it with a reason, which changes nothing on the participation.
 */
@ApplicationScoped
public class ExitProposals {

    @Inject
    Participations participations;

    @Inject
    ProviderScope providers;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Provider staff propose an exit. 404 unless the participation is in a group of their provider
     * now and they still see it; 409 when it ended or was withdrawn already, or a proposal for it
     * waits for a decision; 422 for the date rules of an exit (as {@code POST .../exit}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExitProposal propose(UUID participationId, LocalDate exitDate, ExitReason reason) {
        ProviderScope.Stay stay = providers.staysOf(participationId).stream().filter(ProviderScope.Stay::isCurrent)
                .findFirst().orElseThrow(() -> ProblemException.notFound("Participation", participationId));
        // the participation's row serialises proposals (and the exit) of one participation
        Participation participation = em.find(Participation.class, participationId, LockModeType.PESSIMISTIC_WRITE);
        participations.requireExitAllowed(participation, exitDate);
        if (pendingFor(participationId) > 0) {
            throw ProblemException.conflict("exit-proposal-pending", "An exit proposal for this participation waits "
                    + "for the Jobcenter's decision already");
        }
        ExitProposal proposal = new ExitProposal();
        proposal.id = UUID.randomUUID();
        proposal.participationId = participationId;
        proposal.participantId = participation.participantId;
        proposal.groupId = stay.groupId();
        proposal.jobcenterId = participation.jobcenterId;
        proposal.providerId = providers.provider();
        proposal.exitDate = exitDate;
        proposal.reason = reason;
        proposal.proposedBy = caller.principal();
        proposal.proposedAt = clock.instant();
        proposal.persist();
        em.flush();
        return proposal;
    }

    /** Jobcenter staff accept: the exit is recorded as by {@code POST /participations/{id}/exit}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExitProposal accept(UUID id, String ifMatch) {
        ExitProposal proposal = ownLocked(id);
        ETags.checkIfMatch(ifMatch, proposal.version);
        proposal.requirePending();
        participations.exit(proposal.participationId, null, proposal.exitDate, proposal.reason);
        proposal.accept(caller.principal(), clock.instant());
        em.flush();
        return proposal;
    }

    /** Jobcenter staff reject, saying why; the participation stays as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExitProposal reject(UUID id, String ifMatch, String reason) {
        ExitProposal proposal = ownLocked(id);
        ETags.checkIfMatch(ifMatch, proposal.version);
        proposal.reject(reason.strip(), caller.principal(), clock.instant());
        em.flush();
        return proposal;
    }

    /** A proposal the caller sees: staff their Jobcenter's, provider staff their provider's that they still see. 404 otherwise. */
    public ExitProposal visible(UUID id) {
        ExitProposal proposal = ExitProposal.findById(id);
        if (proposal == null || !maySee(proposal)) {
            throw ProblemException.notFound("Exit proposal", id);
        }
        return proposal;
    }

    /** A page of the proposals the caller sees, oldest first; {@code status} null: all. */
    public List<ExitProposal> list(ExitProposalStatus status, int page, int size) {
        Set<UUID> seen = seenByProvider();
        if (seen != null && seen.isEmpty()) {
            return List.of();
        }
        return query(ExitProposal.class, "SELECT e", status, seen, " ORDER BY e.proposedAt, e.id")
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(ExitProposalStatus status) {
        Set<UUID> seen = seenByProvider();
        if (seen != null && seen.isEmpty()) {
            return 0;
        }
        return query(Long.class, "SELECT count(e)", status, seen, "").getSingleResult();
    }

    /** Staff: their Jobcenter's proposals; provider staff ({@code seen} not null): their provider's, of the participations they see. */
    private <T> TypedQuery<T> query(Class<T> type, String select, ExitProposalStatus status, Set<UUID> seen, String order) {
        String where = " FROM ExitProposal e WHERE e.jobcenterId = :jobcenter"
                + (seen != null ? " AND e.providerId = :provider AND e.participationId IN :seen" : "")
                + (status != null ? " AND e.status = :status" : "");
        TypedQuery<T> query = em.createQuery(select + where + order, type);
        if (seen != null) {
            query.setParameter("jobcenter", providers.jobcenter()).setParameter("provider", providers.provider())
                    .setParameter("seen", seen);
        } else {
            query.setParameter("jobcenter", caller.staffJobcenter());
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query;
    }

    private boolean maySee(ExitProposal proposal) {
        if (providers.applies()) {
            return proposal.jobcenterId.equals(providers.jobcenter()) && proposal.providerId.equals(providers.provider())
                    && !providers.staysOf(proposal.participationId).isEmpty();
        }
        return caller.owns(proposal.jobcenterId);
    }

    /** The participations a provider-staff caller sees; null for staff. */
    private Set<UUID> seenByProvider() {
        return providers.applies() ? providers.participations() : null;
    }

    private ExitProposal ownLocked(UUID id) {
        ExitProposal proposal = em.find(ExitProposal.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (proposal == null || providers.applies() || !proposal.jobcenterId.equals(caller.staffJobcenter())) {
            throw ProblemException.notFound("Exit proposal", id);
        }
        return proposal;
    }

    private long pendingFor(UUID participationId) {
        return em.createQuery("SELECT count(e) FROM ExitProposal e WHERE e.participationId = :p AND e.status = :pending",
                        Long.class)
                .setParameter("p", participationId).setParameter("pending", ExitProposalStatus.PENDING).getSingleResult();
    }
}
