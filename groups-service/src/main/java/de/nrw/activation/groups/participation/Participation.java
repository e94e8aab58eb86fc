package de.nrw.activation.groups.participation;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.LabourMarketDistance;
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
 * One participant in one group (Teilnahme), from entry to exit, with the participant's
 * anonymous attributes as they were at entry. A transfer moves it to another group
 * ({@link #groupId} is the current one, {@link GroupStay} the history); a withdrawal marks it as
 * entered by mistake, and the row stays.
 */
@Entity
@Table(name = "participation")
public class Participation extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The group it is in now (after a transfer: the new group). */
    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Column(name = "entry_date", nullable = false, updatable = false)
    public LocalDate entryDate;

    @Column(name = "exit_date")
    public LocalDate exitDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "exit_reason")
    public ExitReason exitReason;

    /** The exit was caused by the group's cancellation (reason OTHER, on the cancellation date). */
    @Column(name = "exit_group_cancelled", nullable = false)
    public boolean exitGroupCancelled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false, updatable = false)
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false, updatable = false)
    public CustomerType customerType;

    @Enumerated(EnumType.STRING)
    @Column(name = "labour_market_distance", nullable = false, updatable = false)
    public LabourMarketDistance labourMarketDistance;

    @Column(name = "vocational_qualification", nullable = false, updatable = false)
    public boolean vocationalQualification;

    @Column(name = "entered_at", nullable = false, updatable = false)
    public Instant enteredAt;

    @Column(name = "exited_at")
    public Instant exitedAt;

    @Column(name = "exit_corrected_at")
    public Instant exitCorrectedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public long version;

    public boolean hasExited() {
        return exitDate != null;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public ParticipationStatus status() {
        if (isWithdrawn()) {
            return ParticipationStatus.WITHDRAWN;
        }
        return hasExited() ? ParticipationStatus.ENDED : ParticipationStatus.ACTIVE;
    }

    public void exit(LocalDate date, ExitReason reason, boolean causedByGroupCancellation, Instant now) {
        exitDate = date;
        exitReason = reason;
        exitGroupCancelled = causedByGroupCancellation;
        exitedAt = now;
    }

    /** Staff put a recorded exit right: it is theirs now, not the cancellation's. */
    public void correctExit(LocalDate date, ExitReason reason, Instant now) {
        exitDate = date;
        exitReason = reason;
        exitGroupCancelled = false;
        exitCorrectedAt = now;
    }

    public void withdraw(String reason, Instant now) {
        withdrawnAt = now;
        withdrawalReason = reason;
    }
}
