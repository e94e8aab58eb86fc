package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Waits for the projection and reads the active read model's tables in tests. */
final class ReadModel {

    private ReadModel() { }

    /** Waits until the active generation has applied every one of these events. */
    static void awaitApplied(AgroalDataSource db, Projections projections, Collection<UUID> eventIds) {
        int distinct = new HashSet<>(eventIds).size();
        String ids = eventIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> Rows.count(db,
                "SELECT count(*) FROM " + projections.activeSchema()
                        + ".processed_event WHERE event_id::text = ANY (string_to_array(?, ','))", ids) == distinct);
    }

    static String table(Projections projections, String name) {
        return projections.activeSchema() + "." + name;
    }
}
