package de.nrw.activation.reporting.projection;

import de.nrw.activation.platform.events.EventEnvelope;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.UUID;

/**
 * When and by which event a fact was last told: of two versions of a fact, the one with the
 * newer (time, then id) wins, whatever order they arrive in. The same rule is written in the
 * writers' SQL as {@code (event_time, event_id) < (EXCLUDED.event_time, EXCLUDED.event_id)};
 * UUIDs are compared as PostgreSQL does (unsigned, byte by byte).
 */
record Stamp(OffsetDateTime time, UUID id) {

    static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::time).thenComparing(Stamp::id, UUID_ORDER);

    static Stamp of(EventEnvelope e) {
        return new Stamp(e.time() == null ? Instant.EPOCH.atOffset(ZoneOffset.UTC) : e.time(), e.id());
    }

    boolean isNewerThan(Stamp other) {
        return ORDER.compare(this, other) > 0;
    }
}
