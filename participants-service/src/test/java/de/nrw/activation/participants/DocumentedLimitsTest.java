package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What participants-service's OpenAPI document declares of its parameters and fields (issue 19:
 * every string, array and integer bounded) is what it enforces: beyond it, 400 problem+json
 * naming the parameter.
 */
@QuarkusTest
class DocumentedLimitsTest {

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String parameter(String path, String method, String name) {
        return "paths.'" + path + "'." + method + ".parameters.find { it.name == '" + name + "' }.schema";
    }

    @Test
    void theDocumentStatesTheLimits() {
        JsonPath doc = document();
        assertThat(doc.getInt(parameter("/api/v1/audit", "get", "actor") + ".maxLength")).isEqualTo(200);
        assertThat(doc.getInt(parameter("/api/v1/audit", "get", "from") + ".maxLength")).isEqualTo(10);
        assertThat(doc.getString(parameter("/api/v1/participants", "get", "page") + ".pattern")).isEqualTo("^[0-9]{1,7}$");
        assertThat(doc.getInt(parameter("/api/v1/participants/{id}", "get", "id") + ".maxLength")).isEqualTo(36);
        assertThat(doc.getInt(parameter("/api/v1/participants/{id}", "put", "If-Match") + ".maxLength")).isEqualTo(1024);
        // a view's fields as long as the request that wrote them allows
        assertThat(doc.getInt("components.schemas.Participant.properties.firstName.maxLength")).isEqualTo(100);
        assertThat(doc.getInt("components.schemas.AuditEntry.properties.actor.maxLength")).isEqualTo(255);
        assertThat(doc.getInt("paths.'/api/v1/participants'.get.responses.'200'.content.'application/json'.schema.maxItems"))
                .isEqualTo(500);
    }

    @Test
    void pageAndSizeAreOneToSevenDigitsAndNothingElse() {
        String staff = Tokens.staff("hattingen");
        given().auth().oauth2(staff).get("/api/v1/participants?page=0000001&size=0000050").then().statusCode(200);
        for (String bad : new String[] {"00000001", "+1", " 1", "1 "}) {
            given().auth().oauth2(staff).queryParam("page", bad).get("/api/v1/participants")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("page"));
        }
    }

    @Test
    void aPathIdLongerThanAUuidOrADayLongerThanTenCharactersIs400() {
        String staff = Tokens.staff("hattingen");
        given().auth().oauth2(staff).get("/api/v1/participants/" + "a".repeat(37))
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("id"));
        given().auth().oauth2(Tokens.dataProtection("hattingen")).get("/api/v1/audit?from=2012-03-011")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.dataProtection("hattingen")).queryParam("actor", "a".repeat(201)).get("/api/v1/audit")
                .then().statusCode(400).body("violations[0].field", equalTo("actor"));
    }
}
