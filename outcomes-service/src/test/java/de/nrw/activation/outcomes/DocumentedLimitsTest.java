package de.nrw.activation.outcomes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What outcomes-service's OpenAPI document declares of its parameters and lists (issue 19) is what
 * it enforces: a parameter beyond its documented form is a 400 problem naming it.
 */
@QuarkusTest
class DocumentedLimitsTest {

    private static String parameter(String path, String method, String name) {
        return "paths.'" + path + "'." + method + ".parameters.find { it.name == '" + name + "' }.schema";
    }

    @Test
    void theDocumentStatesTheLimits() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        String checkpoint = parameter("/api/v1/participations/{id}/follow-ups/{checkpoint}", "get", "checkpoint");
        assertThat(doc.getString(checkpoint + ".pattern")).isEqualTo("^(EXIT|MONTH_3|MONTH_6|MONTH_12)$");
        assertThat(doc.getInt(parameter("/api/v1/follow-ups/due", "get", "until") + ".maxLength")).isEqualTo(10);
        assertThat(doc.getInt(parameter("/api/v1/outcomes", "get", "participantId") + ".maxLength")).isEqualTo(36);
        assertThat(doc.getInt("paths.'/api/v1/participations/{id}/follow-ups'.get.responses.'200'.content.'application/json'.schema.maxItems"))
                .isEqualTo(4);
        assertThat(doc.getInt("components.schemas.Outcome.properties.employer.maxLength")).isEqualTo(200);
    }

    @Test
    void parametersAreReadExactlyAsDocumented() {
        OutcomeFixtures.asStaff("herne").get("/api/v1/follow-ups/due?until=2012-06-30").then().statusCode(200);
        OutcomeFixtures.asStaff("herne").queryParam("until", "2012-06-30 ").get("/api/v1/follow-ups/due")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("until"));
        OutcomeFixtures.asStaff("herne").queryParam("participantId", UUID.randomUUID() + "0").get("/api/v1/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("participantId"));
        OutcomeFixtures.asStaff("herne").get("/api/v1/participations/" + UUID.randomUUID() + "/follow-ups/MONTH_24")
                .then().statusCode(400).body("violations[0].field", equalTo("checkpoint"));
    }
}
