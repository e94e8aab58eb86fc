package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityTest {

    @Test
    void noTokenAnswers401ProblemJsonWithABearerChallenge() {
        given().contentType(ContentType.JSON).body(ParticipantFixtures.registration("herne"))
                .post("/api/v1/participants")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401));
        given().get("/api/v1/participants").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredAndForgedTokensAnswer401() {
        given().auth().oauth2(Tokens.expired("herne")).get("/api/v1/participants")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forged("herne")).get("/api/v1/participants")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt").get("/api/v1/participants")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theCoordinatorAndOpsNeverSeePersonalData() {
        String id = ParticipantFixtures.register("herne");
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/participants/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/participants")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.ops()).get("/api/v1/participants/" + id)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
