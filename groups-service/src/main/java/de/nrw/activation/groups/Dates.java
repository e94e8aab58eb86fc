package de.nrw.activation.groups;

import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.time.DateRange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates in paths arrive as text: a malformed one is a 400 naming the parameter, not a 404. */
public final class Dates {

    private Dates() { }

    public static LocalDate day(String parameter, String raw) {
        LocalDate day;
        try {
            day = LocalDate.parse(raw);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ProblemException.badRequest(parameter, "must be an ISO date such as 2012-03-05");
        }
        return DateRange.check(parameter, day);
    }
}
