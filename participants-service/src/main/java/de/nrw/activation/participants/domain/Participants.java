package de.nrw.activation.participants.domain;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.participants.events.ParticipantEvents;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.web.ETags;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Registration, profile changes and erasure, each committed together with its event and its audit
 * entry; reads, each logged in the audit trail before the answer leaves. A participant asked for by
 * a caller who may not see it answers 404 as if it did not exist, and is logged as DENIED for its
 * own Jobcenter.
 */
@ApplicationScoped
public class Participants {

    @Inject
    ParticipantEvents events;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    GroupKnowledge knowledge;

    @Inject
    SecurityIdentity identity;

    @Transactional(Transactional.TxType.MANDATORY)
    public Participant register(String jobcenterId, String customerNumber, Profile profile) {
        if (Participant.customerNumberTaken(jobcenterId, customerNumber)) {
            throw duplicate();
        }
        Instant now = clock.instant();
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.jobcenterId = jobcenterId;
        participant.customerNumber = customerNumber;
        participant.registeredAt = now;
        apply(participant, profile, now);
        if (!Participant.insert(participant)) {
            throw duplicate(); // a concurrent registration of the same number won the race
        }
        events.registered(participant);
        audit.granted(actor(), AuditAction.REGISTER, participant);
        return participant;
    }

    /**
     * A registration answered again from its stored answer (its {@code Idempotency-Key} repeated):
     * the answer shows the participant's data as registered, so the replay is an access like a
     * read and is logged as one ({@code READ}, granted: the same caller made the registration).
     */
    public void replayed(UUID id) {
        Participant participant = Participant.findById(id);
        if (participant != null) {
            audit.granted(actor(), AuditAction.READ, participant);
        }
    }

    /** The participant of the Jobcenter's staff, logged as read. */
    public Participant read(UUID id, String jobcenterId) {
        Participant participant = find(id, jobcenterId, AuditAction.READ);
        audit.granted(actor(), AuditAction.READ, participant);
        return participant;
    }

    /**
     * The participant for staff of education provider {@code provider} working for
     * {@code jobcenterId}, if a group the provider runs for that Jobcenter has (or had, at most
     * 40 days ago) the participant in it; 404 otherwise. The caller shows only the names.
     */
    public Participant readForProvider(UUID id, String jobcenterId, String provider) {
        Participant participant = Participant.findById(id);
        if (participant == null) {
            throw ProblemException.notFound("Participant", id);
        }
        if (!participant.jobcenterId.equals(jobcenterId)
                || !knowledge.providerMaySee(id, jobcenterId, provider, LocalDate.now(clock))) {
            throw denied(participant, AuditAction.READ);
        }
        audit.granted(actor(), AuditAction.READ, participant);
        return participant;
    }

    /** A request the caller's role may never make about a participant: logged if it exists, always 404. */
    public ProblemException refuse(UUID id, AuditAction action) {
        Participant participant = Participant.findById(id);
        return participant == null ? ProblemException.notFound("Participant", id) : denied(participant, action);
    }

    /** The participant if it exists and belongs to the Jobcenter; 404 otherwise (and DENIED logged if it exists). */
    private Participant find(UUID id, String jobcenterId, AuditAction action) {
        Participant participant = Participant.findById(id);
        if (participant == null) {
            throw ProblemException.notFound("Participant", id);
        }
        if (!participant.jobcenterId.equals(jobcenterId)) {
            throw denied(participant, action);
        }
        return participant;
    }

    private ProblemException denied(Participant participant, AuditAction action) {
        audit.denied(actor(), action, participant);
        return ProblemException.notFound("Participant", participant.id);
    }

    private Actor actor() {
        return Actor.of(identity);
    }

    /**
     * The participant's age band on {@code day}. 404 as {@link #find}; 410 once erased, since
     * the birth date it is worked out from is gone.
     */
    public AgeBand ageBandOn(UUID id, String jobcenterId, LocalDate day) {
        Participant participant = find(id, jobcenterId, AuditAction.READ_AGE_BAND);
        if (participant.isErased()) {
            throw new ProblemException(410, "participant-erased", "Gone",
                    "Participant " + id + " was erased; its age band on a new date cannot be worked out");
        }
        AgeBand band = AgeBands.on(participant.dateOfBirth, day);
        audit.granted(actor(), AuditAction.READ_AGE_BAND, participant);
        return band;
    }

    /** A page of the search; every participant in it is logged (SEARCH). */
    public List<Participant> search(String jobcenterId, String customerNumber, int page, int size) {
        List<Participant> found = query(jobcenterId, customerNumber).page(Page.of(page, size)).list();
        audit.grantedAll(actor(), AuditAction.SEARCH, found);
        return found;
    }

    public long count(String jobcenterId, String customerNumber) {
        return query(jobcenterId, customerNumber).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Participant> query(String jobcenterId, String customerNumber) {
        Sort order = Sort.by("registeredAt").and("id");
        if (customerNumber == null) {
            return Participant.find("jobcenterId = ?1 and erasedAt is null", order, jobcenterId);
        }
        return Participant.find("jobcenterId = ?1 and customerNumber = ?2", order, jobcenterId, customerNumber);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Participant change(UUID id, String jobcenterId, String ifMatch, Profile profile) {
        Participant participant = find(id, jobcenterId, AuditAction.CHANGE);
        ETags.checkIfMatch(ifMatch, participant.version);
        if (participant.isErased()) {
            throw ProblemException.conflict("participant-erased", "Participant " + id + " was erased and cannot change");
        }
        audit.granted(actor(), AuditAction.CHANGE, participant); // the answer shows the data even when nothing changed
        if (sameProfile(participant, profile)) {
            return participant; // nothing changed: no new version, no event
        }
        apply(participant, profile, clock.instant());
        participant.persistAndFlush();
        events.changed(participant);
        return participant;
    }

    /**
     * Erases the personal data, including the bodies of the stored idempotent answers that repeated it.
     * Erasing an erased participant changes nothing and publishes nothing (answers 204 again).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID id, String jobcenterId, String ifMatch) {
        Participant participant = find(id, jobcenterId, AuditAction.ERASE);
        if (participant.isErased()) {
            return;
        }
        ETags.checkIfMatch(ifMatch, participant.version);
        erase(participant, actor());
    }

    /**
     * The retention job's erasure of one participant, in a transaction of its own: the same
     * erasure as on request (stored answers forgotten, {@code participant.erased.v1} published,
     * logged), by {@link Actor#RETENTION}.
     *
     * @return false if the participant was erased meanwhile (or is gone)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean eraseAfterRetention(UUID id) {
        Participant participant = Participant.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (participant == null || participant.isErased()) {
            return false;
        }
        erase(participant, Actor.RETENTION);
        return true;
    }

    private void erase(Participant participant, Actor actor) {
        participant.erase(clock.instant());
        participant.persistAndFlush();
        idempotency.forget(participant.id);
        events.erased(participant);
        audit.granted(actor, AuditAction.ERASE, participant);
    }

    private void apply(Participant participant, Profile profile, Instant now) {
        participant.firstName = profile.firstName();
        participant.lastName = profile.lastName();
        participant.dateOfBirth = profile.dateOfBirth();
        participant.gender = profile.gender();
        participant.customerType = profile.customerType();
        participant.labourMarketDistance = profile.labourMarketDistance();
        participant.vocationalQualification = profile.vocationalQualification();
        participant.ageBand = AgeBands.on(profile.dateOfBirth(), LocalDate.now(clock));
        participant.changedAt = now;
    }

    private static boolean sameProfile(Participant p, Profile profile) {
        return Objects.equals(p.firstName, profile.firstName()) && Objects.equals(p.lastName, profile.lastName())
                && Objects.equals(p.dateOfBirth, profile.dateOfBirth()) && p.gender == profile.gender()
                && p.customerType == profile.customerType() && p.labourMarketDistance == profile.labourMarketDistance()
                && p.vocationalQualification == profile.vocationalQualification();
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("duplicate-customer-number",
                "A participant with this customer number already exists in this Jobcenter");
    }
}
