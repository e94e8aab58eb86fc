package de.nrw.activation.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the OpenAPI document has a use-case operationId and a tag (issue 19). */
@QuarkusTest
class OperationIdsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationHasAUseCaseOperationIdAndATag() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (!METHODS.contains(method)) return;
            @SuppressWarnings("unchecked") Map<String, Object> operation = (Map<String, Object>) op;
            if (operation.get("operationId") == null || operation.get("tags") == null) missing.add(method + " " + path);
            else ids.add((String) operation.get("operationId"));
        }));
        assertThat(missing).as("operations without operationId or tags").isEmpty();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(doc.getString("paths.'/api/v1/reports/whereabouts'.get.operationId")).isEqualTo("getWhereaboutsReport");
        assertThat(doc.getString("paths.'/api/v1/projections/rebuild'.post.operationId")).isEqualTo("rebuildProjection");
        assertThat(doc.getString("paths.'/api/v1/reports/structure/chart'.get.operationId")).isEqualTo("getStructureChart");
    }
}
