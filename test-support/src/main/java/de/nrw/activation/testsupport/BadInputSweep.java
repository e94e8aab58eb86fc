package de.nrw.activation.testsupport;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input sweep (issue 8, OWASP API4/API8) that every service runs over all its endpoints:
 * each bad request answers the contract's status as {@code application/problem+json} and changes
 * nothing stored. "Nothing" is checked on the service's own rows ({@link #storedState()}); an event
 * is only ever written in the transaction of a change, so unchanged rows mean no event either.
 *
 * <p>A service's {@code BadInputSweepTest} extends this class and gives the table of its endpoints
 * ({@link #endpoints()}, one line per endpoint: who calls it, a valid body, what it takes), fresh
 * data for the ids in the paths ({@link #world()}) and its rows. The cases below run for every
 * endpoint of the table that they apply to; what only one service has stays a test of its own there.
 *
 * @param <W> the ids a service's paths name (a participant, a group with a participation, ...)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputSweep<W extends BadInputSweep.Ids> {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** The Jobcenter whose data the sweep works on. */
    public static final String OWNER = "herne";
    /** Another Jobcenter, whose staff must not see {@link #OWNER}'s data. */
    public static final String OTHER = "bochum";
    /** An unknown value for an enum field. */
    public static final String NO_SUCH_VALUE = "NO_SUCH_VALUE";

    private static final int OVER_THE_BODY_LIMIT = 300 * 1024; // quarkus.http.limits.max-body-size=256K
    private static final List<String> MALFORMED_JSON = List.of("{\"name\": ", "not json at all", "[1,2", "[{\"x\":", "");
    /** What {@link #withoutAValidTokenEveryEndpointAnswers401AndChangesNothing} tries; null: no token at all. */
    private static final List<String> INVALID_TOKENS = java.util.Arrays.asList(
            null, Tokens.expired(OWNER), Tokens.forged(OWNER), "not.a.jwt");

    private W sharedWorld;

    /** The ids a service's paths name; fills a path template such as {@code /api/v1/groups/{group}}. */
    @FunctionalInterface
    public interface Ids {
        String resolve(String pathTemplate);
    }

    /** Who may call an endpoint, as the token for a Jobcenter's request. */
    @FunctionalInterface
    public interface Caller {
        Caller STAFF = Tokens::staff;
        Caller COORDINATOR = jobcenter -> Tokens.coordinator();
        Caller OPS = jobcenter -> Tokens.ops();

        String token(String jobcenter);
    }

    /**
     * A bad value put into a valid body (an unknown enum value, a date that is no date);
     * {@code field} is the name the problem's violations must give (null: the status is checked,
     * the service names no field).
     */
    public record InvalidValue(String field, UnaryOperator<Object> into) { }

    /**
     * One line of the endpoint table. Build it with {@link #get}, {@link #post}, {@link #put},
     * {@link #delete} and the methods below, e.g.
     * {@code put("/api/v1/outcomes/{outcome}").body(w -> correction()).enumFields("kind").requiredFields("kind")
     * .staffOnly().takesIfMatch().withJobcenterIds()}.
     *
     * @param body           a valid body for the world's ids (null: the endpoint takes none)
     * @param invalidValues  bad values for fields of the body, each answering 400
     * @param requiredFields the body's fields that must be there (each absent or null: 400 naming it)
     * @param forbiddenFor   callers whose role may not use the endpoint (403)
     * @param ifMatch        it changes a versioned resource and honours If-Match
     * @param currentEtag    the current ETag of that resource in a fresh world (null: not known to the table)
     * @param creating       it creates and honours Idempotency-Key
     * @param jobcenterIds   the ids in its path belong to a Jobcenter (another Jobcenter's staff: 404)
     */
    public record Endpoint<W>(String method, String path, Caller caller, Function<W, Object> body,
                              List<InvalidValue> invalidValues, List<String> requiredFields, List<Caller> forbiddenFor,
                              boolean ifMatch, Function<W, String> currentEtag, boolean creating, boolean jobcenterIds) {

        public Endpoint<W> as(Caller who) {
            return new Endpoint<>(method, path, who, body, invalidValues, requiredFields, forbiddenFor,
                    ifMatch, currentEtag, creating, jobcenterIds);
        }

        @SuppressWarnings("unchecked")
        public Endpoint<W> body(Function<W, ?> valid) {
            return new Endpoint<>(method, path, caller, (Function<W, Object>) valid, invalidValues, requiredFields, forbiddenFor,
                    ifMatch, currentEtag, creating, jobcenterIds);
        }

        /** Each field in turn gets {@link #NO_SUCH_VALUE}; the problem must name the field. */
        public Endpoint<W> enumFields(String... fields) {
            return invalidEach(NO_SUCH_VALUE, fields);
        }

        /**
         * Each field in turn gets a date in German notation ({@code 16.04.2012}) and dates outside the
         * suite's range 1900-01-01..9999-12-31 ({@code +999999999-12-31}, {@code 1899-12-31}); the problem
         * must name the field.
         */
        public Endpoint<W> dateFields(String... fields) {
            return invalidEach("16.04.2012", fields).invalidEach("+999999999-12-31", fields)
                    .invalidEach("1899-12-31", fields);
        }

        /** An unknown enum value somewhere in the body (nested, in a list); the problem's status is checked. */
        public Endpoint<W> unknownEnum(UnaryOperator<Object> into) {
            return invalidValue(new InvalidValue(null, into));
        }

        /** Fields of the (map) body that must be there: each in turn left out, then sent as null, answers 400 naming it. */
        public Endpoint<W> requiredFields(String... fields) {
            return new Endpoint<>(method, path, caller, body, invalidValues, List.of(fields), forbiddenFor,
                    ifMatch, currentEtag, creating, jobcenterIds);
        }

        /** Callers whose role may not use the endpoint: each answers 403. */
        public Endpoint<W> forbiddenFor(Caller... callers) {
            return new Endpoint<>(method, path, caller, body, invalidValues, requiredFields, List.of(callers),
                    ifMatch, currentEtag, creating, jobcenterIds);
        }

        /** For Jobcenter staff only: the coordinator and ops answer 403. */
        public Endpoint<W> staffOnly() {
            return forbiddenFor(Caller.COORDINATOR, Caller.OPS);
        }

        public Endpoint<W> takesIfMatch() {
            return new Endpoint<>(method, path, caller, body, invalidValues, requiredFields, forbiddenFor,
                    true, currentEtag, creating, jobcenterIds);
        }

        /**
         * It honours If-Match, and {@code current} tells the resource's ETag in a fresh world: the
         * valid request with it goes ahead, after which that ETag is stale (412).
         */
        public Endpoint<W> takesIfMatch(Function<W, String> current) {
            return new Endpoint<>(method, path, caller, body, invalidValues, requiredFields, forbiddenFor,
                    true, current, creating, jobcenterIds);
        }

        public Endpoint<W> creates() {
            return new Endpoint<>(method, path, caller, body, invalidValues, requiredFields, forbiddenFor,
                    ifMatch, currentEtag, true, jobcenterIds);
        }

        public Endpoint<W> withJobcenterIds() {
            return new Endpoint<>(method, path, caller, body, invalidValues, requiredFields, forbiddenFor,
                    ifMatch, currentEtag, creating, true);
        }

        public boolean hasBody() {
            return body != null;
        }

        /** A valid body for the world's ids; null if the endpoint takes none. */
        public Object validBody(W world) {
            return body == null ? null : body.apply(world);
        }

        private Endpoint<W> invalidEach(String value, String... fields) {
            Endpoint<W> endpoint = this;
            for (String field : fields) {
                endpoint = endpoint.invalidValue(new InvalidValue(field, valid -> with(valid, field, value)));
            }
            return endpoint;
        }

        private Endpoint<W> invalidValue(InvalidValue value) {
            List<InvalidValue> values = new ArrayList<>(invalidValues);
            values.add(value);
            return new Endpoint<>(method, path, caller, body, List.copyOf(values), requiredFields, forbiddenFor,
                    ifMatch, currentEtag, creating, jobcenterIds);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    // --- what a service gives

    /** The service's endpoints, one line each (see {@link Endpoint}). */
    protected abstract List<Endpoint<W>> endpoints();

    /** Fresh data of {@link #OWNER} that the paths name. */
    protected abstract W world();

    /** Everything a request could change, as text (compared before and after each bad request). */
    protected abstract String storedState();

    /** The world's ids, each malformed (not a UUID); needed if an endpoint has {@link Endpoint#withJobcenterIds()}. */
    protected W malformedIds(W world) {
        throw new UnsupportedOperationException("an endpoint with Jobcenter ids needs malformedIds()");
    }

    /** Well-formed ids that name nothing; needed if an endpoint has {@link Endpoint#withJobcenterIds()}. */
    protected W missingIds(W world) {
        throw new UnsupportedOperationException("an endpoint with Jobcenter ids needs missingIds()");
    }

    /** The paged lists (path templates), whose {@code page} and {@code size} the sweep checks. */
    protected List<String> pagedLists() {
        return List.of();
    }

    // --- the cases

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    public void withoutAValidTokenEveryEndpointAnswers401AndChangesNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            for (String token : INVALID_TOKENS) {
                RequestSpecification request = given().contentType(ContentType.JSON);
                if (token != null) {
                    request.auth().oauth2(token);
                }
                assertProblem(send(request, endpoint, world, endpoint.validBody(world)), 401)
                        .header("WWW-Authenticate", equalTo("Bearer"));
            }
        });
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsWithBody")
    public void malformedJsonAnswers400AndChangesNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            for (String malformed : MALFORMED_JSON) {
                assertProblem(send(as(endpoint, OWNER), endpoint, world, malformed), 400);
            }
            if (!(endpoint.validBody(world) instanceof List<?>)) {
                assertProblem(send(as(endpoint, OWNER), endpoint, world, "[]"), 400); // a list where an object belongs
            }
        });
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsWithBody")
    public void aBodyThatIsNotJsonAnswers415AndChangesNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> assertProblem(
                send(as(endpoint, OWNER).contentType(ContentType.TEXT), endpoint, world, "firstName=Erika"), 415));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsWithInvalidValues")
    public void invalidFieldValuesAnswer400NamingTheFieldAndChangeNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            for (InvalidValue invalid : endpoint.invalidValues()) {
                ValidatableResponse response = assertProblem(send(as(endpoint, OWNER), endpoint, world,
                        invalid.into().apply(endpoint.validBody(world))), 400);
                if (invalid.field() != null) {
                    response.body("violations.field", hasItem(invalid.field()));
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsWithRequiredFields")
    public void eachMissingRequiredFieldAnswers400NamingItAndChangesNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            for (String field : endpoint.requiredFields()) {
                Map<String, Object> absent = with(endpoint.validBody(world), field, null);
                absent.remove(field);
                for (Map<String, Object> body : List.of(absent, with(endpoint.validBody(world), field, null))) {
                    assertProblem(send(as(endpoint, OWNER), endpoint, world, body), 400)
                            .body("violations.field", hasItem(anyOf(equalTo(field), endsWith("." + field))));
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsWithForbiddenRoles")
    public void aCallerWhoseRoleMayNotUseItAnswers403AndChangesNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            for (Caller forbidden : endpoint.forbiddenFor()) {
                RequestSpecification request = given().auth().oauth2(forbidden.token(OWNER)).contentType(ContentType.JSON);
                if (endpoint.ifMatch()) {
                    request.header("If-Match", "\"0\"");
                }
                assertProblem(send(request, endpoint, world, endpoint.validBody(world)), 403);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    public void anOversizedBodyAnswers413AndChangesNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> assertProblem(
                send(as(endpoint, OWNER), endpoint, world, oversized(endpoint.validBody(world))), 413)
                .body("title", equalTo("Request Entity Too Large")));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsWithJobcenterIds")
    public void anotherJobcentersIdsAnswer404AsIfMissingAndChangeNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            RequestSpecification request = as(endpoint, OTHER);
            if (endpoint.ifMatch()) {
                request.header("If-Match", "\"0\"");
            }
            assertProblem(send(request, endpoint, world, endpoint.validBody(world)), 404);
            assertProblem(send(as(endpoint, OWNER), endpoint, missingIds(world), endpoint.validBody(world)), 404);
        });
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsWithJobcenterIds")
    public void malformedIdsAnswer400NamingTheIdAndChangeNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> assertProblem(
                send(as(endpoint, OWNER), endpoint, malformedIds(world), endpoint.validBody(world)), 400)
                .body("violations.field", hasItem("id")));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsTakingIfMatch")
    public void anIfMatchOfAVersionNeverReachedAnswers412AndChangesNothing(Endpoint<W> endpoint) {
        W world = sharedWorld();
        assertChangesNothing(endpoint, () -> assertProblem(
                send(as(endpoint, OWNER).header("If-Match", "\"987654\""), endpoint, world, endpoint.validBody(world)), 412));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsKnowingTheCurrentEtag")
    public void theCurrentEtagGoesAheadAndAfterwardsAnswers412AndChangesNothing(Endpoint<W> endpoint) {
        W world = world(); // it changes: on data of its own
        String current = endpoint.currentEtag().apply(world);
        int status = send(as(endpoint, OWNER).header("If-Match", current), endpoint, world, endpoint.validBody(world))
                .then().extract().statusCode();
        assertTrue(status == 200 || status == 204, endpoint + " with the current ETag " + current + " answered " + status);
        assertChangesNothing(endpoint, () -> {
            for (String stale : List.of(current, "W/" + current)) {
                assertProblem(send(as(endpoint, OWNER).header("If-Match", stale), endpoint, world, endpoint.validBody(world)), 412);
            }
        });
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("creatingEndpoints")
    public void aReplayedIdempotencyKeyAnswersTheFirstAnswerAndCreatesNothing(Endpoint<W> endpoint) {
        W world = world(); // it creates: on data of its own
        assertReplayAnswersTheFirstAnswer(endpoint, world, endpoint.validBody(world));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("pagedLists")
    public void pageSizeIsCappedAt500AndBadPagingAnswers400NamingTheParameter(String list) {
        String path = sharedWorld().resolve(list);
        given().auth().oauth2(Tokens.staff(OWNER)).queryParam("size", 500).get(path).then().statusCode(200);
        for (Map.Entry<String, String> bad : List.of(Map.entry("size", "501"), Map.entry("size", "abc"),
                Map.entry("page", "-1"), Map.entry("page", "x"))) {
            assertProblem(given().auth().oauth2(Tokens.staff(OWNER)).queryParam(bad.getKey(), bad.getValue()).get(path), 400)
                    .body("violations.field", hasItem(bad.getKey()));
        }
    }

    // --- the parts, for a service's own cases

    /**
     * The data the cases work on, made once per test class: every case asserts that it changed
     * nothing, so the next case finds the same data (a case that did change it fails itself).
     * Making it anew per case cost more than the cases (a participant made known through Kafka).
     */
    protected synchronized W sharedWorld() {
        if (sharedWorld == null) {
            sharedWorld = world();
        }
        return sharedWorld;
    }

    /** A request of the endpoint's caller for {@code jobcenter}, with a JSON content type. */
    protected static RequestSpecification as(Endpoint<?> endpoint, String jobcenter) {
        return given().auth().oauth2(endpoint.caller().token(jobcenter)).contentType(ContentType.JSON);
    }

    /** Sends {@code body} (null: none) to the endpoint, its path filled with the world's ids. */
    protected Response send(RequestSpecification request, Endpoint<W> endpoint, W world, Object body) {
        if (body != null) {
            request.body(body);
        }
        return request.request(endpoint.method(), world.resolve(endpoint.path()));
    }

    /** The answer is a problem+json of {@code status}; returned for further checks on the body. */
    public static ValidatableResponse assertProblem(Response response, int status) {
        return response.then().statusCode(status).contentType(PROBLEM_JSON).body("status", equalTo(status));
    }

    /** Runs the requests and asserts that the stored rows are the same afterwards. */
    protected void assertChangesNothing(Object what, Runnable requests) {
        String before = storedState();
        requests.run();
        assertEquals(before, storedState(), what + " changed stored rows");
    }

    /**
     * Creates with an Idempotency-Key, then sends the same request again: the replay answers what
     * the first answered (status, body, Location) and stores nothing new.
     */
    protected void assertReplayAnswersTheFirstAnswer(Endpoint<W> endpoint, W world, Object body) {
        String key = "sweep-" + java.util.UUID.randomUUID();
        Response first = send(as(endpoint, OWNER).header("Idempotency-Key", key), endpoint, world, body);
        first.then().statusCode(201);
        assertChangesNothing(endpoint, () -> {
            Response replay = send(as(endpoint, OWNER).header("Idempotency-Key", key), endpoint, world, body);
            replay.then().statusCode(201);
            assertEquals(first.header("Location"), replay.header("Location"), endpoint + ": Location of the replay");
            assertEquals(first.body().asString(), replay.body().asString(), endpoint + ": body of the replay");
        });
    }

    /** A copy of a map body with one field set. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Object body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) body);
        copy.put(field, value);
        return copy;
    }

    /** The valid body (or none) grown over the body limit; a list body gets one more, huge, element. */
    private static Object oversized(Object body) {
        String padding = "x".repeat(OVER_THE_BODY_LIMIT);
        if (body instanceof List<?> list) {
            List<Object> huge = new ArrayList<>(list);
            huge.add(Map.of("padding", padding));
            return huge;
        }
        return with(body == null ? Map.of() : body, "padding", padding);
    }

    // --- the rows of the table each case applies to

    protected Stream<Endpoint<W>> everyEndpoint() {
        return endpoints().stream();
    }

    protected Stream<Endpoint<W>> endpointsWithBody() {
        return endpointsWhere(Endpoint::hasBody);
    }

    protected Stream<Endpoint<W>> endpointsWithInvalidValues() {
        return endpointsWhere(endpoint -> !endpoint.invalidValues().isEmpty());
    }

    protected Stream<Endpoint<W>> endpointsWithRequiredFields() {
        return endpointsWhere(endpoint -> !endpoint.requiredFields().isEmpty());
    }

    protected Stream<Endpoint<W>> endpointsWithForbiddenRoles() {
        return endpointsWhere(endpoint -> !endpoint.forbiddenFor().isEmpty());
    }

    protected Stream<Endpoint<W>> endpointsKnowingTheCurrentEtag() {
        return endpointsWhere(endpoint -> endpoint.currentEtag() != null);
    }

    protected Stream<Endpoint<W>> endpointsWithJobcenterIds() {
        return endpointsWhere(Endpoint::jobcenterIds);
    }

    protected Stream<Endpoint<W>> endpointsTakingIfMatch() {
        return endpointsWhere(Endpoint::ifMatch);
    }

    protected Stream<Endpoint<W>> creatingEndpoints() {
        return endpointsWhere(Endpoint::creating);
    }

    private Stream<Endpoint<W>> endpointsWhere(Predicate<Endpoint<W>> which) {
        return endpoints().stream().filter(which);
    }

    // --- building the table

    protected Endpoint<W> get(String path) {
        return endpoint("GET", path);
    }

    protected Endpoint<W> post(String path) {
        return endpoint("POST", path);
    }

    protected Endpoint<W> put(String path) {
        return endpoint("PUT", path);
    }

    protected Endpoint<W> delete(String path) {
        return endpoint("DELETE", path);
    }

    private Endpoint<W> endpoint(String method, String path) {
        return new Endpoint<>(method, path, Caller.STAFF, null, List.of(), List.of(), List.of(), false, null, false, false);
    }
}
