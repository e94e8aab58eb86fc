package de.nrw.activation.groups.phase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** A programme phase: a period and the Jobcenters taking part in it. */
@Entity
@Table(name = "phase")
public class Phase extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "phase_jobcenter", joinColumns = @JoinColumn(name = "phase_id"))
    @Column(name = "jobcenter_id")
    @OrderBy
    public Set<String> jobcenterIds = new TreeSet<>();

    @Version
    public long version;

    public boolean includesJobcenter(String jobcenterId) {
        return jobcenterIds.contains(jobcenterId);
    }

    /** True when [start, end] lies inside this phase. */
    public boolean covers(LocalDate start, LocalDate end) {
        return !start.isBefore(startDate) && !end.isAfter(endDate);
    }
}
