package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * OWASP API4: one client cannot exhaust the service. The per-caller token bucket of the
 * platform (api.rate-limit.*), set very low here; the defaults (500/s, burst 1000) never
 * throttle the other tests, the demo loader or the benchmarks.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowRateLimit.class)
class RateLimitTest {

    static final int BURST = 3;
    /** One token every 5 s: slow enough that a slow test machine cannot refill the bucket between requests. */
    static final String PER_SECOND = "0.2";

    public static class LowRateLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.rate-limit.per-second", PER_SECOND, "api.rate-limit.burst", String.valueOf(BURST));
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void warmUp() {
        // The first requests of a fresh application are slow; a caller of its own takes that.
        given().auth().oauth2(Tokens.staff("warm-up-" + System.nanoTime())).get("/api/v1/participants");
    }

    @Test
    void aCallerOverItsBurstGets429ProblemWithRetryAfterWhileOtherCallersAreServed() {
        String greedy = Tokens.staff("gelsenkirchen");
        for (int i = 0; i < BURST; i++) {
            given().auth().oauth2(greedy).get("/api/v1/participants").then().statusCode(200);
        }
        given().auth().oauth2(greedy).get("/api/v1/participants")
                .then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("https://activation.nrw.example/problems/too-many-requests"))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));

        // Another caller has its own bucket: unaffected by the greedy one.
        given().auth().oauth2(Tokens.staff("dortmund")).get("/api/v1/participants").then().statusCode(200);

        // The bucket refills at the sustained rate: the greedy caller is served again.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(greedy).get("/api/v1/participants").then().statusCode(200));
    }

    @Test
    void aThrottledWriteStoresNothing() {
        String writer = Tokens.staff("recklinghausen");
        for (int i = 0; i < BURST; i++) {
            given().auth().oauth2(writer).get("/api/v1/participants").then().statusCode(200);
        }
        given().auth().oauth2(writer).contentType("application/json")
                .body(ParticipantFixtures.registration("recklinghausen"))
                .post("/api/v1/participants").then().statusCode(429).contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(writer).get("/api/v1/participants")
                        .then().statusCode(200).header("X-Total-Count", "0"));
    }

    @Test
    void callersWithoutAValidTokenShareTheirAddressBucketSoForgedTokensBuyNoFreshBucket() {
        // No token, a forged and an expired one: all count against the client address.
        String[] tokens = {null, Tokens.forged("herne"), Tokens.expired("herne")};
        int answered401 = 0;
        boolean throttled = false;
        for (int i = 0; i < BURST + 3 && !throttled; i++) {
            String token = tokens[i % tokens.length];
            var request = token == null ? given() : given().auth().oauth2(token);
            int status = request.get("/api/v1/participants").then().extract().statusCode();
            if (status == 401) {
                answered401++;
            } else {
                org.assertj.core.api.Assertions.assertThat(status).isEqualTo(429);
                throttled = true;
            }
        }
        org.assertj.core.api.Assertions.assertThat(throttled).isTrue();
        org.assertj.core.api.Assertions.assertThat(answered401).isLessThanOrEqualTo(BURST);
        // A verified caller is unaffected by the anonymous address bucket.
        given().auth().oauth2(Tokens.staff("hamm")).get("/api/v1/participants").then().statusCode(200);
    }

    @Test
    void operationsEndpointsAreNotLimited() {
        for (int i = 0; i < BURST * 3; i++) {
            given().get("/q/health/live").then().statusCode(200);
        }
    }
}
