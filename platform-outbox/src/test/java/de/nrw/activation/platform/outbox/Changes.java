package de.nrw.activation.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.UUID;

/** Writes a change and its event in one transaction, as the services' domain code does. */
@ApplicationScoped
public class Changes {

    public static final String TYPE = "change.made.v1";

    @Inject
    Outbox outbox;

    /** The change's id; with {@code failAfterwards} the transaction is rolled back after both were written. */
    @Transactional
    public UUID make(String topic, String key, int n, boolean failAfterwards) {
        Change change = new Change();
        change.id = UUID.randomUUID();
        change.note = "change " + n;
        change.persist();
        outbox.publish(topic, key, TYPE, change.id.toString(), Map.of("changeId", change.id.toString(), "n", n));
        if (failAfterwards) {
            throw new IllegalStateException("rolled back on purpose");
        }
        return change.id;
    }
}
