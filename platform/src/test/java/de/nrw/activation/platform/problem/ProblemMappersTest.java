package de.nrw.activation.platform.problem;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** Every failure a client can meet answers application/problem+json with a documented type. */
@QuarkusTest
class ProblemMappersTest {

    private static final String STAFF = Tokens.staff("dortmund");
    private static final String TYPE = Problem.TYPE_BASE;

    @Test
    void domainProblemsKeepTheirStatusTypeAndExtensions() {
        given().auth().oauth2(STAFF).get("/api/problems/conflict").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(TYPE + "thing-taken")).body("title", equalTo("Conflict with current state"))
                .body("status", equalTo(409)).body("detail", equalTo("The thing is taken"));
        given().auth().oauth2(STAFF).get("/api/problems/rule").then().statusCode(422)
                .body("type", equalTo(TYPE + "thing-too-large")).body("rule", equalTo("thing-too-large"));
        given().auth().oauth2(STAFF).get("/api/problems/stale").then().statusCode(412)
                .body("type", equalTo(TYPE + "precondition-failed")).body("currentEtag", equalTo("\"7\""));
        given().auth().oauth2(STAFF).get("/api/problems/forbidden").then().statusCode(403)
                .body("type", equalTo(TYPE + "forbidden"));
    }

    @Test
    void anUnexpectedFailureIsA500WithAnErrorIdAndWithoutItsMessage() {
        given().auth().oauth2(STAFF).get("/api/problems/bug").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo(TYPE + "internal-error"))
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body("detail", containsString("quote error id"))
                .body(not(containsString("Mustermann")));
    }

    @Test
    void aMissingOrForgedTokenIs401WithBearerChallengeAndAWrongRoleIs403() {
        given().get("/api/things/" + java.util.UUID.randomUUID()).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(TYPE + "unauthorized"));
        given().auth().oauth2(Tokens.forged("dortmund")).get("/api/things/" + java.util.UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(STAFF).get("/api/problems/coordinators-only").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(TYPE + "forbidden"));
    }

    /** Issue 18: provider staff see nothing beyond their groups, so a role refusal is a 404 for them, in every service. */
    @Test
    void aRoleRefusalIs404NotFoundForProviderStaffAnd403ForEveryoneElse() {
        given().auth().oauth2(Tokens.providerStaff("dortmund", "bildungswerk-ruhr")).get("/api/problems/coordinators-only")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(TYPE + "not-found")).body("status", equalTo(404))
                .body("detail", equalTo("No such resource"));
        for (String token : new String[] {Tokens.dataProtection("dortmund"), Tokens.ops()}) {
            given().auth().oauth2(token).get("/api/problems/coordinators-only").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(TYPE + "forbidden"));
        }
    }

    @Test
    void invalidFieldsAre400NamingEachField() {
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"name\":\"\",\"kind\":null}")
                .post("/api/things").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(TYPE + "validation-failed"))
                .body("violations", hasSize(2))
                .body("violations.field", hasItem("name")).body("violations.field", hasItem("kind"));
    }

    @Test
    void anUnknownEnumValueIs400ListingTheKnownOnes() {
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"name\":\"x\",\"kind\":\"HUGE\"}")
                .post("/api/things").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", equalTo("must be one of [SMALL, LARGE]"));
    }

    @Test
    void aValueOfTheWrongShapeIs400NamingTheField() {
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"name\":[\"x\"],\"kind\":\"SMALL\"}")
                .post("/api/things").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"));
    }

    @Test
    void malformedJsonAndAMissingBodyAre400() {
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"name\":")
                .post("/api/things").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body(not(containsString("jackson")));
        given().auth().oauth2(STAFF).contentType("application/json")
                .post("/api/things").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(TYPE + "validation-failed"));
    }

    @Test
    void aMalformedIdIs400NotA404() {
        given().auth().oauth2(STAFF).get("/api/things/not-a-uuid").then().statusCode(400)
                .body("violations[0].field", equalTo("id")).body("violations[0].message", equalTo("must be a UUID"));
    }

    @Test
    void anotherJobcentersThingIs404() {
        String id = given().auth().oauth2(STAFF).contentType("application/json")
                .body("{\"name\":\"Mine\",\"kind\":\"LARGE\"}").post("/api/things")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.staff("essen")).get("/api/things/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(TYPE + "not-found"));
    }

    @Test
    void frameworkErrorsOfTheHttpLayerAreProblemsToo() {
        given().auth().oauth2(STAFF).contentType("text/plain").body("name")
                .post("/api/things").then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(TYPE + "unsupported-media-type"));
        given().auth().oauth2(STAFF).contentType("application/json").body("{}")
                .put("/api/things").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo(TYPE + "method-not-allowed"));
        given().auth().oauth2(STAFF).get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemAndNothingIsRead() {
        String name = "x".repeat(300 * 1024);
        given().auth().oauth2(STAFF).contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"kind\":\"SMALL\"}")
                .post("/api/things").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(TYPE + "request-entity-too-large"));
    }
}
