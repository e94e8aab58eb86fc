package de.nrw.activation.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the body of every error answer of the suite. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance,
                      List<Violation> violations,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** At most this many violations are listed (the first ones); the detail still says what was wrong. */
    public static final int MAX_VIOLATIONS = 100;
    /** Base of the {@code type} URIs; each problem type is documented in docs/problems.md. */
    public static final String TYPE_BASE = "https://activation.nrw.example/problems/";

    /** One offending field of a validation error. */
    public record Violation(String field, String message) { }

    public static Problem of(int status, String type, String title, String detail, String instance,
                             List<Violation> violations, Map<String, Object> extensions) {
        return new Problem(URI.create(TYPE_BASE + type), title, status, detail, instance,
                violations == null ? List.of()
                        : violations.size() > MAX_VIOLATIONS ? List.copyOf(violations.subList(0, MAX_VIOLATIONS)) : violations,
                extensions == null ? Map.of() : extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> anyExtensions() {
        return extensions;
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
