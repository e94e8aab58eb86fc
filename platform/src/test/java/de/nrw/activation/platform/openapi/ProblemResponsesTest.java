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
}
