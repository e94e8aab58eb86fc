package de.nrw.activation.groups.group;

import de.nrw.activation.contract.GroupStatus;
import de.nrw.activation.contract.ProviderType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One activation group: a Jobcenter, a place, coaches, a period and a weekly timetable. */
@Entity
@Table(name = "activation_group")
public class Group extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Column(name = "phase_id", nullable = false, updatable = false)
    public String phaseId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_type", nullable = false)
    public ProviderType providerType;

    @Column(name = "provider_name", nullable = false)
    public String providerName;

    /** The education provider's id (its staff's token claim {@code provider}); null for a Jobcenter-run group. */
    @Column(name = "provider_id")
    public String providerId;

    @Column(nullable = false)
    public String location;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] coaches;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public int weeks;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "meeting_days", nullable = false, columnDefinition = "text[]")
    public String[] meetingDays;

    @Column(name = "daily_start", nullable = false)
    public LocalTime dailyStart;

    @Column(name = "daily_end", nullable = false)
    public LocalTime dailyEnd;

    @Column(name = "hours_per_week", nullable = false)
    public BigDecimal hoursPerWeek;

    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupStatus status = GroupStatus.SCHEDULED;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Version
    public long version;

    public List<DayOfWeek> meetingDayList() {
        return Arrays.stream(meetingDays).map(DayOfWeek::valueOf).sorted().toList();
    }

    public List<String> coachList() {
        return List.of(coaches);
    }

    /** True when the education provider {@code provider} runs this group for Jobcenter {@code jobcenter}. */
    public boolean isRunBy(String jobcenter, String provider) {
        return providerType == ProviderType.EDUCATION_PROVIDER && providerId != null
                && providerId.equals(provider) && jobcenterId.equals(jobcenter);
    }

    public boolean isCancelled() {
        return status == GroupStatus.CANCELLED;
    }

    /** True when {@code day} lies in the group's period [startDate, endDate]. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public void cancel(LocalDate on, Instant now) {
        status = GroupStatus.CANCELLED;
        cancelledOn = on;
        changedAt = now;
    }
}
