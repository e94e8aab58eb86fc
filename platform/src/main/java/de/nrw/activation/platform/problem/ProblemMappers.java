package de.nrw.activation.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.time.DateRange;
import de.nrw.activation.platform.time.DateRangeModule;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place that turns every failure into {@code application/problem+json}.
 * Resources throw; they never build error bodies. No stack trace and no exception
 * message that might carry personal data ever reaches a client or a log line.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Runs before the framework's own mappers for the same exception types. */
    private static final int FIRST = 1;

    @ServerExceptionMapper(priority = FIRST)
    public Response problem(ProblemException e) {
        return Problem.of(e.status(), e.type(), e.title(), e.getMessage(), null,
                e.violations(), e.extensions()).toResponse();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .collect(Collectors.toList());
        return validation("One or more fields are invalid", violations);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response dateOutOfRange(DateRangeModule.DateOutOfRange e) {
        String field = pathOf(e);
        return validation("Field '" + field + "' " + DateRange.MESSAGE,
                List.of(new Problem.Violation(field, DateRange.MESSAGE)));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unknownEnumOrFormat(InvalidFormatException e) {
        String field = pathOf(e);
        Class<?> target = e.getTargetType();
        String message = target != null && target.isEnum()
                ? "must be one of " + Arrays.toString(target.getEnumConstants())
                : "has an invalid format" + (target == null ? "" : " for " + target.getSimpleName());
        return validation("Field '" + field + "' " + message, List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = pathOf(e);
        return validation("Unknown field '" + field + "'",
                List.of(new Problem.Violation(field, "is not a known field")));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response mismatched(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return validation("The request body is missing or not the expected JSON", List.of());
        }
        return validation("Field '" + field + "' has the wrong type",
                List.of(new Problem.Violation(field, "has the wrong type")));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response mapping(JsonMappingException e) {
        String field = pathOf(e);
        return validation("The request body could not be read" + (field.isEmpty() ? "" : " at '" + field + "'"),
                field.isEmpty() ? List.of() : List.of(new Problem.Violation(field, "is invalid")));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response malformed(JsonProcessingException e) {
        return validation("The request body is not well-formed JSON", List.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unauthorized(UnauthorizedException e) {
        return Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required", null, null, null).toResponse();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problem.of(401, "unauthorized", "Unauthorized",
                "The bearer token is missing, expired or not valid", null, null, null).toResponse();
    }

    /**
     * A role that may not use the endpoint: 403, except for provider staff, to whom every endpoint
     * their role may not use answers 404 as if it did not exist (issue 18: they see the groups their
     * provider runs and "everything else answers 404 for them"), in every service alike.
     */
    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security != null && security.isUserInRole(Roles.PROVIDER_STAFF)) {
            return Problem.of(404, "not-found", "Not found", "No such resource", null, null, null).toResponse();
        }
        return Problem.of(403, "forbidden", "Forbidden",
                "Your role may not do this", null, null, null).toResponse();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported media type; send application/json";
            default -> title;
        };
        if (status >= 500) {
            LOG.errorf("Server error %d: %s", status, e.getClass().getName());
        }
        Response problem = Problem.of(status, slug(title), title, detail, null, null, null).toResponse();
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return problem;
    }

    @ServerExceptionMapper(priority = FIRST + 1)
    public Response unexpected(Throwable e) {
        // The message may hold personal data (e.g. a constraint's key values): log type and id only.
        String errorId = UUID.randomUUID().toString();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.io.IOException || root instanceof io.vertx.core.http.HttpClosedException) {
            // the client went away (closed connection, aborted upload): nothing is wrong here
            LOG.debugf("Request ended by the client (%s), error id %s", root.getClass().getName(), errorId);
            return Problem.of(400, "request-aborted", "Request aborted", "The request ended before it was complete",
                    null, null, null).toResponse();
        }
        LOG.errorf("Unhandled %s (root cause %s), error id %s", e.getClass().getName(),
                root.getClass().getName(), errorId);
        return Problem.of(500, "internal-error", "Internal error",
                "An unexpected error occurred; quote error id " + errorId + " to the operators",
                null, null, java.util.Map.of("errorId", errorId)).toResponse();
    }

    private static Response validation(String detail, List<Problem.Violation> violations) {
        return Problem.of(400, "validation-failed", "Invalid request", detail, null, violations, null).toResponse();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String pathOf(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** "register.request.firstName" becomes "firstName"; "list.size" becomes "size". */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean body = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.add(node.getName());
                continue;
            }
            body = true;
            String name = node.getName();
            if (node.getIndex() != null) {
                names.add("[" + node.getIndex() + "]" + (name == null ? "" : "." + name));
            } else if (name != null) {
                names.add(name);
            }
        }
        if (body && names.size() > 1) {
            names.remove(0); // the body parameter's own name means nothing to a client
        }
        return String.join(".", names).replace(".[", "[");
    }
}
