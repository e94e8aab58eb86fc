package de.nrw.activation.platform.time;

import de.nrw.activation.platform.problem.ProblemException;

import java.time.LocalDate;

/**
 * The dates the suite accepts anywhere, in a query parameter or a JSON body: 1900-01-01 to
 * 9999-12-31. {@code LocalDate} itself reaches year ±999999999, which PostgreSQL cannot store
 * (and which no group, birth or checkpoint has): without this bound such a date got as far as
 * the database and answered 500.
 */
public final class DateRange {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    /** The violation's message, the same for query parameters and body fields. */
    public static final String MESSAGE = "must be a date between " + EARLIEST + " and " + LATEST;

    private DateRange() { }

    public static boolean accepts(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** {@code date} itself when within the range (or null), else 400 naming {@code field}. */
    public static LocalDate check(String field, LocalDate date) {
        if (date != null && !accepts(date)) {
            throw ProblemException.badRequest(field, MESSAGE);
        }
        return date;
    }
}
