package de.nrw.activation.reporting.projection;

import de.nrw.activation.platform.events.EventEnvelope;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

    // As timestamptz: the instant only, whatever the offset it was written with.
    static final Comparator<Stamp> ORDER = Comparator.comparing((Stamp s) -> s.time().toInstant())
            .thenComparing(Stamp::id, UUID_ORDER);

    /** The event's time at PostgreSQL's precision (microseconds), so Java and SQL order alike. */
    static Stamp of(EventEnvelope e) {
        OffsetDateTime time = e.time() == null ? Instant.EPOCH.atOffset(ZoneOffset.UTC) : e.time();
        return new Stamp(time.truncatedTo(ChronoUnit.MICROS), e.id());
    }

    boolean isNewerThan(Stamp other) {
        return ORDER.compare(this, other) > 0;
    }
}
