package de.nrw.activation.reporting;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityTest {

    static final List<String> REPORTS = List.of("/api/v1/reports/whereabouts", "/api/v1/reports/sustainability",
            "/api/v1/reports/whereabouts/chart");

    @Test
    void noTokenAnswers401ProblemJsonWithABearerChallenge() {
        for (String path : REPORTS) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer")).body("status", equalTo(401));
        }
        given().get("/api/v1/projections/status").then().statusCode(401).contentType("application/problem+json");
        given().post("/api/v1/projections/rebuild").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredAndForgedTokensAnswer401() {
        given().auth().oauth2(Tokens.expired("herne")).get(REPORTS.get(0))
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forged("herne")).get(REPORTS.get(0))
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt").get(REPORTS.get(0))
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void opsMayNotReadReportsAndStaffMayNotSeeTheProjections() {
        for (String path : REPORTS) {
            given().auth().oauth2(Tokens.ops()).get(path).then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.staff("herne")).get("/api/v1/projections/status")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/projections/status").then().statusCode(200);
        given().auth().oauth2(Tokens.ops()).get("/api/v1/projections/status").then().statusCode(200);
    }

    @Test
    void reportsAreReadOnly() {
        given().auth().oauth2(Tokens.coordinator()).post(REPORTS.get(0))
                .then().statusCode(405).contentType("application/problem+json");
    }
}
