package de.nrw.activation.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, rendered as {@code application/problem+json} (RFC 9457).
 * Domain code throws one of the factory methods' results; the mapper renders it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail,
                            List<Problem.Violation> violations, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations == null ? List.of() : violations;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, null);
    }

    /** 400: the request is malformed or a field is invalid. */
    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "validation-failed", "Invalid request", detail,
                List.of(new Problem.Violation(field, detail)), null);
    }

    /** 404: unknown, or belongs to another Jobcenter (indistinguishable on purpose). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /** 409: conflicts with the current state (duplicate, capacity full, overlap, ...). */
    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict with current state", detail);
    }

    /** 412: the If-Match header names a version that is no longer current. */
    public static ProblemException stale(String currentEtag) {
        return new ProblemException(412, "precondition-failed", "Stale If-Match",
                "The resource has changed since you read it; current ETag is " + currentEtag,
                null, Map.of("currentEtag", currentEtag));
    }

    /** 422: well-formed but breaks a business rule; {@code rule} names the rule. */
    public static ProblemException rule(String rule, String detail) {
        return new ProblemException(422, rule, "Business rule violated", detail,
                null, Map.of("rule", rule));
    }

    /** 403: the caller's role may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public List<Problem.Violation> violations() { return violations; }
    public Map<String, Object> extensions() { return extensions; }
}
