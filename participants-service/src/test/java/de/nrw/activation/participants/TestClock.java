package de.nrw.activation.participants;

import de.nrw.activation.testsupport.MovableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The tests' clock: the system's, unless a test sets "now" with {@code TestClock.CLOCK.setToday}
 * (and resets it afterwards). Replaces the platform's clock (a {@code @DefaultBean}) in tests
 * only; one shared instance, so the static fixtures and every bean holding it see a change at once.
 */
public class TestClock {

    public static final MovableClock CLOCK = new MovableClock(null);

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
