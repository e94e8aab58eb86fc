package de.nrw.activation.participants.domain;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.platform.jdbc.TransactionSql;
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
 * A person assigned to the programme. The personal data (names, birth date, customer number)
 * exists only here and only until erasure; the anonymous attributes stay for the statistics.
 */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Column(name = "customer_number")
    public String customerNumber;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false)
    public CustomerType customerType;

    @Enumerated(EnumType.STRING)
    @Column(name = "labour_market_distance", nullable = false)
    public LabourMarketDistance labourMarketDistance;

    @Column(name = "vocational_qualification", nullable = false)
    public boolean vocationalQualification;

    /** Age band as of the last change; kept after erasure, when the birth date is gone. */
    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false)
    public AgeBand ageBand;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Version
    public long version;

    public boolean isErased() {
        return erasedAt != null;
    }

    /** Removes every piece of personal data; the id and the anonymous attributes stay. */
    public void erase(Instant now) {
        customerNumber = null;
        firstName = null;
        lastName = null;
        dateOfBirth = null;
        erasedAt = now;
        changedAt = now;
    }

    private static final String INSERT = "INSERT INTO participant (id, jobcenter_id, customer_number, first_name, "
            + "last_name, date_of_birth, gender, customer_type, labour_market_distance, vocational_qualification, "
            + "age_band, registered_at, changed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts a new participant with one prepared statement on the transaction's connection, not
     * through the session (issue 16: Hibernate's persist, flush and dirty checking of the new row
     * were the largest part of a registration left after the token check). The object is not
     * managed afterwards; a later change in the same transaction reads it anew. Returns false,
     * without an exception (nothing is logged, so no customer number either), when the unique
     * index refused it: a concurrent registration of the same number won the race.
     */
    public static boolean insert(Participant p) {
        return TransactionSql.insertUnlessDuplicate(getEntityManager(), INSERT, p.id, p.jobcenterId, p.customerNumber,
                p.firstName, p.lastName, p.dateOfBirth, p.gender, p.customerType, p.labourMarketDistance,
                p.vocationalQualification, p.ageBand, p.registeredAt, p.changedAt, p.version);
    }

    /**
     * Whether the Jobcenter has registered the customer number. Plain SQL on the transaction's
     * connection, run on every registration: the Panache count (HQL translated per call, and an
     * auto-flush of the session) cost more CPU than the INSERT itself (issue 16's profile).
     */
    public static boolean customerNumberTaken(String jobcenterId, String customerNumber) {
        return TransactionSql.exists(getEntityManager(),
                "SELECT 1 FROM participant WHERE jobcenter_id = ? AND customer_number = ?", jobcenterId, customerNumber);
    }
}
