package de.nrw.activation.participants.domain;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.participants.events.ParticipantEvents;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.web.ETags;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Registration, profile changes and erasure, each committed together with its event. */
@ApplicationScoped
public class Participants {

    @Inject
    ParticipantEvents events;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

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
        try {
            participant.persistAndFlush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw duplicate(); // a concurrent registration of the same number won the race
        }
        events.registered(participant);
        return participant;
    }

    /** The participant if it exists and belongs to the Jobcenter; 404 otherwise. */
    public Participant find(UUID id, String jobcenterId) {
        Participant participant = Participant.findById(id);
        if (participant == null || !participant.jobcenterId.equals(jobcenterId)) {
            throw ProblemException.notFound("Participant", id);
        }
        return participant;
    }

    /**
     * The participant's age band on {@code day}. 404 as {@link #find}; 410 once erased, since
     * the birth date it is worked out from is gone.
     */
    public AgeBand ageBandOn(UUID id, String jobcenterId, LocalDate day) {
        Participant participant = find(id, jobcenterId);
        if (participant.isErased()) {
            throw new ProblemException(410, "participant-erased", "Gone",
                    "Participant " + id + " was erased; its age band on a new date cannot be worked out");
        }
        return AgeBands.on(participant.dateOfBirth, day);
    }

    public List<Participant> search(String jobcenterId, String customerNumber, int page, int size) {
        return query(jobcenterId, customerNumber).page(Page.of(page, size)).list();
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
        Participant participant = find(id, jobcenterId);
        ETags.checkIfMatch(ifMatch, participant.version);
        if (participant.isErased()) {
            throw ProblemException.conflict("participant-erased", "Participant " + id + " was erased and cannot change");
        }
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
        Participant participant = find(id, jobcenterId);
        if (participant.isErased()) {
            return;
        }
        ETags.checkIfMatch(ifMatch, participant.version);
        participant.erase(clock.instant());
        participant.persistAndFlush();
        idempotency.forget(id);
        events.erased(participant);
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
