package de.nrw.activation.platform.limits;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What the OpenAPI documents declare on every /api operation is what the platform sends: the
 * RateLimit-* headers on every answer (2xx and each kind of 4xx/5xx), If-Match of at most 1024
 * characters, a user name of at most 255, at most 100 violations in a problem.
 */
@QuarkusTest
class ApiLimitsTest {

    private static ValidatableResponse rateLimited(ValidatableResponse response) {
        return response.header(RateLimit.LIMIT, "1000")
                .header(RateLimit.REMAINING, notNullValue())
                .header(RateLimit.RESET, notNullValue());
    }

    @Test
    void everyApiAnswerCarriesTheCallersRateLimit() {
        String staff = Tokens.staff("bochum", "limits-" + UUID.randomUUID());
        String created = rateLimited(given().auth().oauth2(staff).contentType("application/json")
                .body("{\"name\":\"Erika\",\"kind\":\"SMALL\"}").post("/api/things").then().statusCode(201))
                .header(RateLimit.REMAINING, "999").extract().path("id");
        // the second request of the same caller: at most the first one's token is back (500 a second here,
        // the exact counts with a moved ticker are in participants' RateLimitHeadersTest), full within a second
        rateLimited(given().auth().oauth2(staff).get("/api/things/" + created).then().statusCode(200))
                .header(RateLimit.REMAINING, anyOf(equalTo("998"), equalTo("999")))
                .header(RateLimit.RESET, anyOf(equalTo("0"), equalTo("1")));
        rateLimited(given().auth().oauth2(staff).get("/api/things/" + UUID.randomUUID()).then().statusCode(404));
        rateLimited(given().auth().oauth2(staff).get("/api/things/not-a-uuid").then().statusCode(400));
        rateLimited(given().get("/api/things/" + UUID.randomUUID()).then().statusCode(401));
        rateLimited(given().auth().oauth2(Tokens.withRoles("bochum", "jobcenter-staff", "coordinator"))
                .get("/api/things/" + UUID.randomUUID()).then().statusCode(403));
        rateLimited(given().auth().oauth2(staff).get("/api/problems/bug").then().statusCode(500));
        rateLimited(given().auth().oauth2(staff).contentType("application/json")
                .body("{\"name\":\"" + "x".repeat(300 * 1024) + "\",\"kind\":\"SMALL\"}").post("/api/things")
                .then().statusCode(413));
        // outside /api: no rate limit, no headers
        assertThat(given().get("/q/health/live").then().statusCode(200).extract().header(RateLimit.LIMIT)).isNull();
    }

    @Test
    void anIfMatchOver1024CharactersIs400NamingTheHeader() {
        String staff = Tokens.staff("bochum");
        String id = given().auth().oauth2(staff).contentType("application/json")
                .body("{\"name\":\"Erika\",\"kind\":\"SMALL\"}").post("/api/things")
                .then().statusCode(201).extract().path("id");
        String tooLong = "\"" + "1".repeat(HttpProblems.MAX_IF_MATCH - 1) + "\"";
        rateLimited(given().auth().oauth2(staff).header("If-Match", tooLong).delete("/api/things/" + id + "/name")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE))
                .body("type", equalTo(Problem.TYPE_BASE + "validation-failed"))
                .body("violations[0].field", equalTo("If-Match"));
        // at the limit it is read as an ETag: a stale one, 412
        String atLimit = "\"" + "1".repeat(HttpProblems.MAX_IF_MATCH - 2) + "\"";
        given().auth().oauth2(staff).header("If-Match", atLimit).delete("/api/things/" + id + "/name")
                .then().statusCode(412);
        given().auth().oauth2(staff).header("If-Match", "\"1\"").delete("/api/things/" + id + "/name")
                .then().statusCode(204);
    }

    @Test
    void aUserNameOver255CharactersIsRefused403() {
        given().auth().oauth2(Tokens.staff("bochum", "u".repeat(256))).get("/api/things/" + UUID.randomUUID())
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "invalid-claim"));
        given().auth().oauth2(Tokens.staff("bochum", "u".repeat(255))).get("/api/things/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aProblemListsAtMost100Violations() {
        List<Problem.Violation> many = new ArrayList<>();
        IntStream.range(0, 150).forEach(i -> many.add(new Problem.Violation("entries[" + i + "]", "is invalid")));
        Problem problem = Problem.of(400, "validation-failed", "Invalid request", "150 invalid entries", null, many, null);
        assertThat(problem.violations()).hasSize(Problem.MAX_VIOLATIONS);
        assertThat(problem.violations().get(99).field()).isEqualTo("entries[99]");
    }
}
