package de.nrw.activation.participants.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A participation as groups-service announced it (group-events). Its events may come in any order
 * and more than once; each method gives the same state whatever came before: a correction beats
 * the original exit whichever arrives first, of two exits of one kind the later published wins,
 * a withdrawal is final.
 */
@Entity
@Table(name = "known_participation")
public class KnownParticipation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Column(name = "entry_date")
    public LocalDate entryDate;

    @Column(name = "exit_date")
    public LocalDate exitDate;

    @Column(name = "exit_corrected", nullable = false)
    public boolean exitCorrected;

    @Column(name = "exit_event_time")
    public Instant exitEventTime;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public void enter(LocalDate date) {
        entryDate = date;
    }

    /** An exit ({@code correction} false) or an exit correction; returns whether it is now the exit in force. */
    public boolean exit(LocalDate date, boolean correction, Instant publishedAt) {
        boolean supersedes = exitDate == null
                || (exitCorrected != correction ? correction
                : publishedAt == null || exitEventTime == null || !publishedAt.isBefore(exitEventTime));
        if (!supersedes) {
            return false;
        }
        exitDate = date;
        exitCorrected = correction;
        exitEventTime = publishedAt;
        return true;
    }

    public void withdraw(Instant at) {
        withdrawnAt = withdrawnAt != null ? withdrawnAt : at;
    }
}
