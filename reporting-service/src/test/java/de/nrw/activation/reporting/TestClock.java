package de.nrw.activation.reporting;

import de.nrw.activation.testsupport.MovableClock;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * The tests' "today" for the provisional figures: Sunday 20 May 2012, three months after the
 * scenarios' exits in February 2012, so an exit on 20 February 2012 is still in its window
 * (provisional) and one on 19 February is not. Replaces the platform's system clock (a
 * {@code @DefaultBean}) in this module's tests only.
 */
@Singleton
public class TestClock extends MovableClock {

    public static final LocalDate TODAY = LocalDate.of(2012, 5, 20);

    public TestClock() {
        super(TODAY);
    }
}
