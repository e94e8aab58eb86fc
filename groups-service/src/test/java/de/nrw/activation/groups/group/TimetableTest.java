package de.nrw.activation.groups.group;

import de.nrw.activation.groups.session.PublicHolidays;
import de.nrw.activation.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The timetable's rules (domain.md "Facts"), without Quarkus: plain values in, plain values out. */
class TimetableTest {

    private static final LocalDate MONDAY_5_MARCH_2012 = LocalDate.of(2012, 3, 5);

    @Test
    void aGroupsPeriodIsWholeWeeksFromItsStartDate() {
        assertThat(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "12:30").endDate())
                .isEqualTo(LocalDate.of(2012, 4, 15));   // the Sunday of week 6
        assertThat(timetable(MONDAY_5_MARCH_2012, 8, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "12:30").endDate())
                .isEqualTo(LocalDate.of(2012, 4, 29));
        // a start mid-week ends the day before the same weekday, 6 weeks later
        assertThat(timetable(LocalDate.of(2012, 3, 7), 6, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "12:30").endDate())
                .isEqualTo(LocalDate.of(2012, 4, 17));
    }

    @Test
    void hoursPerWeekAreMeetingDaysTimesDailyHoursWithTwoDecimals() {
        assertThat(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "12:30").hoursPerWeek())
                .isEqualByComparingTo("10.5");
        assertThat(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), "08:15", "12:15").hoursPerWeek())
                .isEqualTo(new BigDecimal("16.00"));
        assertThat(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, TUESDAY, WEDNESDAY), "09:00", "12:20").hoursPerWeek())
                .isEqualTo(new BigDecimal("10.00"));
        assertThat(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, TUESDAY, WEDNESDAY), "09:10", "12:00").hoursPerWeek())
                .isEqualTo(new BigDecimal("8.50"));
    }

    @Test
    void sessionsAreTheMeetingDaysOfThePeriodWithoutTheHolidays() {
        Timetable easter2012 = timetable(LocalDate.of(2012, 3, 26), 6, List.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), "09:00", "12:00");
        List<LocalDate> withoutHolidays = easter2012.sessionDates(Set.of());
        assertThat(withoutHolidays).hasSize(24).isSorted()
                .allMatch(d -> d.getDayOfWeek() != WEDNESDAY && d.getDayOfWeek().getValue() <= FRIDAY.getValue())
                .startsWith(LocalDate.of(2012, 3, 26)).endsWith(LocalDate.of(2012, 5, 4));

        List<LocalDate> sessions = easter2012.sessionDates(new PublicHolidays().between(easter2012.startDate(), easter2012.endDate()));
        // Good Friday, Easter Monday and 1 May 2012 fall on meeting days; Ascension (Thursday 17 May) lies after the period
        assertThat(sessions).hasSize(21)
                .doesNotContain(LocalDate.of(2012, 4, 6), LocalDate.of(2012, 4, 9), LocalDate.of(2012, 5, 1))
                .contains(LocalDate.of(2012, 4, 5), LocalDate.of(2012, 4, 10), LocalDate.of(2012, 5, 4));
    }

    @Test
    void aHolidayOnADayTheGroupDoesNotMeetCostsNoSession() {
        // 3 October 2012 is a Wednesday; the group meets Monday, Tuesday, Thursday
        Timetable autumn = timetable(LocalDate.of(2012, 10, 1), 6, List.of(MONDAY, TUESDAY, THURSDAY), "09:00", "12:30");
        assertThat(autumn.sessionDates(Set.of(LocalDate.of(2012, 10, 3)))).hasSize(18);
        assertThat(autumn.sessionDates(Set.of(LocalDate.of(2012, 10, 4)))).hasSize(17)
                .doesNotContain(LocalDate.of(2012, 10, 4));
    }

    @Test
    void theProgrammesFactsAreCheckedAndEachBrokenOneIsNamed() {
        assertThatCode(() -> timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "12:00").check())
                .doesNotThrowAnyException();
        assertRule(timetable(MONDAY_5_MARCH_2012, 5, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "12:00"), "group-duration");
        assertRule(timetable(MONDAY_5_MARCH_2012, 9, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "12:00"), "group-duration");
        assertRule(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, WEDNESDAY), "09:00", "14:00"), "meeting-days");
        assertRule(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "09:00", "11:00"),
                "meeting-days");
        assertRule(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, WEDNESDAY, SATURDAY), "09:00", "12:00"), "meeting-days");
        assertRule(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, MONDAY, THURSDAY), "09:00", "12:00"), "meeting-days");
        assertRule(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, WEDNESDAY, THURSDAY), "12:00", "09:00"), "daily-times");
        assertRule(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "11:59"), "weekly-hours");
        assertRule(timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "08:00", "12:01"),
                "weekly-hours");
        // the limits themselves hold: 9 and 16 hours a week
        assertThatCode(() -> timetable(MONDAY_5_MARCH_2012, 6, List.of(MONDAY, WEDNESDAY, THURSDAY), "09:00", "12:00").check())
                .doesNotThrowAnyException();
        assertThatCode(() -> timetable(MONDAY_5_MARCH_2012, 8, List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "08:00", "12:00")
                .check()).doesNotThrowAnyException();
    }

    private static void assertRule(Timetable timetable, String rule) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, timetable::check);
        assertThat(problem).as("expected rule " + rule).isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.extensions()).containsEntry("rule", rule);
    }

    private static Timetable timetable(LocalDate start, int weeks, List<DayOfWeek> days, String from, String to) {
        return new Timetable(start, weeks, days, LocalTime.parse(from), LocalTime.parse(to));
    }
}
