package de.nrw.activation.groups.session;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.Year;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public holidays of North Rhine-Westphalia (New Year, Good Friday, Easter Monday, 1 May,
 * Ascension, Whit Monday, Corpus Christi, 3 October, 1 November, 25 and 26 December, and
 * one-off ones such as Reformation Day 2017), for any year, from the Jollyday library.
 */
@ApplicationScoped
public class PublicHolidays {

    /** ISO 3166-2 subdivision of North Rhine-Westphalia in Jollyday's German calendar. */
    static final String NORTH_RHINE_WESTPHALIA = "nw";

    private final HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));

    public boolean isHoliday(LocalDate day) {
        return manager.isHoliday(day, HolidayType.PUBLIC_HOLIDAY, NORTH_RHINE_WESTPHALIA);
    }

    /** The holidays in [from, to]. */
    public SortedSet<LocalDate> between(LocalDate from, LocalDate to) {
        return manager.getHolidays(from, to, HolidayType.PUBLIC_HOLIDAY, NORTH_RHINE_WESTPHALIA).stream()
                .map(Holiday::getDate).collect(Collectors.toCollection(TreeSet::new));
    }

    public SortedSet<LocalDate> of(Year year) {
        return between(year.atDay(1), year.atDay(year.length()));
    }
}
