package de.nrw.activation.participants.domain;

import de.nrw.activation.contract.AgeBand;

import java.time.LocalDate;
import java.time.Period;

/**
 * The rule that puts a person into one of the SGB II statistics' age bands on a given day:
 * under 25, 25 to 49, 50 and older, by completed years of life. A person is 25 from their
 * 25th birthday on (so the day before it they are still {@code UNDER_25}); in a year without a
 * 29 February, someone born on 29 February completes the year at the end of 28 February and is
 * the new age from 1 March (§ 188 Abs. 3 BGB, and what {@link Period} counts).
 */
public final class AgeBands {

    static final int YOUNG_UNTIL = 25;
    static final int OLDER_FROM = 50;

    private AgeBands() { }

    /** The band of a person born on {@code dateOfBirth}, on {@code day}. */
    public static AgeBand on(LocalDate dateOfBirth, LocalDate day) {
        int age = Period.between(dateOfBirth, day).getYears();
        if (age < YOUNG_UNTIL) {
            return AgeBand.UNDER_25;
        }
        return age < OLDER_FROM ? AgeBand.AGE_25_TO_49 : AgeBand.AGE_50_PLUS;
    }
}
