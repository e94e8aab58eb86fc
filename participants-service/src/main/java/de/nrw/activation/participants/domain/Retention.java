package de.nrw.activation.participants.domain;

import de.nrw.activation.participants.events.GroupEventsConsumer;
import de.nrw.activation.platform.time.ClockProducer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Erases participants' personal data once it is no longer needed: {@code after-last-participation}
 * after their last participation ended, or {@code after-registration-without-participation} after
 * registration for someone who never entered a group. Each erasure is the one on request
 * ({@link Participants#eraseAfterRetention}). A participation without a known exit keeps the
 * participant (a missing exit is for staff to record, not a reason to erase).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    EntityManager em;

    @Inject
    Participants participants;

    @Inject
    RetentionConfig config;

    @Inject
    Clock clock;

    @Inject
    GroupEventsConsumer groupEvents;

    private final Counter erased;

    @Inject
    public Retention(MeterRegistry registry) {
        erased = Counter.builder("participants.retention.erased")
                .description("Participants whose personal data the retention job erased").register(registry);
    }

    /**
     * The scheduled run ({@code participants.retention.cron}). It waits while the group events are
     * not all applied: an entry still unread must not let a participant look as if they never
     * entered a group.
     */
    @Scheduled(identity = "participants-retention", cron = "${participants.retention.cron}",
            timeZone = "Europe/Berlin", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!groupEvents.caughtUp()) {
            LOG.warn("Retention run skipped: the group events are not all applied yet");
            return;
        }
        run();
    }

    /** Erases every participant past the period today; returns how many. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> due(today));
        int count = 0;
        for (UUID id : due) {
            if (participants.eraseAfterRetention(id)) {
                count++;
                erased.increment();
            }
        }
        LOG.infof("Retention erased the personal data of %d participants (on %s)", count, today);
        return count;
    }

    /** Not yet erased, and either all participations ended long enough ago, or none and registered long enough ago. */
    @SuppressWarnings("unchecked")
    List<UUID> due(LocalDate today) {
        LocalDate endedOnOrBefore = today.minus(config.afterLastParticipation());
        LocalDate registeredOnOrBefore = today.minus(config.afterRegistrationWithoutParticipation());
        List<Object> ids = em.createNativeQuery("SELECT p.id FROM participant p WHERE p.erased_at IS NULL AND ("
                        + " (NOT EXISTS (SELECT 1 FROM known_participation kp WHERE kp.participant_id = p.id AND kp.withdrawn_at IS NULL)"
                        + "  AND p.registered_at < :registeredBefore)"
                        + " OR (EXISTS (SELECT 1 FROM known_participation kp WHERE kp.participant_id = p.id AND kp.withdrawn_at IS NULL)"
                        + "  AND NOT EXISTS (SELECT 1 FROM known_participation kp WHERE kp.participant_id = p.id"
                        + "   AND kp.withdrawn_at IS NULL AND (kp.exit_date IS NULL OR kp.exit_date > :endedOnOrBefore))))"
                        + " ORDER BY p.id")
                .setParameter("registeredBefore", registeredOnOrBefore.plusDays(1).atStartOfDay(ClockProducer.ZONE).toInstant())
                .setParameter("endedOnOrBefore", endedOnOrBefore)
                .getResultList();
        return ids.stream().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
    }
}
