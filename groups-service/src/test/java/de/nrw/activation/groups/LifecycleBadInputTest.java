package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The endpoints of a participation's life (corrections, withdrawal, transfer, missing exits, group
 * changes) against bad input, in the manner of {@link BadInputSweepTest}: each answers the
 * contract's status as {@code application/problem+json} and changes nothing, checked on every
 * table of the service (an event row is only written in the transaction of a change, so unchanged
 * tables mean no event either). None of these endpoints creates a resource, so none takes an
 * {@code Idempotency-Key}.
 */
@QuarkusTest
class LifecycleBadInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OWNER = "herne";
    private static final String OTHER = "bochum";

    /** Two groups of {@value #OWNER}, an open and an ended participation in the first: the ids the paths and bodies name. */
    record World(String group, String target, String open, String ended) {
        String path(String template) {
            return template.replace("{group}", group).replace("{open}", open).replace("{ended}", ended);
        }
    }

    /**
     * One endpoint: a valid body (null: none), a way to put an unknown enum value into it (null:
     * it has no enum), the required fields of the body, whether it honours If-Match, and whether
     * its path names a Jobcenter's ids (another's: 404).
     */
    record Endpoint(String method, String path, Function<World, Map<String, Object>> body, UnaryOperator<Map<String, Object>> unknownEnum,
                    List<String> required, boolean takesIfMatch, boolean tenantIds) {
        @Override public String toString() { return method + " " + path; }
        boolean hasBody() { return body != null; }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("PUT", "/api/v1/groups/{group}", w -> groupChange(),
                    b -> with(b, "provider", Map.of("type", "CHARITY", "name", "X")),
                    List.of("name", "location", "coaches", "provider", "capacity"), true, true),
            new Endpoint("PUT", "/api/v1/participations/{ended}/exit",
                    w -> new HashMap<>(Map.of("exitDate", "2012-03-21", "reason", "DROPOUT")),
                    b -> with(b, "reason", "RETIRED"), List.of("exitDate", "reason"), true, true),
            new Endpoint("POST", "/api/v1/participations/{open}/withdraw",
                    w -> new HashMap<>(Map.of("reason", "registered in error")), null, List.of("reason"), true, true),
            new Endpoint("POST", "/api/v1/participations/{open}/transfer",
                    w -> new HashMap<>(Map.of("groupId", w.target(), "date", "2012-03-19")), null,
                    List.of("groupId", "date"), true, true),
            new Endpoint("GET", "/api/v1/participations/missing-exits", null, null, List.of(), false, false));

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
            send(request, endpoint, world, body(endpoint, world)).then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", equalTo("Bearer")).body("status", equalTo(401));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theCoordinatorAnswers403AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        send(Fixtures.asCoordinator(), endpoint, world, body(endpoint, world))
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void malformedJsonAnswers400AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        for (String malformed : new String[] {"{\"reason\": ", "not json at all", "[{\"x\":", "", "[]"}) {
            send(Fixtures.asStaff(OWNER), endpoint, world, malformed)
                    .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void eachMissingRequiredFieldAnswers400NamingItAndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        for (String field : endpoint.required()) {
            Map<String, Object> body = endpoint.body().apply(world);
            body.remove(field);
            send(Fixtures.asStaff(OWNER), endpoint, world, body).then().statusCode(400).contentType(PROBLEM)
                    .body("violations.field", hasItem(org.hamcrest.Matchers.endsWith(field)));
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withEnum")
    void unknownEnumValuesAnswer400AndChangeNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        send(Fixtures.asStaff(OWNER), endpoint, world, endpoint.unknownEnum().apply(endpoint.body().apply(world)))
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBody")
    void anOversizedBodyAnswers413AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        send(Fixtures.asStaff(OWNER), endpoint, world, with(endpoint.body().apply(world), "padding", "x".repeat(300 * 1024)))
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTenantIds")
    void anotherJobcentersIdsAnswer404AsIfMissingAndChangeNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        send(Fixtures.asStaff(OTHER).header("If-Match", "\"0\""), endpoint, world, body(endpoint, world))
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        World unknown = new World(UUID.randomUUID().toString(), world.target(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        send(Fixtures.asStaff(OWNER), endpoint, unknown, body(endpoint, world))
                .then().statusCode(404).contentType(PROBLEM);
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTenantIds")
    void malformedIdsAnswer400AndChangeNothing(Endpoint endpoint) {
        World world = world();
        World broken = new World("not-a-uuid", world.target(), "not-a-uuid", "not-a-uuid");
        String before = state();
        send(Fixtures.asStaff(OWNER), endpoint, broken, body(endpoint, world))
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("id"));
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIfMatch")
    void aStaleIfMatchAnswers412AndChangesNothing(Endpoint endpoint) {
        World world = world();
        String before = state();
        send(Fixtures.asStaff(OWNER).header("If-Match", "\"987654\""), endpoint, world, body(endpoint, world))
                .then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412));
        assertThat(state()).isEqualTo(before);
        // the current ETag goes ahead: the body above was valid, only the version was stale
        send(Fixtures.asStaff(OWNER).header("If-Match", "\"" + version(endpoint, world) + "\""), endpoint, world,
                body(endpoint, world)).then().statusCode(200);
    }

    // --- helpers

    private World world() {
        String group = Fixtures.schedule(Fixtures.herneGroup());
        String target = Fixtures.schedule(Fixtures.group(OWNER, "PHASE_1", "2012-03-12"));
        String open = Fixtures.enter(OWNER, group, Fixtures.knownParticipant(db, OWNER), "2012-03-05");
        String ended = Fixtures.enter(OWNER, group, Fixtures.knownParticipant(db, OWNER), "2012-03-05");
        Lifecycle.exit(OWNER, ended, "2012-04-13", "COMPLETED").then().statusCode(200);
        return new World(group, target, open, ended);
    }

    private long version(Endpoint endpoint, World world) {
        String path = world.path(endpoint.path());
        String table = path.startsWith("/api/v1/groups/") ? "activation_group" : "participation";
        String id = path.split("/")[4];
        return ((Number) Rows.one(db, "SELECT version FROM " + table + " WHERE id = ?", UUID.fromString(id))
                .get("version")).longValue();
    }

    private static Object body(Endpoint endpoint, World world) {
        return endpoint.hasBody() ? endpoint.body().apply(world) : null;
    }

    private static Response send(RequestSpecification request, Endpoint endpoint, World world, Object body) {
        if (endpoint.hasBody() && body != null) {
            request.body(body);
        }
        return request.request(endpoint.method(), world.path(endpoint.path()));
    }

    private static Map<String, Object> groupChange() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Aktivierungsgruppe Sweep");
        body.put("location", "Raum 4.01");
        body.put("coaches", List.of("Coach Sweep"));
        body.put("provider", Map.of("type", "JOBCENTER", "name", "Jobcenter herne"));
        body.put("capacity", 12);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** Every table of the service that a request could change. */
    private String state() {
        StringBuilder state = new StringBuilder();
        for (String table : List.of("activation_group", "group_session", "participation", "participation_group",
                "attendance", "idempotency_record")) {
            state.append(table).append(Rows.query(db, "SELECT t::text AS row FROM " + table + " t ORDER BY 1"));
        }
        return state.toString();
    }
}
