package de.nrw.activation.groups.participation;

import de.nrw.activation.groups.participant.AgeBand;
import de.nrw.activation.groups.participant.CustomerType;
import de.nrw.activation.groups.participant.Gender;
import de.nrw.activation.groups.participant.LabourMarketDistance;
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
 * anonymous attributes as they were at entry.
 */
@Entity
@Table(name = "participation")
public class Participation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false, updatable = false)
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

    @Version
    public long version;

    public boolean hasExited() {
        return exitDate != null;
    }

    /** True when the participant is in the group on {@code day}: from entry to exit (or the group's end). */
    public boolean isInGroupOn(LocalDate day, LocalDate groupEnd) {
        LocalDate last = exitDate == null ? groupEnd : exitDate;
        return !day.isBefore(entryDate) && !day.isAfter(last);
    }

    public void exit(LocalDate date, ExitReason reason, Instant now) {
        exitDate = date;
        exitReason = reason;
        exitedAt = now;
    }
}
