package de.nrw.activation.platform.security;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The same token on the next request is answered from the cache of verified tokens; anything else
 * (another token, a forged one, an expired one, one issued in the future) is verified in full.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    private static final String TYPE = Problem.TYPE_BASE;

    @Inject
    IssuedAtCheck check;

    private static String thing() {
        return "/api/things/" + UUID.randomUUID();
    }

    @Test
    void theSameTokenAgainIsNotVerifiedAgain() {
        String token = Tokens.staff("herne");
        given().auth().oauth2(token).get(thing()).then().statusCode(404).body("type", equalTo(TYPE + "not-found"));
        long before = check.cacheHits();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(thing()).then().statusCode(404).body("type", equalTo(TYPE + "not-found"));
        }
        assertThat(check.cacheHits() - before).isEqualTo(5);
    }

    @Test
    void aCachedTokenDoesNotLetAForgedOrExpiredOneIn() {
        String token = Tokens.staff("herne");
        given().auth().oauth2(token).get(thing()).then().statusCode(404);
        long before = check.cacheHits();
        given().auth().oauth2(Tokens.forged("herne")).get(thing()).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo(TYPE + "unauthorized"));
        given().auth().oauth2(Tokens.expired("herne")).get(thing()).then().statusCode(401);
        given().auth().oauth2(Tokens.issuedInFuture("herne", Duration.ofMinutes(10))).get(thing()).then().statusCode(401);
        given().auth().oauth2(token + "x").get(thing()).then().statusCode(401);
        assertThat(check.cacheHits()).isEqualTo(before);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        String future = Tokens.issuedInFuture("herne", Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(future).get(thing()).then().statusCode(401);
        }
        String mixed = Tokens.withRoles("herne", Roles.STAFF, Roles.COORDINATOR);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(mixed).get(thing()).then().statusCode(403).body("type", equalTo(TYPE + "mixed-roles"));
        }
    }
}
