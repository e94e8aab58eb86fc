package de.nrw.activation.platform.web;

import de.nrw.activation.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=0&size=50} of every list endpoint (size at most 500). Read as text so that
 * {@code page=abc} is a 400 naming the parameter (JAX-RS would answer 404).
 */
public class PageRequest {

    /** What page and size are written as: up to 7 digits (the OpenAPI documents state it; anything else is a 400). */
    public static final String NUMBER_PATTERN = "^[0-9]{1,7}$";

    @QueryParam("page")
    @Parameter(description = "Zero-based page number, 0 to 1000000", example = "0",
            schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = NUMBER_PATTERN))
    String page;

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile(NUMBER_PATTERN);

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to " + Page.MAX_SIZE, example = Page.DEFAULT_SIZE,
            schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = NUMBER_PATTERN))
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
            if (!DIGITS.matcher(raw).matches()) {
                throw new NumberFormatException(); // as documented: 1 to 7 digits, nothing else
            }
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }
}
