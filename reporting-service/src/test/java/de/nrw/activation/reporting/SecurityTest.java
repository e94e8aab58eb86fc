package de.nrw.activation.reporting;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityTest {

    static final List<String> REPORTS = List.of("/api/v1/reports/whereabouts", "/api/v1/reports/sustainability",
            "/api/v1/reports/whereabouts/chart");
    static final List<String> ALL_READS = List.of("/api/v1/reports/whereabouts", "/api/v1/reports/sustainability",
            "/api/v1/reports/whereabouts/chart", "/api/v1/reports/structure", "/api/v1/reports/structure/chart",
            "/api/v1/projections/status");

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

    /**
     * Issue 18: provider staff see the groups they run and no figures: every report, chart and
     * projection endpoint answers them 404, as if it did not exist; the data-protection officer
     * (who reads the audit trail) gets 403 here.
     */
    @Test
    void providerStaffFindNoReportAndTheDataProtectionOfficerMayReadNone() {
        String provider = Tokens.providerStaff("herne", "bildungswerk-ruhr");
        String dataProtection = Tokens.dataProtection("herne");
        for (String path : ALL_READS) {
            given().auth().oauth2(provider).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", endsWith("/not-found"));
            given().auth().oauth2(dataProtection).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", endsWith("/forbidden"));
        }
        given().auth().oauth2(provider).post("/api/v1/projections/rebuild").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(dataProtection).post("/api/v1/projections/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
