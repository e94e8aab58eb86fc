package de.nrw.activation.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A test's clock, German time: fixed at 10:00 on a start day (or the system's time when there is
 * none) until a test moves it to another day with {@link #setToday} and back with {@link #reset}.
 * Each service's tests make it their application's clock (a bean of type {@link Clock} replaces
 * the platform's {@code @DefaultBean}), so application and test see the same "today".
 */
public class MovableClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final Instant start;
    private volatile Instant now;

    /** @param startDay the tests' "today", or null for the system's time */
    public MovableClock(LocalDate startDay) {
        this.start = startDay == null ? null : at(startDay);
        this.now = start;
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

    /** From now on "today" is {@code day} (10:00 in Germany), for the application and the test. */
    public void setToday(LocalDate day) {
        now = at(day);
    }

    /** Back to the start day (or the system's time). */
    public void reset() {
        now = start;
    }

    /** "Today" in Germany by this clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZONE);
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }
}
