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
 * system clock (a {@code @DefaultBean}) in tests only. A test that lets time pass (the 40 days of
 * provider access) moves it with {@link #setToday} and puts it back with {@link #reset}.
 */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    public static final LocalDate TODAY = LocalDate.of(2013, 6, 3);
    private static final Instant NOW = at(TODAY);

    private volatile Instant now = NOW;

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** From now on "today" is {@code day} (10:00 in Germany), for the application and the test. */
    public void setToday(LocalDate day) {
        now = at(day);
    }

    /** Back to {@link #TODAY}. */
    public void reset() {
        now = NOW;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }
}
