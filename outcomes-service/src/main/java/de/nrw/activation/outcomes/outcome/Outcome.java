package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.contract.OutcomeKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Where a participant is from a start date on: an integration or another whereabouts. */
@Entity
@Table(name = "outcome")
public class Outcome extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutcomeKind kind;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "temporary_agency", nullable = false)
    public boolean temporaryAgency;

    @Column(name = "fixed_term", nullable = false)
    public boolean fixedTerm;

    /** The employer's name: stays in this service, never in an event; cleared on erasure. */
    @Column
    public String employer;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Version
    public long version;

    void apply(OutcomeFacts facts, Instant now) {
        kind = facts.kind();
        startDate = facts.startDate();
        temporaryAgency = facts.temporaryAgency();
        fixedTerm = facts.fixedTerm();
        employer = facts.employer();
        changedAt = now;
    }

    boolean sameAs(OutcomeFacts facts) {
        return kind == facts.kind() && startDate.equals(facts.startDate()) && temporaryAgency == facts.temporaryAgency()
                && fixedTerm == facts.fixedTerm() && java.util.Objects.equals(employer, facts.employer());
    }
}
