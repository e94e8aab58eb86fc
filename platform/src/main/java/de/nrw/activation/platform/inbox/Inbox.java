package de.nrw.activation.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Consumer-side de-duplication: an event id is recorded in the same transaction as the
 * change it causes, so each event is applied at most once even when Kafka redelivers it.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** Records the event as applied; false if it already was (then skip it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String eventType) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id, event_type) VALUES (:id, :type) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate() == 1;
    }
}
