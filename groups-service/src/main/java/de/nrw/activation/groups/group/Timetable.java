package de.nrw.activation.groups.group;

import de.nrw.activation.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A group's weekly timetable and the programme's facts about it (domain.md): 6 to 8 weeks,
 * 3 or 4 meeting days Monday to Friday, 9 to 16 hours a week. Each broken fact is a 422 whose
 * {@code rule} names it.
 *
 * <p>The group's period is whole weeks: it ends {@code weeks * 7 - 1} days after its start
 * date (a group starting on a Monday for 6 weeks ends on the Sunday of week 6), whatever the
 * meeting days; the last session may be earlier. A period in whole weeks keeps entry and exit
 * rules simple and does not move when a session is cancelled or moved.
 */
public record Timetable(LocalDate startDate, int weeks, List<DayOfWeek> meetingDays, LocalTime dailyStart, LocalTime dailyEnd) {

    public static final int MIN_WEEKS = 6;
    public static final int MAX_WEEKS = 8;
    public static final BigDecimal MIN_HOURS_PER_WEEK = BigDecimal.valueOf(9);
    public static final BigDecimal MAX_HOURS_PER_WEEK = BigDecimal.valueOf(16);
    private static final Set<DayOfWeek> WORKING_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public LocalDate endDate() {
        return startDate.plusDays(weeks * 7L - 1);
    }

    /**
     * The session days: each meeting day of the period [startDate, endDate] that is not one of
     * {@code holidays} (the NRW public holidays, from {@code PublicHolidays}), in date order.
     */
    public List<LocalDate> sessionDates(Set<LocalDate> holidays) {
        Set<DayOfWeek> days = EnumSet.copyOf(meetingDays);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = startDate; !day.isAfter(endDate()); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek()) && !holidays.contains(day)) {
                dates.add(day);
            }
        }
        return dates;
    }

    /** Meeting days times daily hours, in hours with two decimals (e.g. 3 x 3.5 h = 10.50). */
    public BigDecimal hoursPerWeek() {
        long minutes = Duration.between(dailyStart, dailyEnd).toMinutes() * meetingDays.size();
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** Checks the facts in a fixed order and throws the first that fails. */
    public void check() {
        if (weeks < MIN_WEEKS || weeks > MAX_WEEKS) {
            throw ProblemException.rule("group-duration", "A group runs 6 to 8 weeks, not " + weeks);
        }
        if (meetingDays.size() != Set.copyOf(meetingDays).size()) {
            throw ProblemException.rule("meeting-days", "Each meeting day may be named once");
        }
        if (!WORKING_DAYS.containsAll(meetingDays)) {
            throw ProblemException.rule("meeting-days", "Groups meet Monday to Friday only");
        }
        if (meetingDays.size() < 3 || meetingDays.size() > 4) {
            throw ProblemException.rule("meeting-days", "A group meets on 3 or 4 days a week, not " + meetingDays.size());
        }
        if (!dailyEnd.isAfter(dailyStart)) {
            throw ProblemException.rule("daily-times", "dailyEnd must be after dailyStart");
        }
        BigDecimal hours = hoursPerWeek();
        if (hours.compareTo(MIN_HOURS_PER_WEEK) < 0 || hours.compareTo(MAX_HOURS_PER_WEEK) > 0) {
            throw ProblemException.rule("weekly-hours", "A group meets 9 to 16 hours a week; this timetable gives "
                    + hours.stripTrailingZeros().toPlainString());
        }
    }
}
