package de.nrw.activation.participants;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The tests' clock: the system's, unless a test sets "now" (and resets it afterwards). Replaces the
 * platform's clock (a {@code @DefaultBean}) in tests only; a {@code @Singleton}, so every bean
 * holding it sees the change at once.
 */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static volatile Instant now;

    /** From now on, "now" is 10:00 German time on {@code day}. */
    public static void today(LocalDate day) {
        now = day.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }

    /** Back to the system's time. */
    public static void reset() {
        now = null;
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now == null ? Instant.now() : now, ZONE);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant fixed = now;
        return fixed != null ? fixed : Instant.now();
    }
}
