package de.nrw.activation.testsupport;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/** The service's own OpenAPI document (/q/openapi) as a test reads it, and its operations. */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiDocument() {
    }

    /** The operations of a document: those without an operationId or tags ("post /api/v1/x"), and every operationId. */
    public record Operations(List<String> withoutIdOrTag, List<String> ids) { }

    /**
     * GET /q/openapi of the application under test, after checking that every operation has an
     * operationId and a tag and that no operationId repeats (issue 19: clients are generated from it).
     */
    public static JsonPath withNamedOperations() {
        JsonPath doc = read();
        Operations operations = operations(doc);
        if (!operations.withoutIdOrTag().isEmpty()) {
            throw new AssertionError("operations without operationId or tags: " + operations.withoutIdOrTag());
        }
        List<String> repeated = operations.ids().stream().filter(id -> operations.ids().indexOf(id)
                != operations.ids().lastIndexOf(id)).distinct().toList();
        if (!repeated.isEmpty()) {
            throw new AssertionError("operationIds used more than once: " + repeated);
        }
        return doc;
    }

    /** GET /q/openapi as JSON from the application under test. */
    public static JsonPath read() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    public static Operations operations(JsonPath doc) {
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) op;
            if (operation.get("operationId") == null || operation.get("tags") == null) {
                missing.add(method + " " + path);
            } else {
                ids.add((String) operation.get("operationId"));
            }
        }));
        return new Operations(missing, ids);
    }
}
