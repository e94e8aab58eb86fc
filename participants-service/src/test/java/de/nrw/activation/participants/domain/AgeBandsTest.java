package de.nrw.activation.participants.domain;

import de.nrw.activation.contract.AgeBand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The age band rule on the days where it changes; plain JUnit, no application. */
class AgeBandsTest {

    private static final LocalDate BORN = LocalDate.of(1987, 3, 6);

    @Test
    void theDayBeforeThe25thBirthdayIsStillUnder25() {
        assertThat(AgeBands.on(BORN, LocalDate.of(2012, 3, 5))).isEqualTo(AgeBand.UNDER_25);
    }

    @Test
    void onThe25thBirthdayAndAfterItThePersonIs25To49() {
        assertThat(AgeBands.on(BORN, LocalDate.of(2012, 3, 6))).isEqualTo(AgeBand.AGE_25_TO_49);
        assertThat(AgeBands.on(BORN, LocalDate.of(2012, 3, 7))).isEqualTo(AgeBand.AGE_25_TO_49);
    }

    @Test
    void theDayBeforeThe50thBirthdayIsStill25To49() {
        assertThat(AgeBands.on(BORN, LocalDate.of(2037, 3, 5))).isEqualTo(AgeBand.AGE_25_TO_49);
    }

    @Test
    void onThe50thBirthdayAndAfterItThePersonIs50Plus() {
        assertThat(AgeBands.on(BORN, LocalDate.of(2037, 3, 6))).isEqualTo(AgeBand.AGE_50_PLUS);
        assertThat(AgeBands.on(BORN, LocalDate.of(2037, 3, 7))).isEqualTo(AgeBand.AGE_50_PLUS);
    }

    @Test
    void bornOn29FebruaryTurns25On1MarchInAYearWithout29February() {
        LocalDate leapBorn = LocalDate.of(1988, 2, 29);
        // 2013 has no 29 February: the 25th year of life ends with 28 February
        assertThat(AgeBands.on(leapBorn, LocalDate.of(2013, 2, 28))).isEqualTo(AgeBand.UNDER_25);
        assertThat(AgeBands.on(leapBorn, LocalDate.of(2013, 3, 1))).isEqualTo(AgeBand.AGE_25_TO_49);
    }

    @Test
    void bornOn29FebruaryTurns50On1March() {
        // 25 and 50 are not multiples of 4: those birthdays never fall in a leap year
        LocalDate leapBorn = LocalDate.of(1964, 2, 29);
        assertThat(AgeBands.on(leapBorn, LocalDate.of(2014, 2, 28))).isEqualTo(AgeBand.AGE_25_TO_49);
        assertThat(AgeBands.on(leapBorn, LocalDate.of(2014, 3, 1))).isEqualTo(AgeBand.AGE_50_PLUS);
    }
}
