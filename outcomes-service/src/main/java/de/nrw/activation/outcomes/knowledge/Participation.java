package de.nrw.activation.outcomes.knowledge;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ProviderType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One participant in one group, as groups-service announced it. Its events (entry, exit, exit
 * correction, withdrawal, transfer) may arrive in any order and more than once, so each method
 * below gives the same state whatever came before:
 * <ul>
 *   <li>an entry is authoritative for the entry date and phase, and for the group unless a
 *       transfer has already moved the participation;</li>
 *   <li>an exit correction beats the original exit whichever arrives first; between two exits of
 *       the same kind the one published later wins (event {@code time});</li>
 *   <li>a transfer moves the participation to its new group; of two transfers the one on the
 *       later date (then the one published later) wins;</li>
 *   <li>a withdrawal is final.</li>
 * </ul>
 * Every field but the ids and the Jobcenter may still be unknown (null).
 */
@Entity
@Table(name = "participation")
public class Participation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "phase_id")
    public String phaseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_type")
    public ProviderType providerType;

    @Column(name = "entry_date")
    public LocalDate entryDate;

    @Column(name = "exit_date")
    public LocalDate exitDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "exit_reason")
    public ExitReason exitReason;

    /** The exit was caused by the cancellation of the group. */
    @Column(name = "group_cancelled", nullable = false)
    public boolean groupCancelled;

    /** The exit date and reason come from an exit correction. */
    @Column(name = "exit_corrected", nullable = false)
    public boolean exitCorrected;

    /** When the exit (or correction) now in force was published. */
    @Column(name = "exit_event_time")
    public Instant exitEventTime;

    /** First day in the current group, when the participation was transferred to it. */
    @Column(name = "transferred_on")
    public LocalDate transferredOn;

    @Column(name = "transfer_event_time")
    public Instant transferEventTime;

    /** Entered by mistake: out of every figure and off the due list; the record is kept. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public boolean hasEnded() {
        return exitDate != null;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public void enter(ParticipationEnteredData entry) {
        entryDate = entry.entryDate();
        phaseId = entry.phaseId() != null ? entry.phaseId() : phaseId;
        if (transferredOn == null) {
            groupId = entry.groupId();
            providerType = entry.providerType() != null ? entry.providerType() : providerType;
        } else if (providerType == null) {
            providerType = entry.providerType();
        }
    }

    /**
     * An exit ({@code correction} false) or an exit correction. Entry facts it carries only fill
     * gaps; its date and reason count if it {@linkplain #supersedesExit supersedes} the exit in force.
     *
     * @return true if the exit in force is now this one
     */
    public boolean exit(ParticipationExitedData exit, boolean correction, Instant publishedAt) {
        groupId = groupId != null ? groupId : exit.groupId();
        phaseId = phaseId != null ? phaseId : exit.phaseId();
        providerType = providerType != null ? providerType : exit.providerType();
        entryDate = entryDate != null ? entryDate : exit.entryDate();
        if (!supersedesExit(correction, publishedAt)) {
            return false;
        }
        exitDate = exit.exitDate();
        exitReason = exit.reason();
        groupCancelled = Boolean.TRUE.equals(exit.groupCancelled());
        exitCorrected = correction;
        exitEventTime = publishedAt;
        return true;
    }

    /**
     * A correction beats the original exit, whichever arrives first; of two of the same kind,
     * the one published later wins (without a time: the one that arrives later).
     */
    boolean supersedesExit(boolean correction, Instant publishedAt) {
        if (exitDate == null) {
            return true;
        }
        if (exitCorrected != correction) {
            return correction;
        }
        return notBefore(publishedAt, exitEventTime);
    }

    /** @return true if the participation is now in the transfer's group */
    public boolean transfer(ParticipationTransferredData transfer, Instant publishedAt) {
        boolean later = transferredOn == null || transfer.date().isAfter(transferredOn)
                || (transfer.date().equals(transferredOn) && notBefore(publishedAt, transferEventTime));
        if (!later) {
            return false;
        }
        groupId = transfer.toGroupId();
        providerType = transfer.toProviderType() != null ? transfer.toProviderType() : providerType;
        transferredOn = transfer.date();
        transferEventTime = publishedAt;
        return true;
    }

    public void withdraw(UUID group, Instant at) {
        groupId = groupId != null ? groupId : group;
        withdrawnAt = withdrawnAt != null ? withdrawnAt : at;
    }

    private static boolean notBefore(Instant incoming, Instant stored) {
        return incoming == null || stored == null || !incoming.isBefore(stored);
    }
}
