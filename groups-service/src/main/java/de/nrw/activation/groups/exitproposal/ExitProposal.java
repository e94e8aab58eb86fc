package de.nrw.activation.groups.exitproposal;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.platform.problem.ProblemException;
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

/**
 * An exit (date and reason) proposed by the staff of the education provider running the group,
 * which Jobcenter staff accept (the exit is then recorded) or reject with a reason. Its state
 * machine: PENDING, then ACCEPTED or REJECTED once; a decided proposal stays as it was decided.
 */
@Entity
@Table(name = "exit_proposal")
public class ExitProposal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "participation_id", nullable = false, updatable = false)
    public UUID participationId;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Column(name = "group_id", nullable = false, updatable = false)
    public UUID groupId;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Column(name = "provider_id", nullable = false, updatable = false)
    public String providerId;

    @Column(name = "exit_date", nullable = false, updatable = false)
    public LocalDate exitDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ExitReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExitProposalStatus status = ExitProposalStatus.PENDING;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Version
    public long version;

    public boolean isPending() {
        return status == ExitProposalStatus.PENDING;
    }

    /** Jobcenter staff accepted it (the exit is recorded in the same transaction). 409 unless pending. */
    public void accept(String by, Instant now) {
        requirePending();
        status = ExitProposalStatus.ACCEPTED;
        decidedBy = by;
        decidedAt = now;
    }

    /** Jobcenter staff rejected it, saying why; nothing changes on the participation. 409 unless pending. */
    public void reject(String why, String by, Instant now) {
        requirePending();
        status = ExitProposalStatus.REJECTED;
        rejectionReason = why;
        decidedBy = by;
        decidedAt = now;
    }

    /** 409 {@code exit-proposal-decided} unless the proposal still waits for a decision. */
    public void requirePending() {
        if (!isPending()) {
            throw ProblemException.conflict("exit-proposal-decided", "The exit proposal was " + status
                    + " already; it cannot be decided again");
        }
    }
}
