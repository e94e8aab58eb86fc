package de.nrw.activation.reporting;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The tests' "today" for the provisional figures: Sunday 20 May 2012, three months after the
 * scenarios' exits in February 2012, so an exit on 20 February 2012 is still in its window
 * (provisional) and one on 19 February is not. Replaces the platform's system clock (a
 * {@code @DefaultBean}) in this module's tests only.
 */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    public static final LocalDate TODAY = LocalDate.of(2012, 5, 20);
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
