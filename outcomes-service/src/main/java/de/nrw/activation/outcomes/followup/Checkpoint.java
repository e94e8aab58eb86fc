package de.nrw.activation.outcomes.followup;

import java.time.LocalDate;

/**
 * Follow-up checkpoints of an ended participation: the status at exit, and 3, 6 and 12 months
 * later (Nachhaltigkeit). A checkpoint n months after the exit falls on the same day of the
 * month, or on the month's last day when that day does not exist: exit 2012-01-31 gives
 * MONTH_3 on 2012-04-30, exit 2011-11-30 gives MONTH_3 on 2012-02-29 ({@link LocalDate#plusMonths}).
 */
public enum Checkpoint {
    EXIT(0), MONTH_3(3), MONTH_6(6), MONTH_12(12);

    private final int monthsAfterExit;

    Checkpoint(int monthsAfterExit) {
        this.monthsAfterExit = monthsAfterExit;
    }

    public LocalDate dueDate(LocalDate exitDate) {
        return exitDate.plusMonths(monthsAfterExit);
    }
}
