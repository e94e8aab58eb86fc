package de.nrw.activation.groups.provider;

import java.time.LocalDate;

/**
 * How long provider staff see a participation of a group their provider runs (domain.md: they lose
 * access to a participant 40 days after the participation ended). Plain dates in, so the rule is
 * tested without a database; {@link ProviderScope} asks it for the cut-off of its queries.
 *
 * <p>A participation's stay in the provider's group ends on its exit date, on the day before a
 * transfer out of the group, or, while the exit is missing, on the group's last day: no exit can be
 * later than that, so a missing exit does not keep the names visible for ever (there are 40 days to
 * propose it). Access lasts 40 days after that day: on the 40th day after it they still see it, on
 * the 41st no longer (as participants-service shows them the names).
 */
public final class ProviderAccess {

    /** Days after the end of the stay during which provider staff still see it. */
    public static final int DAYS_AFTER_END = 40;

    private ProviderAccess() { }

    /** The last day of a stay: the exit or the day before a transfer out, else the group's end. */
    public static LocalDate lastDayOfStay(LocalDate transferredOutAfter, LocalDate exitDate, LocalDate groupEnd) {
        if (transferredOutAfter != null) {
            return transferredOutAfter;
        }
        return exitDate != null ? exitDate : groupEnd;
    }

    /** True while provider staff may see a stay that ended (or will end) on {@code lastDayOfStay}. */
    public static boolean allows(LocalDate lastDayOfStay, LocalDate today) {
        return !today.isAfter(lastDayOfStay.plusDays(DAYS_AFTER_END));
    }

    /** The last day on which provider staff see a stay that ends on {@code lastDayOfStay}. */
    public static LocalDate accessUntil(LocalDate lastDayOfStay) {
        return lastDayOfStay.plusDays(DAYS_AFTER_END);
    }

    /** The earliest last day of a stay that provider staff still see on {@code today} (for queries). */
    public static LocalDate earliestVisibleLastDay(LocalDate today) {
        return today.minusDays(DAYS_AFTER_END);
    }
}
