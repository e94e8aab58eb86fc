package de.nrw.activation.platform.web;

import de.nrw.activation.platform.problem.ProblemException;

import java.util.UUID;

/** Path and query ids arrive as text: a malformed one is a 400 naming the parameter, not a 404. */
public final class Ids {

    /** A UUID as text, as {@link #uuid} accepts it (the OpenAPI documents state it for path ids). */
    public static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    /** An ISO date as text (yyyy-MM-dd), as the services' date parameters are written. */
    public static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private Ids() { }

    public static UUID uuid(String parameter, String raw) {
        try {
            if (raw == null || raw.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(parameter, "must be a UUID");
        }
    }
}
