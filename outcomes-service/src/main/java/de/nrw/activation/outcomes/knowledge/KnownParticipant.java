package de.nrw.activation.outcomes.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant this service has heard of through a participant or participation event.
 * Written only by the consumers; the API reads it to decide whose outcomes may be recorded.
 */
@Entity
@Table(name = "known_participant")
public class KnownParticipant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "jobcenter_id", nullable = false, updatable = false)
    public String jobcenterId;

    @Column(name = "erased_at")
    public Instant erasedAt;

    public boolean isErased() {
        return erasedAt != null;
    }
}
