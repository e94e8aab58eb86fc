package de.nrw.activation.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Serialises the batches of several replicas (the consumer group spreads the partitions over
 * them) wherever they touch the same facts: a batch takes a transaction-scoped advisory lock
 * per group it writes or refers to, then one per participant whose participations it
 * reclassifies, each set in ascending key order and groups always before participants, so two
 * batches never wait for each other in a circle. A second batch on the same participant waits
 * until the first has committed and then reads its rows (READ COMMITTED reads anew per
 * statement): the classification and the summary delta are never computed from a state
 * another replica is changing.
 *
 * <p>Why groups: a group's data arrives keyed by the group, its entries keyed by their
 * participants, so on different partitions and possibly different replicas. The batch that
 * writes the group looks for participations still lacking its data; the batch that writes an
 * entry takes the group's data if it is there. With both holding the group's lock, one of them
 * always sees the other's rows.
 *
 * <p>The keys are the ids' hash codes: two ids that share one only wait for each other. The
 * generation is part of the key, so a rebuild never waits for the live read model.
 */
final class FactLocks {

    private static final String LOCK = "SELECT count(pg_advisory_xact_lock(?, k)) FROM "
            + "(SELECT k FROM unnest(?::int[]) WITH ORDINALITY AS u(k, position) ORDER BY position) s";

    private final int groupSpace;
    private final int participantSpace;

    FactLocks(int generation) {
        this.groupSpace = generation * 2;
        this.participantSpace = generation * 2 + 1;
    }

    void lockGroups(Connection c, Collection<UUID> groups) throws SQLException {
        lock(c, groupSpace, groups);
    }

    void lockParticipants(Connection c, Collection<UUID> participants) throws SQLException {
        lock(c, participantSpace, participants);
    }

    private static void lock(Connection c, int space, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        TreeSet<Integer> keys = new TreeSet<>();
        for (UUID id : ids) {
            keys.add(id.hashCode());
        }
        try (PreparedStatement statement = c.prepareStatement(LOCK)) {
            statement.setInt(1, space);
            statement.setArray(2, c.createArrayOf("integer", keys.toArray(new Integer[0])));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
            }
        }
    }
}
