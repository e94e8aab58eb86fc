package de.nrw.activation.reporting;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every endpoint of reporting-service against bad input (issue 8, OWASP API4/API8): each answers
 * the contract's status as {@code application/problem+json} and changes nothing (the projection
 * generations, which only a rebuild changes). Reports are read-only and keyed by query, not by
 * ids: there is no If-Match, Idempotency-Key or other Jobcenter's id to try here; a staff
 * caller's rows are limited to its Jobcenter (AccessAndSuppressionTest). Driven by {@link #ENDPOINTS}.
 */
@QuarkusTest
class BadInputSweepTest {

    private static final String PROBLEM = "application/problem+json";

    /** One endpoint and a caller who may use it. */
    record Endpoint(String method, String path, String allowedToken) {
        @Override public String toString() { return method + " " + path; }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/reports/whereabouts", Tokens.coordinator()),
            new Endpoint("GET", "/api/v1/reports/sustainability", Tokens.coordinator()),
            new Endpoint("GET", "/api/v1/reports/whereabouts/chart", Tokens.coordinator()),
            new Endpoint("GET", "/api/v1/projections/status", Tokens.ops()),
            new Endpoint("POST", "/api/v1/projections/rebuild", Tokens.ops()));

    static final List<String> REPORTS = List.of(
            "/api/v1/reports/whereabouts", "/api/v1/reports/sustainability", "/api/v1/reports/whereabouts/chart");

    static Stream<Endpoint> endpoints() { return ENDPOINTS.stream(); }
    static Stream<String> reports() { return REPORTS.stream(); }

    @Inject
    AgroalDataSource db;

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutAValidTokenEveryEndpointAnswers401AndChangesNothing(Endpoint endpoint) {
        String before = state();
        for (String token : new String[] {null, Tokens.expired("herne"), Tokens.forged("herne"), "not.a.jwt"}) {
            RequestSpecification request = given();
            if (token != null) {
                request.auth().oauth2(token);
            }
            request.request(endpoint.method(), endpoint.path())
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", equalTo("Bearer")).body("status", equalTo(401));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anOversizedBodyAnswers413AndChangesNothing(Endpoint endpoint) {
        String before = state();
        given().auth().oauth2(endpoint.allowedToken()).contentType("application/json")
                .body("{\"padding\":\"" + "x".repeat(300 * 1024) + "\"}") // over max-body-size=256K
                .request(endpoint.method(), endpoint.path())
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void unknownEnumValuesAndMalformedQueriesAnswer400NamingTheParameter(String report) {
        Map<String, String> bad = report.endsWith("/chart")
                ? Map.of("phaseId", "phase one!", "from", "01.09.2011", "to", "yesterday")
                : Map.of("groupBy", "shoeSize", "phaseId", "phase one!", "from", "01.09.2011", "to", "yesterday");
        bad.forEach((parameter, value) ->
                given().auth().oauth2(Tokens.coordinator()).queryParam(parameter, value).get(report)
                        .then().statusCode(400).contentType(PROBLEM)
                        .body("violations.field", hasItem(parameter)));
    }

    @Test
    void rolesThatMayNotRebuildAnswer403AndNothingIsRebuilt() {
        String before = state();
        for (String token : List.of(Tokens.coordinator(), Tokens.staff("herne"))) {
            given().auth().oauth2(token).post("/api/v1/projections/rebuild")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(Tokens.staff("herne")).get("/api/v1/projections/status")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.ops()).get("/api/v1/reports/whereabouts")
                .then().statusCode(403).contentType(PROBLEM);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anUnsupportedMediaTypeOrMethodAnswersProblemJson() {
        given().auth().oauth2(Tokens.coordinator()).accept("application/pdf").get("/api/v1/reports/whereabouts")
                .then().statusCode(406).contentType(PROBLEM);
        given().auth().oauth2(Tokens.coordinator()).delete("/api/v1/reports/whereabouts")
                .then().statusCode(405).contentType(PROBLEM);
    }

    /** What a refused request must not touch: the projection generations (only a rebuild changes them). */
    private String state() {
        return Rows.query(db, "SELECT id, state, consumer_group, switched_at, retired_at FROM projection_generation ORDER BY id")
                .toString();
    }
}
