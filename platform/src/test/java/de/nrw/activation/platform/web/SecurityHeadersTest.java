package de.nrw.activation.platform.web;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The headers every answer carries (Quarkus' header filters, configured in the platform), and
 * 414/431 as problem+json, with real oversized requests.
 */
@QuarkusTest
class SecurityHeadersTest {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private static void apiHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", API_CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void apiAnswersAreNeverCachedNorFramedNorSniffedErrorsIncluded() {
        String staff = Tokens.staff("dortmund");
        String created = given().auth().oauth2(staff).contentType("application/json")
                .body("{\"name\":\"Erika\",\"kind\":\"SMALL\"}").post("/api/things")
                .then().statusCode(201).extract().path("id");
        apiHeaders(given().auth().oauth2(staff).get("/api/things/" + created).then().statusCode(200));
        apiHeaders(given().auth().oauth2(staff).get("/api/things/" + UUID.randomUUID()).then().statusCode(404));
        apiHeaders(given().get("/api/things/" + UUID.randomUUID()).then().statusCode(401));
        apiHeaders(given().auth().oauth2(staff).get("/api/problems/bug").then().statusCode(500));
        apiHeaders(given().auth().oauth2(Tokens.withRoles("dortmund", "jobcenter-staff", "coordinator"))
                .get("/api/things/" + UUID.randomUUID()).then().statusCode(403));
    }

    @Test
    void operationsEndpointsGetAStrictPolicyAndSwaggerUiALooserOne() {
        given().get("/q/health/live").then().statusCode(200)
                .header("Content-Security-Policy", API_CSP).header("X-Content-Type-Options", "nosniff");
        given().get("/q/openapi").then().statusCode(200).header("Content-Security-Policy", API_CSP);
        given().get("/no/such/page").then().statusCode(404).header("Content-Security-Policy", API_CSP);
        // Swagger UI runs inline scripts and asks the identity provider for tokens: its own policy
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' " + Tokens.ISSUER + "/"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("default-src 'none'")))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aTooLongUriAnswers414ProblemJson() {
        String longQuery = "/api/things?q=" + "a".repeat(5000);
        apiHeaders(given().auth().oauth2(Tokens.staff("dortmund")).get(longQuery)
                .then().statusCode(414).contentType("application/problem+json")
                .body("status", equalTo(414))
                .body("type", equalTo(Problem.TYPE_BASE + "request-uri-too-long"))
                .body("detail", containsString("4096")));
    }

    @Test
    void tooLargeHeadersAnswer431ProblemJson() {
        given().auth().oauth2(Tokens.staff("dortmund")).header("X-Padding", "p".repeat(20_000))
                .get("/api/things/" + UUID.randomUUID())
                .then().statusCode(431).contentType("application/problem+json")
                .body("status", equalTo(431))
                .body("type", equalTo(Problem.TYPE_BASE + "request-header-fields-too-large"))
                .header("X-Content-Type-Options", "nosniff");
    }
}
