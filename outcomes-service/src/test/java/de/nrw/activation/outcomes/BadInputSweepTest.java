package de.nrw.activation.outcomes;

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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every endpoint of outcomes-service against bad input (issue 8, OWASP API4/API8): each answers
 * the contract's status as {@code application/problem+json} and changes nothing, checked on the
 * service's tables (an event row is only written in the transaction of a change, so unchanged
 * tables mean no event either). Driven by the table {@link #ENDPOINTS}.
 */
@QuarkusTest
class BadInputSweepTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OWNER = "herne";
    private static final String OTHER = "bochum";

    /** A participant of {@value #OWNER} who was in a group (entered, exited) and has an outcome. */
    record World(String participant, String participation, String outcome) {
        String path(String template) {
            return template.replace("{participation}", participation).replace("{outcome}", outcome);
        }
    }

    /**
     * One endpoint: a valid body (null: none), the enum fields of that body, whether it honours
     * If-Match, and whether it creates (Idempotency-Key). Every id in these paths belongs to a
     * Jobcenter, so another Jobcenter's staff get 404.
     */
    record Endpoint(String method, String path, Function<World, Map<String, Object>> body,
                    List<String> enumFields, boolean takesIfMatch, boolean creates) {
        @Override public String toString() { return method + " " + path; }
        boolean hasBody() { return body != null; }
        boolean hasIds() { return path.contains("{"); }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/outcomes",
                    w -> OutcomeFixtures.employment(UUID.fromString(w.participant()), "2012-04-02"), List.of("kind"), false, true),
            new Endpoint("GET", "/api/v1/outcomes", null, List.of(), false, false),
            new Endpoint("GET", "/api/v1/outcomes/{outcome}", null, List.of(), false, false),
            new Endpoint("PUT", "/api/v1/outcomes/{outcome}", w -> correction(), List.of("kind"), true, false),
            new Endpoint("POST", "/api/v1/participations/{participation}/follow-ups",
                    w -> OutcomeFixtures.followUp("EXIT", "EMPLOYMENT", "2012-04-13"), List.of("checkpoint", "status"), false, true),
            new Endpoint("GET", "/api/v1/participations/{participation}/follow-ups", null, List.of(), false, false),
            new Endpoint("GET", "/api/v1/participations/{participation}/follow-ups/EXIT", null, List.of(), false, false),
            new Endpoint("GET", "/api/v1/follow-ups/due", null, List.of(), false, false));

    static Stream<Endpoint> endpoints() { return ENDPOINTS.stream(); }
    static Stream<Endpoint> withBody() { return endpoints().filter(Endpoint::hasBody); }
    static Stream<Endpoint> withIds() { return endpoints().filter(Endpoint::hasIds); }
    static Stream<Endpoint> withIfMatch() { return endpoints().filter(Endpoint::takesIfMatch); }

    @Inject
    AgroalDataSource db;

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutAValidTokenEveryEndpointAnswers401AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        for (String token : new String[] {null, Tokens.expired(OWNER), Tokens.forged(OWNER), "not.a.jwt"}) {
            RequestSpecification request = given().contentType(ContentType.JSON);
            if (token != null) {
                request.auth().oauth2(token);
            }
            send(request, endpoint, world, endpoint.hasBody() ? endpoint.body().apply(world) : null)
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", equalTo("Bearer")).body("status", equalTo(401));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void malformedJsonAnswers400AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        for (String malformed : new String[] {"{\"kind\": ", "not json at all", "[1,2", ""}) {
            send(OutcomeFixtures.asStaff(OWNER), endpoint, world, malformed)
                    .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void unknownEnumValuesAnswer400NamingTheFieldAndChangeNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        for (String field : endpoint.enumFields()) {
            Map<String, Object> body = endpoint.body().apply(world);
            body.put(field, "NO_SUCH_VALUE");
            send(OutcomeFixtures.asStaff(OWNER), endpoint, world, body)
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem(field));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void anOversizedBodyAnswers413AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        Map<String, Object> body = endpoint.body().apply(world);
        body.put("employer", "x".repeat(300 * 1024)); // over quarkus.http.limits.max-body-size=256K
        send(OutcomeFixtures.asStaff(OWNER), endpoint, world, body)
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIds")
    void anotherJobcentersIdsAnswer404AsIfMissingAndChangeNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        RequestSpecification request = OutcomeFixtures.asStaff(OTHER);
        if (endpoint.takesIfMatch()) {
            request.header("If-Match", "\"0\"");
        }
        send(request, endpoint, world, endpoint.hasBody() ? endpoint.body().apply(world) : null)
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anotherJobcentersParticipantCannotGetAnOutcomeAndIsNotListed() {
        World world = world();
        String before = state();
        OutcomeFixtures.asStaff(OTHER).body(OutcomeFixtures.employment(UUID.fromString(world.participant()), "2012-04-02"))
                .post("/api/v1/outcomes").then().statusCode(404).contentType(PROBLEM);
        OutcomeFixtures.asStaff(OTHER).queryParam("participantId", world.participant()).get("/api/v1/outcomes")
                .then().statusCode(200).header("X-Total-Count", "0");
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIds")
    void malformedIdsAnswer400AndChangeNothing(Endpoint endpoint) {
        World world = world();
        World broken = new World(world.participant(), "not-a-uuid", "not-a-uuid");
        String before = state();
        send(OutcomeFixtures.asStaff(OWNER), endpoint, broken, endpoint.hasBody() ? endpoint.body().apply(world) : null)
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("id"));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIfMatch")
    void aStaleIfMatchAnswers412AndChangesNothing(Endpoint endpoint) {
        World world = world();
        OutcomeFixtures.asStaff(OWNER).header("If-Match", "\"0\"").body(correction()).put(world.path("/api/v1/outcomes/{outcome}"))
                .then().statusCode(200);
        String before = state();
        Map<String, Object> other = endpoint.body().apply(world);
        other.put("kind", "SELF_EMPLOYMENT");
        send(OutcomeFixtures.asStaff(OWNER).header("If-Match", "\"0\""), endpoint, world, other)
                .then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void everyCreatingEndpointReplaysAnIdempotencyKeyAndCreatesNothingNew() {
        for (Endpoint endpoint : ENDPOINTS.stream().filter(Endpoint::creates).toList()) {
            World world = world();
            Map<String, Object> body = endpoint.body().apply(world);
            String key = "sweep-" + UUID.randomUUID();
            Response first = send(OutcomeFixtures.asStaff(OWNER).header("Idempotency-Key", key), endpoint, world, body);
            first.then().statusCode(201);
            String before = state();
            Response replay = send(OutcomeFixtures.asStaff(OWNER).header("Idempotency-Key", key), endpoint, world, body);
            replay.then().statusCode(201);
            assertThat(replay.body().asString()).as(endpoint.toString()).isEqualTo(first.body().asString());
            assertThat(state()).as(endpoint.toString()).isEqualTo(before);
        }
    }

    @Test
    void pageSizeIsCappedAt500AndBadQueriesAnswer400() {
        for (String path : List.of("/api/v1/outcomes", "/api/v1/follow-ups/due")) {
            OutcomeFixtures.asStaff(OWNER).queryParam("size", 500).get(path).then().statusCode(200);
            OutcomeFixtures.asStaff(OWNER).queryParam("size", 501).get(path)
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("size"));
            OutcomeFixtures.asStaff(OWNER).queryParam("page", "x").get(path)
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("page"));
        }
        OutcomeFixtures.asStaff(OWNER).queryParam("until", "tomorrow").get("/api/v1/follow-ups/due")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("until"));
    }

    // --- helpers

    private World world() {
        UUID participant = OutcomeFixtures.knownParticipant(db, OWNER);
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, OWNER,
                LocalDate.parse("2012-03-05"), LocalDate.parse("2012-04-13"));
        String outcome = OutcomeFixtures.record(OWNER, OutcomeFixtures.employment(participant, "2012-04-02"));
        return new World(participant.toString(), participation.toString(), outcome);
    }

    private static Map<String, Object> correction() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "APPRENTICESHIP");
        body.put("startDate", "2012-04-02");
        return body;
    }

    private static Response send(RequestSpecification request, Endpoint endpoint, World world, Object body) {
        if (endpoint.hasBody() && body != null) {
            request.body(body);
        }
        return request.request(endpoint.method(), world.path(endpoint.path()));
    }

    /** Every table of the service that a request could change. */
    private String state() {
        StringBuilder state = new StringBuilder();
        for (String table : List.of("outcome", "follow_up", "participation", "known_participant", "idempotency_record")) {
            // each row as its text literal: JDBC array objects print differently once statements are server-prepared
            state.append(table).append(Rows.query(db, "SELECT t::text AS row FROM " + table + " t ORDER BY 1"));
        }
        return state.toString();
    }
}
