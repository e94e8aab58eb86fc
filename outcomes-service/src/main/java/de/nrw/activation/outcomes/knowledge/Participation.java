package de.nrw.activation.outcomes.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One participant in one group, as groups-service announced it. Entry and exit arrive as
 * separate events in any order, so every field but the ids and the Jobcenter may still be
 * unknown (null).
 */
@Entity
@Table(name = "participation")
public class Participation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "jobcenter_id", nullable = false)
    public String jobcenterId;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "phase_id")
    public String phaseId;

    @Column(name = "provider_type")
    public String providerType;

    @Column(name = "entry_date")
    public LocalDate entryDate;

    @Column(name = "exit_date")
    public LocalDate exitDate;

    @Column(name = "exit_reason")
    public String exitReason;
}
