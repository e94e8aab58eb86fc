package de.nrw.activation.platform.openapi;

import de.nrw.activation.platform.web.Ids;
import de.nrw.activation.platform.web.Page;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Limits the generated document states only where they follow from what the value is, so the
 * document says no more than the service enforces (OWASP API4: every string, array and integer
 * bounded). A limit the model declares itself (Bean Validation {@code @Size}, {@code @Min},
 * {@code @Max}, which the services enforce with a 400) is always kept; this adds only:
 * <ul>
 *   <li>strings of a format with a fixed shape: {@code uuid} 36 characters, {@code date} 10,
 *       {@code date-time} 35, {@code local-time} 18, {@code uri}/{@code uri-reference} 2048
 *       (Jackson and the services' parsers refuse anything longer as malformed, 400);</li>
 *   <li>integers: the range of their format ({@code int32} unless {@code int64}), which Jackson
 *       enforces (a larger number is a 400, never silently cut);</li>
 *   <li>the array a paged operation (one with the {@code size} parameter) answers: at most
 *       {@link Page#MAX_SIZE} items;</li>
 *   <li>the parameters the platform itself checks on every operation: {@code If-Match} at most
 *       {@link #IF_MATCH_MAX} characters ({@code limits/HeaderLimits}), {@code Idempotency-Key}
 *       1 to 255 characters ({@code Idempotency}), a path {@code id} a UUID and a path
 *       {@code date} an ISO date, unless the operation documents the parameter's limits itself
 *       (the services parse ids with {@code Ids.uuid}: 400 for anything else).</li>
 * </ul>
 * A string or array without any limit is left as it is: the lint reports it, and the fix belongs
 * in the model (with the limit enforced), not here.
 */
final class SchemaBounds {

    static final int IF_MATCH_MAX = de.nrw.activation.platform.limits.HttpProblems.MAX_IF_MATCH;
    static final int IDEMPOTENCY_KEY_MAX = 255;
    static final String UUID_PATTERN = Ids.UUID_PATTERN;
    static final String DATE_PATTERN = Ids.DATE_PATTERN;

    private static final Map<String, Integer> FORMAT_LENGTHS = Map.of(
            "uuid", 36, "date", 10, "date-time", 35, "local-time", 18, "time", 18,
            "uri", 2048, "uri-reference", 2048);

    private final Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private SchemaBounds() { }

    static void apply(OpenAPI openAPI) {
        SchemaBounds bounds = new SchemaBounds();
        Components components = openAPI.getComponents();
        if (components != null && components.getSchemas() != null) {
            components.getSchemas().values().forEach(bounds::bound);
        }
        if (components != null && components.getHeaders() != null) {
            components.getHeaders().values().forEach(h -> bounds.bound(h.getSchema()));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getParameters() != null) {
                item.getParameters().forEach(bounds::parameter);
            }
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                bounds.operation(operation);
            }
        }
    }

    private void operation(Operation operation) {
        boolean paged = false;
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                parameter(parameter);
                paged |= "size".equals(parameter.getName()) && parameter.getIn() == Parameter.In.QUERY;
            }
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            content(operation.getRequestBody().getContent().getMediaTypes());
        }
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                if (paged && entry.getKey().startsWith("2")) {
                    response.getContent().getMediaTypes().values().forEach(m -> {
                        Schema schema = m.getSchema();
                        if (schema != null && isType(schema, Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
                            schema.setMaxItems(Page.MAX_SIZE);
                        }
                    });
                }
                content(response.getContent().getMediaTypes());
            }
            if (response.getHeaders() != null) {
                response.getHeaders().values().forEach(h -> bound(h.getSchema()));
            }
        }
    }

    private void content(Map<String, MediaType> mediaTypes) {
        if (mediaTypes != null) {
            mediaTypes.values().forEach(m -> bound(m.getSchema()));
        }
    }

    private void parameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getRef() != null || schema == null || !isType(schema, Schema.SchemaType.STRING)
                || schema.getRef() != null) {
            bound(schema);
            return;
        }
        boolean own = schema.getMaxLength() != null || schema.getEnumeration() != null
                || schema.getPattern() != null || schema.getConstValue() != null;
        if (!own) {
            String name = parameter.getName();
            switch (parameter.getIn()) {
                case HEADER -> {
                    if ("If-Match".equalsIgnoreCase(name)) {
                        schema.setMaxLength(IF_MATCH_MAX);
                    } else if ("Idempotency-Key".equalsIgnoreCase(name)) {
                        schema.setMinLength(1);
                        schema.setMaxLength(IDEMPOTENCY_KEY_MAX);
                    }
                }
                case PATH -> {
                    if ("id".equals(name)) {
                        schema.setMaxLength(36);
                        schema.setPattern(UUID_PATTERN);
                    } else if ("date".equals(name)) {
                        schema.setMaxLength(10);
                        schema.setPattern(DATE_PATTERN);
                    }
                }
                default -> { }
            }
        }
        bound(schema);
    }

    /** Adds the limits that follow from {@code schema}'s type and format, in it and every schema it contains. */
    void bound(Schema schema) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() == null) {
            if (isType(schema, Schema.SchemaType.STRING) && schema.getMaxLength() == null
                    && schema.getEnumeration() == null && schema.getConstValue() == null && schema.getFormat() != null) {
                Integer length = FORMAT_LENGTHS.get(schema.getFormat());
                if (length != null) {
                    schema.setMaxLength(length);
                }
            }
            if (isType(schema, Schema.SchemaType.INTEGER)) {
                boolean int64 = "int64".equals(schema.getFormat());
                if (schema.getFormat() == null) {
                    schema.setFormat("int32");
                }
                if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                    schema.setMinimum(BigDecimal.valueOf(int64 ? Long.MIN_VALUE : Integer.MIN_VALUE));
                }
                if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                    schema.setMaximum(BigDecimal.valueOf(int64 ? Long.MAX_VALUE : Integer.MAX_VALUE));
                }
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(this::bound);
        }
        bound(schema.getItems());
        bound(schema.getAdditionalPropertiesSchema());
        each(schema.getAllOf());
        each(schema.getAnyOf());
        each(schema.getOneOf());
    }

    private void each(List<Schema> schemas) {
        if (schemas != null) {
            schemas.forEach(this::bound);
        }
    }

    static boolean isType(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }
}
