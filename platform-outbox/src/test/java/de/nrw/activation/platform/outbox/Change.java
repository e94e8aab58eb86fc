package de.nrw.activation.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What the test application changes (its one entity). */
@Entity
@Table(name = "change")
public class Change extends PanacheEntityBase {

    @Id
    public UUID id;

    public String note;
}
