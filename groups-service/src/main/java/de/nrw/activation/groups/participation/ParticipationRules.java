package de.nrw.activation.groups.participation;

import de.nrw.activation.platform.problem.ProblemException;

import java.time.LocalDate;

/**
 * The date rules of a participation's exit, its exit through a cancelled group and its transfer:
 * plain dates in, a 422 naming the rule out, so they are tested without a database. The rules
 * that need stored state (capacity, overlap) stay in {@link Participations}.
 */
final class ParticipationRules {

    private ParticipationRules() { }

    /**
     * An exit lies in the participant's stay in the current group: not before its first day
     * ({@code firstDay}: the entry, or the transfer into the group), not after the group's end
     * or, for a cancelled group ({@code cancelledOn} not null), after its cancellation (or the
     * first day, when that came later), and not in the future: exits are recorded when they happen.
     */
    static void checkExit(LocalDate exitDate, LocalDate firstDay, boolean firstDayIsEntry, LocalDate groupEnd,
                          LocalDate cancelledOn, LocalDate today) {
        if (exitDate.isBefore(firstDay)) {
            throw ProblemException.rule("exit-before-entry", "The exit date must not be before " + firstDay
                    + (firstDayIsEntry ? ", the entry date" : ", the first day in the current group"));
        }
        if (exitDate.isAfter(groupEnd)) {
            throw ProblemException.rule("exit-after-group-end", "The exit date must not be after the group's end " + groupEnd);
        }
        if (cancelledOn != null && exitDate.isAfter(cancellationExit(cancelledOn, firstDay, groupEnd))) {
            throw ProblemException.rule("exit-after-group-cancelled", "The group was cancelled on " + cancelledOn
                    + "; an exit cannot be later");
        }
        if (exitDate.isAfter(today)) {
            throw ProblemException.rule("exit-in-future", "Exits are recorded when they happen; " + exitDate
                    + " lies in the future");
        }
    }

    /**
     * The exit a cancellation causes: on the cancellation date, but never before the first day in
     * the group (a participation due to start later ends on that day) nor after the group's end
     * (a group cancelled after it ended).
     */
    static LocalDate cancellationExit(LocalDate cancelledOn, LocalDate firstDay, LocalDate groupEnd) {
        LocalDate on = cancelledOn.isBefore(firstDay) ? firstDay : cancelledOn;
        return on.isAfter(groupEnd) ? groupEnd : on;
    }

    /**
     * A transfer on {@code date} (the first day in the new group) lies in the new group's period,
     * after the first day in the current group (so the stay there is at least one day), and no
     * later than the day after the current group's end (no gap between the groups).
     */
    static void checkTransfer(LocalDate date, LocalDate firstDayInCurrent, LocalDate currentEnd, LocalDate newStart,
                              LocalDate newEnd) {
        if (date.isBefore(newStart) || date.isAfter(newEnd)) {
            throw ProblemException.rule("transfer-outside-group-period", "The transfer date must lie in the new group's period "
                    + newStart + " .. " + newEnd);
        }
        if (!date.isAfter(firstDayInCurrent)) {
            throw ProblemException.rule("transfer-before-entry", "The transfer date must be after "
                    + firstDayInCurrent + ", the first day in the current group");
        }
        if (date.minusDays(1).isAfter(currentEnd)) {
            throw ProblemException.rule("transfer-after-group-end", "The transfer date must be at most the day after the "
                    + "current group's end " + currentEnd);
        }
    }
}
