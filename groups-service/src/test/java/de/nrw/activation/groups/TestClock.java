package de.nrw.activation.groups;

import de.nrw.activation.testsupport.MovableClock;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * The tests' "today": Monday 3 June 2013, in Phase II. Groups of Phase I lie in the past
 * (attendance can be recorded), groups later in 2013 in the future. Replaces the platform's
 * system clock (a {@code @DefaultBean}) in tests only. A test that lets time pass (the 40 days of
 * provider access) moves it with {@link #setToday} and puts it back with {@link #reset}.
 */
@Singleton
public class TestClock extends MovableClock {

    public static final LocalDate TODAY = LocalDate.of(2013, 6, 3);

    public TestClock() {
        super(TODAY);
    }
}
