package de.nrw.activation.groups.participant;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.LabourMarketDistance;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant as this service knows them, from participant-events: the Jobcenter and the
 * anonymous attributes, never a name. The attributes are those of the newest profile event;
 * an erased event wins over everything that comes after it.
 */
@Entity
@Table(name = "known_participant")
public class KnownParticipant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "jobcenter_id", nullable = false)
    public String jobcenterId;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type")
    public CustomerType customerType;

    @Enumerated(EnumType.STRING)
    @Column(name = "labour_market_distance")
    public LabourMarketDistance labourMarketDistance;

    @Column(name = "vocational_qualification")
    public Boolean vocationalQualification;

    @Column(nullable = false)
    public boolean erased;

    /** Event time of the attributes stored; an older profile event changes nothing. */
    @Column(name = "profile_time")
    public Instant profileTime;

    @Column(name = "last_event_time", nullable = false)
    public Instant lastEventTime;

    /** The profile as of {@code time}, unless a newer one is stored already. */
    public void applyProfile(Instant time, Gender gender, AgeBand ageBand, CustomerType customerType,
                             LabourMarketDistance distance, boolean qualification) {
        seen(time);
        if (profileTime != null && !time.isAfter(profileTime)) {
            return;
        }
        this.gender = gender;
        this.ageBand = ageBand;
        this.customerType = customerType;
        this.labourMarketDistance = distance;
        this.vocationalQualification = qualification;
        this.profileTime = time;
    }

    /** Erasure is final, whatever the time of the events that arrive after it. */
    public void erase(Instant time) {
        seen(time);
        erased = true;
    }

    public boolean hasProfile() {
        return profileTime != null;
    }

    private void seen(Instant time) {
        if (lastEventTime == null || time.isAfter(lastEventTime)) {
            lastEventTime = time;
        }
    }
}
