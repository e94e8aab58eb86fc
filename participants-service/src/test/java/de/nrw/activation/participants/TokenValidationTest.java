package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The token checks beyond signature and expiry: the suite's audience, the longest lifetime
 * (1 hour) and an issue time that is not in the future. Each bad token is otherwise perfect:
 * signed with the trusted key, right issuer, a staff role and a Jobcenter.
 */
@QuarkusTest
class TokenValidationTest {

    @Test
    void aWellFormedTokenOfTheSuiteIsAccepted() {
        given().auth().oauth2(Tokens.staff("herne")).get("/api/v1/participants")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.withLifetime("herne", Duration.ofMinutes(59))).get("/api/v1/participants")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.issuedInFuture("herne", Duration.ofSeconds(20))).get("/api/v1/participants") // a clock a few seconds ahead is within the skew
                .then().statusCode(200);
    }

    @Test
    void aTokenForAnotherAudienceAnswers401() {
        given().auth().oauth2(Tokens.withoutAudience("herne")).get("/api/v1/participants")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer")).body("status", equalTo(401));
    }

    @Test
    void aTokenWithATenYearLifetimeAnswers401() {
        given().auth().oauth2(Tokens.withLifetime("herne", Duration.ofDays(3650))).get("/api/v1/participants")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(Tokens.withLifetime("herne", Duration.ofMinutes(61))).get("/api/v1/participants") // just over the configured hour
                .then().statusCode(401);
    }

    @Test
    void aTokenIssuedInTheFutureAnswers401() {
        given().auth().oauth2(Tokens.issuedInFuture("herne", Duration.ofDays(365))).get("/api/v1/participants")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(Tokens.issuedInFuture("herne", Duration.ofMinutes(5))).get("/api/v1/participants") // beyond the 60 s clock skew
                .then().statusCode(401);
    }

    @Test
    void aRefusedTokenCreatesNothing() {
        String before = herneParticipantCount();
        given().auth().oauth2(Tokens.withoutAudience("herne")).contentType("application/json")
                .body(ParticipantFixtures.registration("herne")).post("/api/v1/participants")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.issuedInFuture("herne", Duration.ofDays(365))).contentType("application/json")
                .body(ParticipantFixtures.registration("herne")).post("/api/v1/participants")
                .then().statusCode(401);
        org.assertj.core.api.Assertions.assertThat(herneParticipantCount()).isEqualTo(before);
    }

    private static String herneParticipantCount() {
        return given().auth().oauth2(Tokens.staff("herne")).get("/api/v1/participants")
                .then().statusCode(200).extract().header("X-Total-Count");
    }
}
