package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityTest {

    @Inject
    AgroalDataSource db;

    /** Every endpoint of the service, called as the given requester; each must answer {@code status}. */
    private void everyEndpointAnswers(Supplier<RequestSpecification> as, int status) {
        UUID participant = OutcomeFixtures.knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, "herne", LocalDate.parse("2012-03-05"),
                LocalDate.parse("2012-04-27"));
        String outcome = OutcomeFixtures.record("herne", OutcomeFixtures.employment(participant, "2012-04-02"));

        as.get().body(OutcomeFixtures.employment(participant, "2012-04-02")).post("/api/v1/outcomes")
                .then().statusCode(status).contentType("application/problem+json");
        as.get().get("/api/v1/outcomes/" + outcome).then().statusCode(status).contentType("application/problem+json");
        as.get().queryParam("participantId", participant.toString()).get("/api/v1/outcomes")
                .then().statusCode(status).contentType("application/problem+json");
        as.get().body(CorrectOutcomeTest.correction("EMPLOYMENT", "2012-04-16")).put("/api/v1/outcomes/" + outcome)
                .then().statusCode(status).contentType("application/problem+json");
        as.get().body(OutcomeFixtures.followUp("EXIT", "EMPLOYMENT", "2012-04-27"))
                .post("/api/v1/participations/" + participation + "/follow-ups")
                .then().statusCode(status).contentType("application/problem+json");
        as.get().get("/api/v1/participations/" + participation + "/follow-ups")
                .then().statusCode(status).contentType("application/problem+json");
        as.get().get("/api/v1/participations/" + participation + "/follow-ups/EXIT")
                .then().statusCode(status).contentType("application/problem+json");
        as.get().queryParam("until", "2013-12-31").get("/api/v1/follow-ups/due")
                .then().statusCode(status).contentType("application/problem+json");
    }

    @Test
    void noTokenAnswers401ProblemJsonWithABearerChallenge() {
        given().contentType(ContentType.JSON).get("/api/v1/follow-ups/due")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
        everyEndpointAnswers(() -> given().contentType(ContentType.JSON), 401);
    }

    @Test
    void expiredAndForgedTokensAnswer401() {
        given().auth().oauth2(Tokens.expired("herne")).get("/api/v1/follow-ups/due")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forged("herne")).get("/api/v1/outcomes")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theCoordinatorMayUseNoEndpoint() {
        everyEndpointAnswers(() -> given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON), 403);
    }

    @Test
    void operationsMayUseNoEndpoint() {
        everyEndpointAnswers(() -> given().auth().oauth2(Tokens.ops()).contentType(ContentType.JSON), 403);
    }

    @Test
    void theDataProtectionOfficerMayUseNoEndpoint() {
        everyEndpointAnswers(() -> given().auth().oauth2(Tokens.dataProtection("herne")).contentType(ContentType.JSON), 403);
    }

    /** Issue 18: provider staff see nothing of outcomes and follow-ups, not even that the endpoints exist. */
    @Test
    void providerStaffFindNoEndpoint() {
        everyEndpointAnswers(() -> given().auth().oauth2(Tokens.providerStaff("herne", "bildungswerk-ruhr"))
                .contentType(ContentType.JSON), 404);
    }
}
