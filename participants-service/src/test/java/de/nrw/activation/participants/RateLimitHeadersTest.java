package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The RateLimit-Limit / -Remaining / -Reset headers the OpenAPI document declares on every answer,
 * with the exact counts of the caller's bucket: the low limit of {@link RateLimitTest} (burst 3, one
 * token every 5 s, the id paths cost the whole bucket) on the ticker the test moves.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowRateLimit.class)
class RateLimitHeadersTest {

    @Inject
    ManualTicker ticker;

    @Test
    void everyAnswerSaysTheBurstTheRequestsLeftAndTheSecondsUntilTheBucketIsFull() {
        String caller = Tokens.staff("castrop-rauxel", "headers-" + UUID.randomUUID());
        given().auth().oauth2(caller).get("/api/v1/participants").then().statusCode(200)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2").header("RateLimit-Reset", "5");
        given().auth().oauth2(caller).get("/api/v1/participants?page=x").then().statusCode(400)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "1").header("RateLimit-Reset", "10");
        given().auth().oauth2(caller).get("/api/v1/participants").then().statusCode(200)
                .header("RateLimit-Remaining", "0").header("RateLimit-Reset", "15");
        // refused: nothing taken, still full in 15 s; Retry-After is the next token's 5 s
        given().auth().oauth2(caller).get("/api/v1/participants").then().statusCode(429)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "0").header("RateLimit-Reset", "15")
                .header("Retry-After", "5").body("retryAfter", equalTo(5));
        // 5 s later one token is back: this request takes it
        ticker.advance(Duration.ofSeconds(5));
        given().auth().oauth2(caller).get("/api/v1/participants").then().statusCode(200)
                .header("RateLimit-Remaining", "0").header("RateLimit-Reset", "15");
        // an hour later the bucket is full; an expensive request (cost 3 here) empties it, a 404 included
        ticker.advance(Duration.ofHours(1));
        given().auth().oauth2(caller).get("/api/v1/participants/" + UUID.randomUUID()).then().statusCode(404)
                .header("RateLimit-Remaining", "0").header("RateLimit-Reset", "15");
    }

    @Test
    void answersWithoutAValidTokenCarryTheAddressBucketsHeaders() {
        // the address bucket is shared with RateLimitTest's anonymous callers: 401 or 429, headers either way
        ticker.advance(Duration.ofHours(1));
        given().get("/api/v1/participants").then().statusCode(401)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue());
    }
}
