package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.Checkpoint;

import java.time.LocalDate;

/**
 * When a follow-up checkpoint falls due: EXIT on the exit date, MONTH_3, MONTH_6 and MONTH_12 on
 * the same day 3, 6 and 12 months after the exit. When that day does not exist in the target
 * month, the checkpoint falls on the month's last day ({@link LocalDate#plusMonths}): exit
 * 2012-01-31 gives MONTH_3 on 2012-04-30, exit 2011-11-30 gives MONTH_3 on 2012-02-29.
 */
public final class CheckpointDates {

    private CheckpointDates() { }

    public static int monthsAfterExit(Checkpoint checkpoint) {
        return switch (checkpoint) {
            case EXIT -> 0;
            case MONTH_3 -> 3;
            case MONTH_6 -> 6;
            case MONTH_12 -> 12;
        };
    }

    public static LocalDate dueDate(Checkpoint checkpoint, LocalDate exitDate) {
        return exitDate.plusMonths(monthsAfterExit(checkpoint));
    }
}
