package de.nrw.activation.groups;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The tests' "today": Monday 3 June 2013, in Phase II. Groups of Phase I lie in the past
 * (attendance can be recorded), groups later in 2013 in the future. Replaces the platform's
 * system clock (a {@code @DefaultBean}) in tests only.
 */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    public static final LocalDate TODAY = LocalDate.of(2013, 6, 3);
    private static final Instant NOW = TODAY.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(NOW, zone);
    }

    @Override
    public Instant instant() {
        return NOW;
    }
}
