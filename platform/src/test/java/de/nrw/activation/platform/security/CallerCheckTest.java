package de.nrw.activation.platform.security;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Tokens the services could only guess about are refused before any resource runs. */
@QuarkusTest
class CallerCheckTest {

    private static final String TYPE = Problem.TYPE_BASE;

    private static String thing() {
        return "/api/things/" + UUID.randomUUID();
    }

    @Test
    void aTokenWithTwoOfTheSuitesRolesIsRefusedWithMixedRoles() {
        given().auth().oauth2(Tokens.withRoles("herne", Roles.STAFF, Roles.COORDINATOR)).get(thing())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(TYPE + "mixed-roles"))
                .body("detail", containsString("coordinator"));
        given().auth().oauth2(Tokens.withRoles("herne", Roles.STAFF, Roles.OPS)).get(thing())
                .then().statusCode(403).body("type", equalTo(TYPE + "mixed-roles"));
        given().auth().oauth2(Tokens.withRoles("herne", Roles.STAFF, Roles.PROVIDER_STAFF)).get(thing())
                .then().statusCode(403).body("type", equalTo(TYPE + "mixed-roles"));
        given().auth().oauth2(Tokens.withRoles("herne", Roles.STAFF, Roles.DATA_PROTECTION)).get(thing())
                .then().statusCode(403).body("type", equalTo(TYPE + "mixed-roles"));
        // writes too: nothing is stored for a mixed token
        given().auth().oauth2(Tokens.withRoles("herne", Roles.STAFF, Roles.COORDINATOR))
                .contentType("application/json").body("{\"name\":\"mixed\",\"kind\":\"SMALL\"}")
                .post("/api/things").then().statusCode(403).body("type", equalTo(TYPE + "mixed-roles"));
    }

    @Test
    void oneRoleWithARoleOutsideTheSuiteIsNoMix() {
        // "offline_access" and the like come with Keycloak tokens; only the suite's roles are exclusive
        given().auth().oauth2(Tokens.withRoles("herne", Roles.STAFF, "offline_access")).get(thing())
                .then().statusCode(404).body("type", equalTo(TYPE + "not-found"));
    }

    @Test
    void aJobcenterClaimThatIsNotASlugIsRefusedNotRepaired() {
        for (Object claim : new Object[] {"he\"rne", "Herne", "herne ", "h", "herne/bochum", "x".repeat(41), 42}) {
            given().auth().oauth2(Tokens.staffWithJobcenterClaim(claim)).get(thing())
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(TYPE + "invalid-claim"))
                    .body("detail", containsString("'jobcenter'"))
                    .body("detail", not(containsString("he\"rne")));
        }
        // a valid slug passes the check (and the thing is simply not there)
        given().auth().oauth2(Tokens.staffWithJobcenterClaim("herne-2")).get(thing())
                .then().statusCode(404).body("type", equalTo(TYPE + "not-found"));
    }

    @Test
    void aProviderClaimThatIsNotASlugIsRefused() {
        given().auth().oauth2(Tokens.providerStaffWithProviderClaim("herne", "bildungs\"werk")).get(thing())
                .then().statusCode(403).body("type", equalTo(TYPE + "invalid-claim"))
                .body("detail", containsString("'provider'"));
        // a valid provider claim: the role is checked as before (things are for staff only), and a
        // role refusal answers provider staff 404, as if the thing did not exist (issue 18)
        given().auth().oauth2(Tokens.providerStaff("herne", "bildungswerk")).get(thing())
                .then().statusCode(404).body("type", equalTo(TYPE + "not-found"));
    }

    @Test
    void requestsWithoutAValidTokenStillAnswer401() {
        given().get(thing()).then().statusCode(401).body("type", equalTo(TYPE + "unauthorized"));
        given().auth().oauth2(Tokens.forged("herne")).get(thing()).then().statusCode(401);
    }
}
