package de.nrw.activation.groups.participation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One group in a participation's group history: from the entry (or the transfer into it) to the
 * last day before a transfer out. The current stay has no {@link #toDate}; it lasts until the
 * exit or, without one, the group's end.
 */
@Entity
@Table(name = "participation_group")
public class GroupStay extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "participation_id", nullable = false, updatable = false)
    public UUID participationId;

    @Column(name = "group_id", nullable = false, updatable = false)
    public UUID groupId;

    @Column(name = "from_date", nullable = false, updatable = false)
    public LocalDate fromDate;

    @Column(name = "to_date")
    public LocalDate toDate;

    static GroupStay begin(UUID participationId, UUID groupId, LocalDate from) {
        GroupStay stay = new GroupStay();
        stay.id = UUID.randomUUID();
        stay.participationId = participationId;
        stay.groupId = groupId;
        stay.fromDate = from;
        return stay;
    }
}
