package de.nrw.activation.groups;

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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every endpoint of groups-service against bad input (issue 8, OWASP API4/API8): each answers
 * the contract's status as {@code application/problem+json} and changes nothing, checked on
 * every table of the service (an event row is only written in the transaction of a change, so
 * unchanged tables mean no event either). Driven by the table {@link #ENDPOINTS}.
 */
@QuarkusTest
class BadInputSweepTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OWNER = "herne";
    private static final String OTHER = "bochum";
    private static final String SESSION_DAY = "2012-03-05"; // the first Monday of the world's group
    private static final AtomicInteger PHASES = new AtomicInteger();

    /** A group of {@value #OWNER} with one participant in it: the ids the paths name. */
    record World(String group, String participant, String participation) {
        String path(String template) {
            return template.replace("{group}", group).replace("{participation}", participation)
                    .replace("{phase}", "PHASE_1").replace("{date}", SESSION_DAY);
        }
    }

    enum Caller { STAFF, COORDINATOR }

    /**
     * One endpoint: who may call it, a valid body (null: none), a way to put an unknown enum
     * value into that body (null: it has no enum), whether it honours If-Match, whether it
     * creates (Idempotency-Key), and whether its ids belong to a Jobcenter (another's: 404).
     */
    record Endpoint(String method, String path, Caller caller, Function<World, Object> body,
                    UnaryOperator<Object> unknownEnum, boolean takesIfMatch, boolean creates, boolean tenantIds) {
        @Override public String toString() { return method + " " + path; }
        boolean hasBody() { return body != null; }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/phases", Caller.STAFF, null, null, false, false, false),
            new Endpoint("GET", "/api/v1/phases/{phase}", Caller.STAFF, null, null, false, false, false),
            new Endpoint("POST", "/api/v1/phases", Caller.COORDINATOR, w -> newPhase(), null, false, true, false),
            new Endpoint("PUT", "/api/v1/phases/{phase}", Caller.COORDINATOR, w -> phaseChange(), null, true, false, false),
            new Endpoint("POST", "/api/v1/groups", Caller.STAFF, w -> Fixtures.herneGroup(),
                    b -> with(b, "provider", Map.of("type", "CHARITY", "name", "X")), false, true, false),
            new Endpoint("GET", "/api/v1/groups", Caller.STAFF, null, null, false, false, false),
            new Endpoint("GET", "/api/v1/groups/{group}", Caller.STAFF, null, null, false, false, true),
            new Endpoint("POST", "/api/v1/groups/{group}/cancel", Caller.STAFF, null, null, true, false, true),
            new Endpoint("GET", "/api/v1/groups/{group}/sessions", Caller.STAFF, null, null, false, false, true),
            new Endpoint("POST", "/api/v1/groups/{group}/sessions/{date}/cancel", Caller.STAFF, null, null, true, false, true),
            new Endpoint("POST", "/api/v1/groups/{group}/sessions/{date}/move", Caller.STAFF,
                    w -> new HashMap<>(Map.of("newDate", "2012-03-06")), null, true, false, true),
            new Endpoint("PUT", "/api/v1/groups/{group}/sessions/{date}/attendance", Caller.STAFF,
                    w -> new ArrayList<>(List.of(new HashMap<>(Map.of("participantId", w.participant(), "status", "PRESENT")))),
                    b -> List.of(Map.of("participantId", UUID.randomUUID().toString(), "status", "ASLEEP")), false, false, true),
            new Endpoint("GET", "/api/v1/groups/{group}/sessions/{date}/attendance", Caller.STAFF, null, null, false, false, true),
            new Endpoint("GET", "/api/v1/groups/{group}/absences", Caller.STAFF, null, null, false, false, true),
            new Endpoint("POST", "/api/v1/groups/{group}/participations", Caller.STAFF,
                    w -> new HashMap<>(Map.of("participantId", w.participant(), "entryDate", SESSION_DAY)), null, false, false, true),
            new Endpoint("GET", "/api/v1/groups/{group}/participations", Caller.STAFF, null, null, false, false, true),
            new Endpoint("GET", "/api/v1/participations/{participation}", Caller.STAFF, null, null, false, false, true),
            new Endpoint("POST", "/api/v1/participations/{participation}/exit", Caller.STAFF,
                    w -> new HashMap<>(Map.of("exitDate", "2012-03-20", "reason", "COMPLETED")),
                    b -> with(b, "reason", "RETIRED"), true, false, true));

    static Stream<Endpoint> endpoints() { return ENDPOINTS.stream(); }
    static Stream<Endpoint> withBody() { return endpoints().filter(Endpoint::hasBody); }
    static Stream<Endpoint> withEnum() { return endpoints().filter(e -> e.unknownEnum() != null); }
    static Stream<Endpoint> withTenantIds() { return endpoints().filter(Endpoint::tenantIds); }
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
        for (String malformed : new String[] {"{\"name\": ", "not json at all", "[{\"x\":", ""}) {
            send(as(endpoint.caller(), OWNER), endpoint, world, malformed)
                    .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withEnum")
    void unknownEnumValuesAnswer400AndChangeNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        send(as(endpoint.caller(), OWNER), endpoint, world, endpoint.unknownEnum().apply(endpoint.body().apply(world)))
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void anOversizedBodyAnswers413AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        String padding = "x".repeat(300 * 1024); // over quarkus.http.limits.max-body-size=256K
        Object body = endpoint.body().apply(world);
        Object huge = body instanceof List<?> list
                ? List.of(list.get(0), Map.of("participantId", padding))
                : with(body, "padding", padding);
        send(as(endpoint.caller(), OWNER), endpoint, world, huge)
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTenantIds")
    void anotherJobcentersIdsAnswer404AsIfMissingAndChangeNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        RequestSpecification request = as(endpoint.caller(), OTHER);
        if (endpoint.takesIfMatch()) {
            request.header("If-Match", "\"0\"");
        }
        send(request, endpoint, world, endpoint.hasBody() ? endpoint.body().apply(world) : null)
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTenantIds")
    void malformedIdsAnswer400AndChangeNothing(Endpoint endpoint) {
        World world = world();
        World broken = new World("not-a-uuid", world.participant(), "not-a-uuid");
        String before = state();
        send(as(endpoint.caller(), OWNER), endpoint, broken, endpoint.hasBody() ? endpoint.body().apply(world) : null)
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("id"));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIfMatch")
    void aStaleIfMatchAnswers412AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        send(as(endpoint.caller(), OWNER).header("If-Match", "\"987654\""), endpoint, world,
                endpoint.hasBody() ? endpoint.body().apply(world) : null)
                .then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void everyCreatingEndpointReplaysAnIdempotencyKeyAndCreatesNothingNew() {
        World world = world();
        List<Endpoint> creating = new ArrayList<>(ENDPOINTS.stream().filter(Endpoint::creates).toList());
        // entering a participant creates a participation too; it needs a participant not yet in the group
        creating.add(new Endpoint("POST", "/api/v1/groups/{group}/participations", Caller.STAFF,
                w -> new HashMap<>(Map.of("participantId", Fixtures.knownParticipant(db, OWNER), "entryDate", SESSION_DAY)),
                null, false, true, true));
        for (Endpoint endpoint : creating) {
            Object body = endpoint.body().apply(world);
            String key = "sweep-" + UUID.randomUUID();
            Response first = send(as(endpoint.caller(), OWNER).header("Idempotency-Key", key), endpoint, world, body);
            first.then().statusCode(201);
            String before = state();
            Response replay = send(as(endpoint.caller(), OWNER).header("Idempotency-Key", key), endpoint, world, body);
            replay.then().statusCode(201);
            assertThat(replay.jsonPath().getString("id")).as(endpoint.toString()).isEqualTo(first.jsonPath().getString("id"));
            assertThat(state()).as(endpoint.toString()).isEqualTo(before);
        }
    }

    @Test
    void pageSizeIsCappedAt500AndBadPagingAnswers400() {
        World world = world();
        for (String path : List.of("/api/v1/groups", world.path("/api/v1/groups/{group}/participations"))) {
            Fixtures.asStaff(OWNER).queryParam("size", 500).get(path).then().statusCode(200);
            Fixtures.asStaff(OWNER).queryParam("size", 501).get(path)
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("size"));
            Fixtures.asStaff(OWNER).queryParam("page", -1).get(path)
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("page"));
        }
    }

    @Test
    void aCoordinatorOnlyEndpointAnswers403ToStaffAndChangesNothing() {
        String before = state();
        Fixtures.asStaff(OWNER).body(newPhase()).post("/api/v1/phases").then().statusCode(403).contentType(PROBLEM);
        Fixtures.asStaff(OWNER).header("If-Match", "\"0\"").body(phaseChange()).put("/api/v1/phases/PHASE_1")
                .then().statusCode(403).contentType(PROBLEM);
        assertThat(state()).isEqualTo(before);
    }

    // --- helpers

    private World world() {
        String group = Fixtures.schedule(Fixtures.herneGroup());
        String participant = Fixtures.knownParticipant(db, OWNER);
        String participation = Fixtures.enter(OWNER, group, participant, SESSION_DAY);
        return new World(group, participant, participation);
    }

    private static RequestSpecification as(Caller caller, String jobcenter) {
        return caller == Caller.COORDINATOR ? Fixtures.asCoordinator() : Fixtures.asStaff(jobcenter);
    }

    private static Response send(RequestSpecification request, Endpoint endpoint, World world, Object body) {
        if (endpoint.hasBody() && body != null) {
            request.body(body);
        }
        return request.request(endpoint.method(), world.path(endpoint.path()));
    }

    private static Map<String, Object> newPhase() {
        Map<String, Object> body = new HashMap<>();
        body.put("id", "SWEEP_" + System.nanoTime() + "_" + PHASES.incrementAndGet());
        body.put("name", "Sweep phase");
        body.put("startDate", "2020-01-01");
        body.put("endDate", "2020-12-31");
        body.put("jobcenterIds", List.of(OWNER));
        return body;
    }

    private static Map<String, Object> phaseChange() {
        Map<String, Object> body = newPhase();
        body.remove("id");
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Object with(Object body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) body);
        copy.put(field, value);
        return copy;
    }

    /** Every table of the service that a request could change. */
    private String state() {
        StringBuilder state = new StringBuilder();
        for (String table : List.of("phase", "phase_jobcenter", "activation_group", "group_session",
                "participation", "attendance", "idempotency_record")) {
            // each row as its text literal: JDBC array objects print differently once statements are server-prepared
            state.append(table).append(Rows.query(db, "SELECT t::text AS row FROM " + table + " t ORDER BY 1"));
        }
        return state.toString();
    }
}
