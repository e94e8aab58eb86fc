package de.nrw.activation.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.jdbc.TransactionSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;

/**
 * The transactional outbox: an event is written in the same database transaction as the
 * change that caused it, so it exists if and only if the change is committed. The
 * {@link OutboxRelay} publishes it to Kafka afterwards, at least once.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload) "
            + "VALUES (?, ?, ?, ?, ?)";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    /**
     * Adds an event to the current transaction.
     *
     * @param topic   the Kafka topic
     * @param key     the record key (participant id, or group id for group-only events)
     * @param type    the CloudEvents type, e.g. {@code participant.registered.v1}
     * @param subject the aggregate id
     * @param data    the event data; never names, birth dates or customer numbers
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String key, String type, String subject, Object data) {
        JsonNode json = mapper.valueToTree(data);
        EventEnvelope event = EventEnvelope.create(config.source(), type, subject, json);
        byte[] payload = event.serialize(mapper);
        // Plain JDBC on the transaction's connection: a native query through the ORM flushed the
        // whole session and went through its query machinery on every write (issue 16's profile).
        // The change's own rows are flushed by Hibernate by the commit at the latest, in the same
        // transaction, so the event still exists if and only if the change is committed.
        TransactionSql.update(em, INSERT, event.id(), topic, key, type, new String(payload, StandardCharsets.UTF_8));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() { }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return event;
    }
}
