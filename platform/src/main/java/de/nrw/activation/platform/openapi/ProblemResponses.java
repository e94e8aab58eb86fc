package de.nrw.activation.platform.openapi;

import de.nrw.activation.platform.limits.RateLimit;
import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.platform.web.Page;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers every {@code /api} operation of the suite can give whatever it does, added to the
 * generated OpenAPI document in one place (registered with {@code mp.openapi.filter} in the
 * platform's defaults) instead of repeated on each resource: 400 (a parameter, header or field out of
 * its documented limits; {@code If-Match} is checked on every operation), 401 and 403 (the bearer token),
 * 413 (a body over {@code quarkus.http.limits.max-body-size}, on operations that take one),
 * 429 with {@code Retry-After} (the per-caller rate limit) and 500, all as
 * {@code application/problem+json}. An answer an operation documents itself is kept as it is.
 *
 * <p>It also gives every response header a resource declares by name only ({@code @Header(name =
 * "ETag")}) the schema OpenAPI requires of a header: {@code X-Total-Count} an int64 from 0 to
 * 2^31-1, {@code Retry-After} seconds from 1, {@code ETag} the quoted version number, {@code Location} a URI reference of at most 2048 characters, any other a string of at most 256;
 * declares the {@code RateLimit-*} headers on every answer of an {@code /api} operation; names the one
 * server (relative: the host the document was read from); and adds the limits that follow from the
 * values' types ({@link SchemaBounds}).
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    private static final String API = "/api/";
    /** The descriptions of the bare answers Quarkus adds to secured operations. */
    private static final Set<String> QUARKUS_DEFAULTS = Set.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith(API) || path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                addShared(operation);
                addHeaderSchemas(operation);
                addRateLimitRefs(operation);
                used = true;
            }
        }
        if (used) {
            addProblemSchema(openAPI);
            addRateLimitHeaders(openAPI);
        }
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("The service on the host it is reached at, the same in every environment "
                        + "(local, test, staging, production): relative to the document's own address, https in "
                        + "production (docs/operations.md)")
                .addExtension("x-internal", false)));
        SchemaBounds.apply(openAPI);
    }

    /**
     * The caller's rate limit as {@code limits/RateLimit} sends it on every {@code /api} answer
     * (while {@code api.rate-limit.enabled}): components, referenced from each response.
     */
    private static void addRateLimitHeaders(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addHeader(RateLimit.LIMIT, OASFactory.createHeader()
                .description("Requests the caller may send at once (the burst of its token bucket)")
                .schema(count(1)));
        components.addHeader(RateLimit.REMAINING, OASFactory.createHeader()
                .description("Requests the caller may still send at once after this one")
                .schema(count(0)));
        components.addHeader(RateLimit.RESET, OASFactory.createHeader()
                .description("Seconds until the caller's bucket is full again (0: it is full)")
                .schema(count(0)));
    }

    private static Schema count(int minimum) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(Integer.MAX_VALUE));
    }

    private static void addRateLimitRefs(Operation operation) {
        if (operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getRef() != null) {
                continue;
            }
            for (String name : List.of(RateLimit.LIMIT, RateLimit.REMAINING, RateLimit.RESET)) {
                if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                    response.addHeader(name, OASFactory.createHeader().ref(name));
                }
            }
        }
    }

    private static void addShared(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        // every /api request can break a limit the platform checks before the resource runs (If-Match), and
        // most a parameter's or the body's: an operation's own 400 keeps its description
        addIfAbsent(responses, "400", problem("Invalid request: a parameter, header or field breaks its documented "
                + "limits; violations name them"));
        addIfAbsent(responses, "401", problem("No token, or an expired or forged one (WWW-Authenticate: Bearer)")
                .addHeader("WWW-Authenticate", OASFactory.createHeader().description("The scheme to authenticate with")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("Bearer"))));
        addIfAbsent(responses, "403", problem("The caller's role may not use this endpoint, "
                + "or the token lacks the jobcenter claim"));
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413", problem("The request body is larger than the service accepts"));
        }
        addIfAbsent(responses, "429", problem("This caller sent more requests than its rate limit allows; "
                + "retry after the seconds in Retry-After")
                .addHeader(RateLimit.RETRY_AFTER, OASFactory.createHeader().description("Seconds to wait before the next request")
                        .schema(count(1))));
        addIfAbsent(responses, "500", problem("An unexpected error; the body's errorId is the one to quote to the operators"));
    }

    /** A schema for each response header declared without one (a header object needs a schema or content). */
    private static void addHeaderSchemas(Operation operation) {
        if (operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getHeaders() == null) {
                continue;
            }
            response.getHeaders().forEach((name, header) -> {
                if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                    header.setSchema(headerSchema(name));
                }
            });
        }
    }

    private static Schema headerSchema(String name) {
        if (Page.TOTAL_HEADER.equalsIgnoreCase(name)) {
            return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                    .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Integer.MAX_VALUE));
        }
        if (RateLimit.RETRY_AFTER.equalsIgnoreCase(name)) {
            return count(1);
        }
        if ("ETag".equalsIgnoreCase(name)) {
            // ETags.of / new EntityTag(version): the entity's version, quoted
            return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(21).pattern("^\"[0-9]{1,19}\"$");
        }
        if ("Location".equalsIgnoreCase(name)) {
            return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference").maxLength(2048);
        }
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(256);
    }

    /**
     * Adds {@code shared} unless the operation documents {@code status} itself. Quarkus adds a
     * bare 401 and 403 (no content) to every secured operation; those, and any answer documented
     * without a body, get the problem body and headers, and keep a description of their own.
     */
    private static void addIfAbsent(APIResponses responses, String status, APIResponse shared) {
        APIResponse own = responses.getAPIResponse(status);
        if (own == null) {
            responses.addAPIResponse(status, shared);
            return;
        }
        if (own.getContent() == null || own.getContent().getMediaTypes() == null
                || own.getContent().getMediaTypes().isEmpty()) {
            own.setContent(shared.getContent());
            if (own.getDescription() == null || QUARKUS_DEFAULTS.contains(own.getDescription())) {
                own.setDescription(shared.getDescription());
            }
        }
        if (shared.getHeaders() != null) {
            shared.getHeaders().forEach((name, header) -> {
                if (own.getHeaders() == null || !own.getHeaders().containsKey(name)) {
                    own.addHeader(name, header);
                }
            });
        }
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /** RFC 9457 problem details, as {@link Problem} writes them. */
    private static void addProblemSchema(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() != null && components.getSchemas().containsKey(SCHEMA)) {
            return;
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", text("A URI naming the kind of problem; docs/problems.md describes each", 512).format("uri"));
        properties.put("title", text("Short summary of the kind of problem", 256));
        properties.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).description("The HTTP status"));
        properties.put("detail", text("What went wrong with this request", 4096));
        properties.put("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .description("The offending fields of a 400 (at most " + Problem.MAX_VIOLATIONS + ")")
                .maxItems(Problem.MAX_VIOLATIONS)
                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .addProperty("field", text("The field, e.g. dateOfBirth or entries[2].status", 512))
                        .addProperty("message", text("What is wrong with it", 1024))));
        components.addSchema(SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every error answer. Some problems add "
                        + "members of their own (rule, currentEtag, retryAfter, errorId).")
                .properties(properties));
    }

    private static Schema text(String description, int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).maxLength(maxLength);
    }
}
