package de.nrw.activation.platform.web;

import de.nrw.activation.platform.problem.ProblemException;

import java.util.UUID;

/** Path and query ids arrive as text: a malformed one is a 400 naming the parameter, not a 404. */
public final class Ids {

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
