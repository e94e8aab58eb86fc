package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The checkpoint date rule, without Quarkus: same day n months after the exit, else the month's last day. */
class CheckpointDatesTest {

    @ParameterizedTest(name = "exit {0}: EXIT {1}, MONTH_3 {2}, MONTH_6 {3}, MONTH_12 {4}")
    @CsvSource({
            // an ordinary day: the same day
            "2012-04-27, 2012-04-27, 2012-07-27, 2012-10-27, 2013-04-27",
            // the 31st: months without a 31st take their last day
            "2012-01-31, 2012-01-31, 2012-04-30, 2012-07-31, 2013-01-31",
            "2012-05-31, 2012-05-31, 2012-08-31, 2012-11-30, 2013-05-31",
            "2012-03-31, 2012-03-31, 2012-06-30, 2012-09-30, 2013-03-31",
            // into February of a leap year: the 29th
            "2011-11-30, 2011-11-30, 2012-02-29, 2012-05-30, 2012-11-30",
            "2011-08-31, 2011-08-31, 2011-11-30, 2012-02-29, 2012-08-31",
            // into February of a common year: the 28th
            "2012-11-30, 2012-11-30, 2013-02-28, 2013-05-30, 2013-11-30",
            // from 29 February: a year later there is no 29th
            "2012-02-29, 2012-02-29, 2012-05-29, 2012-08-29, 2013-02-28",
            // across the turn of the year
            "2012-12-15, 2012-12-15, 2013-03-15, 2013-06-15, 2013-12-15"})
    void aCheckpointFallsOnTheSameDayOrTheMonthsLastDay(LocalDate exit, LocalDate atExit, LocalDate month3,
                                                        LocalDate month6, LocalDate month12) {
        assertThat(CheckpointDates.dueDate(Checkpoint.EXIT, exit)).isEqualTo(atExit);
        assertThat(CheckpointDates.dueDate(Checkpoint.MONTH_3, exit)).isEqualTo(month3);
        assertThat(CheckpointDates.dueDate(Checkpoint.MONTH_6, exit)).isEqualTo(month6);
        assertThat(CheckpointDates.dueDate(Checkpoint.MONTH_12, exit)).isEqualTo(month12);
    }

    @Test
    void theCheckpointsComeInTheOrderOfTheirDueDates() {
        LocalDate exit = LocalDate.parse("2012-01-31");
        assertThat(Arrays.stream(Checkpoint.values()).map(c -> CheckpointDates.dueDate(c, exit))).isSorted();
        assertThat(Arrays.stream(Checkpoint.values()).map(CheckpointDates::monthsAfterExit)).containsExactly(0, 3, 6, 12);
    }
}
