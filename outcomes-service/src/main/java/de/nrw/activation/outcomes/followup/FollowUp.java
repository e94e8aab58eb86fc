package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.Checkpoint;
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

/** One checkpoint of an ended participation: scheduled with a due date, then recorded once. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "participation_id", nullable = false, updatable = false)
    public UUID participationId;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Checkpoint checkpoint;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** Where the participant was at the checkpoint; null while the checkpoint is open. */
    @Enumerated(EnumType.STRING)
    @Column
    public OutcomeKind status;

    @Column(name = "checked_on")
    public LocalDate checkedOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** When it was last corrected; null if never. */
    @Column(name = "corrected_at")
    public Instant correctedAt;

    /** Sent as the ETag; also raised when an open checkpoint moves with a corrected exit date. */
    @Version
    public long version;

    public boolean isRecorded() {
        return status != null;
    }

    boolean sameAs(OutcomeKind otherStatus, LocalDate otherCheckedOn) {
        return status == otherStatus && otherCheckedOn.equals(checkedOn);
    }
}
