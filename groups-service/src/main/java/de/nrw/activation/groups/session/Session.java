package de.nrw.activation.groups.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One meeting day of a group (Termin), generated from the timetable. */
@Entity
@Table(name = "group_session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false, updatable = false)
    public UUID groupId;

    @Column(name = "session_date", nullable = false)
    public LocalDate date;

    @Column(name = "start_time", nullable = false)
    public LocalTime start;

    @Column(name = "end_time", nullable = false)
    public LocalTime end;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status = SessionStatus.SCHEDULED;

    /** The day the timetable gave it; differs from {@link #date} once it was moved. */
    @Column(name = "original_date", nullable = false, updatable = false)
    public LocalDate originalDate;

    public boolean isScheduled() {
        return status == SessionStatus.SCHEDULED;
    }
}
