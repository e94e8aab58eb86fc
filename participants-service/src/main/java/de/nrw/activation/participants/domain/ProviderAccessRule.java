package de.nrw.activation.participants.domain;

import java.time.LocalDate;

/**
 * How long a provider's staff see a participant of a group they run: while the participation is
 * in that group, and for {@value #DAYS_AFTER_END} days after it ended there (exit, or transfer to
 * another group; without an exit, the group's last day), so that late attendance and the exit proposal can still be done. On the 40th
 * day after the end they still see the participant, on the 41st no longer.
 */
public final class ProviderAccessRule {

    public static final int DAYS_AFTER_END = 40;

    private ProviderAccessRule() { }

    /**
     * @param lastDayInGroup the participation's last day in the provider's group (null: still in it)
     * @param today          the day access is asked for
     */
    public static boolean open(LocalDate lastDayInGroup, LocalDate today) {
        return lastDayInGroup == null || !today.isAfter(lastDayInGroup.plusDays(DAYS_AFTER_END));
    }

    /**
     * The last day in a group: the exit date, or the day before the transfer out of it (its
     * date is the first day in the next group), whichever is earlier; while neither is known, the
     * group's last day (no exit can be later, so a missing exit does not keep the names visible
     * for ever: groups-service counts the stay the same way); null if that is unknown too.
     */
    public static LocalDate lastDayInGroup(LocalDate exitDate, LocalDate leftGroupOn, LocalDate groupEnd) {
        LocalDate beforeTransfer = leftGroupOn == null ? null : leftGroupOn.minusDays(1);
        if (exitDate == null) {
            return beforeTransfer != null ? beforeTransfer : groupEnd;
        }
        return beforeTransfer == null || exitDate.isBefore(beforeTransfer) ? exitDate : beforeTransfer;
    }
}
