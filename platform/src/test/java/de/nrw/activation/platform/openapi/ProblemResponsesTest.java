package de.nrw.activation.platform.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The generated /q/openapi documents the shared error answers on every /api operation. */
@QuarkusTest
class ProblemResponsesTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @Test
    void everyApiOperationDocuments401_403_429And500AsProblemJsonAnd413WhereItTakesABody() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                if (!path.getValue().containsKey(method)) {
                    continue;
                }
                operations++;
                String at = "paths.'" + path.getKey() + "'." + method;
                String where = method.toUpperCase() + " " + path.getKey();
                for (String status : List.of("401", "403", "429", "500")) {
                    assertThat(doc.getString(at + ".responses.'" + status + "'.content.'application/problem+json'.schema.$ref"))
                            .as(where + " " + status).isEqualTo("#/components/schemas/Problem");
                }
                assertThat(doc.getMap(at + ".responses.'429'.headers")).as(where).containsKey("Retry-After");
                assertThat(doc.getMap(at + ".responses.'401'.headers")).as(where).containsKey("WWW-Authenticate");
                boolean takesBody = doc.get(at + ".requestBody") != null;
                assertThat(doc.getMap(at + ".responses").containsKey("413")).as(where + " 413").isEqualTo(takesBody);
            }
        }
        assertThat(operations).as("operations of the test application").isGreaterThanOrEqualTo(5);
        assertThat(doc.getString("components.schemas.Problem.properties.type.format")).isEqualTo("uri");
    }

    @Test
    void aHeaderDeclaredByNameOnlyGetsTheSchemaOpenApiRequires() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        String location = "paths.'/api/things'.post.responses.'201'.headers.Location.schema";
        assertThat(doc.getString(location + ".type")).isEqualTo("string");
        assertThat(doc.getString(location + ".format")).isEqualTo("uri-reference");
        assertThat(doc.getString("paths.'/api/things'.post.responses.'429'.headers.Retry-After.schema.type"))
                .isEqualTo("integer");
        // the ETag the resources send: the entity's version, quoted (the test application's is "1")
        String etag = "paths.'/api/things'.post.responses.'201'.headers.ETag.schema";
        assertThat(doc.getString(etag + ".pattern")).isEqualTo("^\"[0-9]{1,19}\"$");
        assertThat("\"1\"").matches(doc.getString(etag + ".pattern"));
    }

    @Test
    void anAnswerTheOperationDocumentsItselfIsKept() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(doc.getString("paths.'/api/things/{id}/name'.delete.responses.'403'.description"))
                .isEqualTo("Only the owner's staff may erase");
    }

    @Test
    void operationsOutsideTheApiAreLeftAlone() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/"), "only /api paths in this application");
    }

    @Test
    void everyAnswerOfAnApiOperationDeclaresTheRateLimitHeadersAndTheDocumentOneRelativeServer() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> responses = doc.getMap("paths.'/api/things'.post.responses");
        assertThat(responses.keySet()).contains("201", "401", "403", "413", "429", "500");
        for (String status : responses.keySet()) {
            String at = "paths.'/api/things'.post.responses.'" + status + "'.headers";
            for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                assertThat(doc.getString(at + ".'" + name + "'.$ref")).as(status + " " + name)
                        .isEqualTo("#/components/headers/" + name);
            }
        }
        assertThat(doc.getString("components.headers.'RateLimit-Remaining'.schema.format")).isEqualTo("int32");
        assertThat(doc.getInt("components.headers.'RateLimit-Limit'.schema.minimum")).isEqualTo(1);
        assertThat(doc.getList("servers.url")).containsExactly("/");
        assertThat(doc.getBoolean("servers[0].x-internal")).isFalse();
        assertThat(doc.getString("components.securitySchemes.bearer.description")).contains("RFC8725");
    }

    @Test
    void limitsFollowingFromTheValuesAreAddedAndTheModelsOwnAreKept() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        // the model's own @Size
        assertThat(doc.getInt("components.schemas.NewThing.properties.name.maxLength")).isEqualTo(50);
        // what the platform checks on every operation
        String erase = "paths.'/api/things/{id}/name'.delete.parameters.find { it.name == '%s' }.schema";
        assertThat(doc.getInt(String.format(erase, "If-Match") + ".maxLength")).isEqualTo(1024);
        assertThat(doc.getInt(String.format(erase, "id") + ".maxLength")).isEqualTo(36);
        assertThat(doc.getString(String.format(erase, "id") + ".pattern")).startsWith("^[0-9a-fA-F]{8}-");
        String create = "paths.'/api/things'.post.parameters.find { it.name == 'Idempotency-Key' }.schema";
        assertThat(doc.getInt(create + ".maxLength")).isEqualTo(255);
        assertThat(doc.getInt("components.schemas.Problem.properties.violations.maxItems")).isEqualTo(100);
        assertThat(doc.getString("components.schemas.UUID.maxLength")).isEqualTo("36");
        assertThat(doc.getString("paths.'/api/things'.post.responses.'429'.headers.Retry-After.schema.format"))
                .isEqualTo("int32");
    }
}
