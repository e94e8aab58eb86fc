package de.nrw.activation.platform.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What the test application creates; {@code name} stands for personal data. */
@Entity
@Table(name = "thing")
public class Thing extends PanacheEntityBase {

    public enum Kind { SMALL, LARGE }

    @Id
    public UUID id;

    @Column(name = "jobcenter_id")
    public String jobcenterId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;
}
