package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * OWASP API4: one client cannot exhaust the service. The per-caller token bucket of the
 * platform (api.rate-limit.*), set very low here; the defaults (500/s, burst 1000) never
 * throttle the other tests, the demo loader or the benchmarks. The buckets' ticker is moved by
 * the test (ManualTicker), so a refill costs no waiting and nothing refills behind a test's back.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowRateLimit.class)
class RateLimitTest {

    static final int BURST = 3;
    /** One token every 5 s. */
    static final String PER_SECOND = "0.2";
    static final Duration ONE_TOKEN = Duration.ofSeconds(5);

    public static class LowRateLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // participants-service has no report: its id paths stand in for an expensive endpoint here
            return Map.of("api.rate-limit.per-second", PER_SECOND, "api.rate-limit.burst", String.valueOf(BURST),
                    "api.rate-limit.expensive-paths", "/api/v1/participants/",
                    "api.rate-limit.expensive-cost", String.valueOf(BURST));
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ManualTicker.class);
        }
    }

    @Inject
    ManualTicker ticker;

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
                .body("retryAfter", equalTo(5))
                .header("Retry-After", "5");

        // Another caller has its own bucket: unaffected by the greedy one.
        given().auth().oauth2(Tokens.staff("dortmund")).get("/api/v1/participants").then().statusCode(200);

        // Two seconds later the next token is three seconds away.
        ticker.advance(Duration.ofSeconds(2));
        given().auth().oauth2(greedy).get("/api/v1/participants").then().statusCode(429).header("Retry-After", "3");

        // The bucket refills at the sustained rate: one token, one more request, then 429 again.
        ticker.advance(Duration.ofSeconds(3));
        given().auth().oauth2(greedy).get("/api/v1/participants").then().statusCode(200);
        given().auth().oauth2(greedy).get("/api/v1/participants").then().statusCode(429).header("Retry-After", "5");
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

        ticker.advance(ONE_TOKEN);
        given().auth().oauth2(writer).get("/api/v1/participants")
                .then().statusCode(200).header("X-Total-Count", "0");
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
                assertThat(status).isEqualTo(429);
                throttled = true;
            }
        }
        assertThat(throttled).isTrue();
        assertThat(answered401).isLessThanOrEqualTo(BURST);
        // A verified caller is unaffected by the anonymous address bucket.
        given().auth().oauth2(Tokens.staff("hamm")).get("/api/v1/participants").then().statusCode(200);
    }

    @Test
    void operationsEndpointsAreNotLimited() {
        for (int i = 0; i < BURST * 3; i++) {
            given().get("/q/health/live").then().statusCode(200);
        }
    }

    @Test
    void staffOfTwoJobcentersWithTheSameUserNameHaveABucketEach() {
        // the bucket is keyed by Jobcenter and subject: one greedy "m.schmidt" does not throttle the other
        String inBottrop = Tokens.staff("bottrop", "m.schmidt");
        String inBochum = Tokens.staff("bochum", "m.schmidt");
        for (int i = 0; i < BURST; i++) {
            given().auth().oauth2(inBottrop).get("/api/v1/participants").then().statusCode(200);
        }
        given().auth().oauth2(inBottrop).get("/api/v1/participants").then().statusCode(429);
        given().auth().oauth2(inBochum).get("/api/v1/participants").then().statusCode(200);
    }

    @Test
    void anExpensiveRequestCostsMoreThanOne() {
        String reader = Tokens.staff("herten");
        // one expensive request (cost = burst) takes the whole bucket: the next cheap one waits
        given().auth().oauth2(reader).get("/api/v1/participants/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(reader).get("/api/v1/participants").then().statusCode(429).header("Retry-After", "5");
        // a cheap caller can send three requests in the same time
        ticker.advance(ONE_TOKEN.multipliedBy(BURST));
        for (int i = 0; i < BURST; i++) {
            given().auth().oauth2(reader).get("/api/v1/participants").then().statusCode(200);
        }
        // and an expensive one needs the whole bucket back: 3 tokens, 15 s
        given().auth().oauth2(reader).get("/api/v1/participants/" + java.util.UUID.randomUUID())
                .then().statusCode(429).header("Retry-After", "15");
    }
}
