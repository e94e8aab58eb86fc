package de.nrw.activation.platform.web;

import de.nrw.activation.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=0&size=50} of every list endpoint (size at most 500). Read as text so that
 * {@code page=abc} is a 400 naming the parameter (JAX-RS would answer 404).
 */
public class PageRequest {

    @QueryParam("page")
    @Parameter(description = "Zero-based page number", example = "0")
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to " + Page.MAX_SIZE, example = Page.DEFAULT_SIZE)
    String size;

    public int page() {
        return parse("page", page, 0, 0, 1_000_000);
    }

    public int size() {
        return parse("size", size, Integer.parseInt(Page.DEFAULT_SIZE), 1, Page.MAX_SIZE);
    }

    private static int parse(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }
}
