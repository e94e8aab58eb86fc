package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every endpoint of participants-service against bad input (issue 8, OWASP API4/API8): each
 * answers the contract's status as {@code application/problem+json} and changes nothing.
 * "Nothing" is checked on the stored rows: the participant table and the idempotency records
 * (an event is only ever written in the transaction of a change, so an unchanged table means
 * no event either). Driven by the table {@link #ENDPOINTS}: a new endpoint is one more line.
 */
@QuarkusTest
class BadInputSweepTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OWNER = "herne";
    private static final String OTHER = "bochum";

    /**
     * The endpoint table. {@code {id}} is replaced by a participant of {@value #OWNER};
     * {@code body} gives a valid body for that participant (null: the endpoint takes none).
     */
    record Endpoint(String method, String path, Function<String, Map<String, Object>> body,
                    boolean takesIfMatch, boolean creates) {
        boolean hasId() { return path.contains("{id}"); }
        boolean hasBody() { return body != null; }
        String pathFor(String id) { return path.replace("{id}", id); }
        @Override public String toString() { return method + " " + path; }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/participants", id -> ParticipantFixtures.registration(OWNER), false, true),
            new Endpoint("GET", "/api/v1/participants", null, false, false),
            new Endpoint("GET", "/api/v1/participants/{id}", null, false, false),
            new Endpoint("GET", "/api/v1/participants/{id}/age-band?on=2012-03-05", null, false, false),
            new Endpoint("PUT", "/api/v1/participants/{id}", id -> ChangeParticipantTest.change(), true, false),
            new Endpoint("DELETE", "/api/v1/participants/{id}", null, true, false));

    static Stream<Endpoint> endpoints() { return ENDPOINTS.stream(); }
    static Stream<Endpoint> withBody() { return endpoints().filter(Endpoint::hasBody); }
    static Stream<Endpoint> withId() { return endpoints().filter(Endpoint::hasId); }
    static Stream<Endpoint> withIfMatch() { return endpoints().filter(Endpoint::takesIfMatch); }

    @Inject
    AgroalDataSource db;

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutAValidTokenEveryEndpointAnswers401AndChangesNothing(Endpoint endpoint) {
        String id = ParticipantFixtures.register(OWNER);
        String before = state();
        for (String token : new String[] {null, Tokens.expired(OWNER), Tokens.forged(OWNER), "not.a.jwt"}) {
            RequestSpecification request = given().contentType(ContentType.JSON);
            if (token != null) {
                request.auth().oauth2(token);
            }
            send(request, endpoint, id, validBody(endpoint, id))
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .body("status", equalTo(401));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void malformedJsonAnswers400AndChangesNothing(Endpoint endpoint) {
        String id = ParticipantFixtures.register(OWNER);
        String before = state();
        for (String malformed : new String[] {"{\"firstName\": ", "not json at all", "[1,2", ""}) {
            send(staff(OWNER), endpoint, id, malformed)
                    .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void unknownEnumValuesAnswer400NamingTheFieldAndChangeNothing(Endpoint endpoint) {
        String id = ParticipantFixtures.register(OWNER);
        String before = state();
        for (String field : List.of("gender", "customerType", "labourMarketDistance")) {
            Map<String, Object> body = validBody(endpoint, id);
            body.put(field, "NO_SUCH_VALUE");
            send(staff(OWNER), endpoint, id, body)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations.field", hasItem(field));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void anOversizedBodyAnswers413AndChangesNothing(Endpoint endpoint) {
        String id = ParticipantFixtures.register(OWNER);
        String before = state();
        Map<String, Object> body = validBody(endpoint, id);
        body.put("lastName", "x".repeat(300 * 1024)); // over quarkus.http.limits.max-body-size=256K
        send(staff(OWNER), endpoint, id, body)
                .then().statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413))
                .body("title", equalTo("Request Entity Too Large"));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withId")
    void anotherJobcentersParticipantAnswers404AsIfMissingAndChangesNothing(Endpoint endpoint) {
        String id = ParticipantFixtures.register(OWNER);
        String before = state();
        RequestSpecification request = staff(OTHER);
        if (endpoint.takesIfMatch()) {
            request.header("If-Match", "\"0\"");
        }
        send(request, endpoint, id, endpoint.hasBody() ? endpoint.body().apply(id) : null)
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        send(staff(OWNER), endpoint, java.util.UUID.randomUUID().toString(),
                endpoint.hasBody() ? endpoint.body().apply(id) : null)
                .then().statusCode(404).contentType(PROBLEM);
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withId")
    void aMalformedIdAnswers400NamingTheParameter(Endpoint endpoint) {
        String before = state();
        send(staff(OWNER), endpoint, "not-a-uuid", endpoint.hasBody() ? endpoint.body().apply(null) : null)
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("id"));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIfMatch")
    void aStaleIfMatchAnswers412AndChangesNothing(Endpoint endpoint) {
        String id = ParticipantFixtures.register(OWNER);
        Map<String, Object> touch = ChangeParticipantTest.change();
        staff(OWNER).header("If-Match", "\"0\"").body(touch).put("/api/v1/participants/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        String before = state();
        send(staff(OWNER).header("If-Match", "\"0\""), endpoint, id,
                endpoint.hasBody() ? endpoint.body().apply(id) : null)
                .then().statusCode(412).contentType(PROBLEM).body("currentEtag", equalTo("\"1\""));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void everyCreatingEndpointReplaysAnIdempotencyKeyAndCreatesNothingNew() {
        for (Endpoint endpoint : ENDPOINTS.stream().filter(Endpoint::creates).toList()) {
            Map<String, Object> body = endpoint.body().apply(null);
            String key = "sweep-" + java.util.UUID.randomUUID();
            Response first = send(staff(OWNER).header("Idempotency-Key", key), endpoint, null, body);
            first.then().statusCode(201);
            String before = state();
            Response replay = send(staff(OWNER).header("Idempotency-Key", key), endpoint, null, body);
            replay.then().statusCode(201).header("Location", equalTo(first.header("Location")));
            assertThat(replay.jsonPath().getString("id")).as(endpoint.toString())
                    .isEqualTo(first.jsonPath().getString("id"));
            assertThat(state()).as(endpoint.toString()).isEqualTo(before);

            body.put("firstName", "Different");
            send(staff(OWNER).header("Idempotency-Key", key), endpoint, null, body)
                    .then().statusCode(422).contentType(PROBLEM);
            assertThat(state()).as(endpoint.toString()).isEqualTo(before);
        }
    }

    @Test
    void pageSizeIsCappedAt500AndBadPagingAnswers400() {
        staff(OWNER).queryParam("size", 500).get("/api/v1/participants").then().statusCode(200);
        for (Map.Entry<String, String> bad : Map.of("size", "501", "page", "-1").entrySet()) {
            staff(OWNER).queryParam(bad.getKey(), bad.getValue()).get("/api/v1/participants")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations.field", hasItem(bad.getKey()));
        }
        staff(OWNER).queryParam("size", "abc").get("/api/v1/participants")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("size"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void aBodyThatIsNotJsonAnswers415AndChangesNothing(Endpoint endpoint) {
        String id = ParticipantFixtures.register(OWNER);
        String before = state();
        send(given().auth().oauth2(Tokens.staff(OWNER)).contentType(ContentType.TEXT), endpoint, id, "firstName=Erika")
                .then().statusCode(415).contentType(PROBLEM);
        assertThat(state()).isEqualTo(before);
    }

    // --- helpers

    private static RequestSpecification staff(String jobcenter) {
        return ParticipantFixtures.asStaff(jobcenter);
    }

    private static Map<String, Object> validBody(Endpoint endpoint, String id) {
        return endpoint.hasBody() ? endpoint.body().apply(id) : new java.util.HashMap<>();
    }

    private static Response send(RequestSpecification request, Endpoint endpoint, String id, Object body) {
        if (endpoint.hasBody() && body != null) {
            request.body(body);
        }
        return request.request(endpoint.method(), endpoint.pathFor(id == null ? "" : id));
    }

    /**
     * What a bad request must not touch: the participants and the idempotency records. (Outbox
     * rows are deleted by the relay once sent, so their count moves on its own; an event row is
     * only ever written in the transaction of a participant change, which this compares.)
     */
    private String state() {
        return Rows.query(db, "SELECT * FROM participant ORDER BY id").toString()
                + Rows.query(db, "SELECT principal, idem_key, status FROM idempotency_record ORDER BY principal, idem_key");
    }
}
