package de.nrw.activation.reporting;

import de.nrw.activation.testsupport.BadInputSweep;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every endpoint of reporting-service against bad input (issue 8, OWASP API4/API8): the cases of
 * {@link BadInputSweep} over the table below; "nothing changed" means the projection generations
 * (only a rebuild changes them). Reports are read-only and keyed by query, not by ids: there is no
 * body, If-Match, Idempotency-Key or other Jobcenter's id to try here, so those cases run for no
 * endpoint; a staff caller's rows are limited to its Jobcenter (AccessAndPerturbationTest).
 */
@QuarkusTest
class BadInputSweepTest extends BadInputSweep<BadInputSweepTest.NoIds> {

    /** Report paths name no ids. */
    record NoIds() implements Ids {
        @Override public String resolve(String pathTemplate) { return pathTemplate; }
    }

    static final Caller DATA_PROTECTION = Tokens::dataProtection;
    static final Caller PROVIDER_STAFF = jobcenter -> Tokens.providerStaff(jobcenter, "bildungswerk-ruhr");

    @Inject
    AgroalDataSource db;

    @Override
    protected List<Endpoint<NoIds>> endpoints() {
        return List.of(
                get("/api/v1/reports/whereabouts").as(Caller.COORDINATOR).forbiddenFor(Caller.OPS, DATA_PROTECTION),
                get("/api/v1/reports/sustainability").as(Caller.COORDINATOR).forbiddenFor(Caller.OPS, DATA_PROTECTION),
                get("/api/v1/reports/whereabouts/chart").as(Caller.COORDINATOR).forbiddenFor(Caller.OPS, DATA_PROTECTION),
                get("/api/v1/reports/structure").as(Caller.COORDINATOR).forbiddenFor(Caller.OPS, DATA_PROTECTION),
                get("/api/v1/reports/structure/chart").as(Caller.COORDINATOR).forbiddenFor(Caller.OPS, DATA_PROTECTION),
                get("/api/v1/projections/status").as(Caller.OPS).forbiddenFor(Caller.STAFF, DATA_PROTECTION),
                post("/api/v1/projections/rebuild").as(Caller.OPS)
                        .forbiddenFor(Caller.STAFF, Caller.COORDINATOR, DATA_PROTECTION));
    }

    /**
     * Provider staff read no figures of this service (issue 18, "everything else answers 404 for
     * them"): every endpoint answers them 404 as if it did not exist (not 403), and changes nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void providerStaffGet404FromEveryEndpointAndChangeNothing(Endpoint<NoIds> endpoint) {
        NoIds world = sharedWorld();
        assertChangesNothing(endpoint, () -> assertProblem(send(as(endpoint.as(PROVIDER_STAFF), OWNER), endpoint, world,
                endpoint.validBody(world)), 404).body("type", endsWith("/not-found")));
    }

    @Override
    protected NoIds world() {
        return new NoIds();
    }

    /** What a refused request must not touch: the projection generations (only a rebuild changes them). */
    @Override
    protected String storedState() {
        return Rows.query(db, "SELECT id, state, consumer_group, switched_at, retired_at FROM projection_generation ORDER BY id")
                .toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/reports/whereabouts", "/api/v1/reports/sustainability", "/api/v1/reports/whereabouts/chart",
            "/api/v1/reports/structure", "/api/v1/reports/structure/chart"})
    void unknownEnumValuesAndMalformedQueriesAnswer400NamingTheParameter(String report) {
        Map<String, String> bad = report.endsWith("/chart")
                ? Map.of("phaseId", "phase one!", "from", "01.09.2011", "to", "yesterday")
                : Map.of("groupBy", "shoeSize", "phaseId", "phase one!", "from", "01.09.2011", "to", "yesterday",
                        "lang", "fr");
        bad.forEach((parameter, value) ->
                assertProblem(given().auth().oauth2(Tokens.coordinator()).queryParam(parameter, value).get(report), 400)
                        .body("violations.field", hasItem(parameter)));
    }

    @Test
    void anUnsupportedMediaTypeOrMethodAnswersProblemJson() {
        assertProblem(given().auth().oauth2(Tokens.coordinator()).accept("application/pdf").get("/api/v1/reports/whereabouts"), 406);
        assertProblem(given().auth().oauth2(Tokens.coordinator()).delete("/api/v1/reports/whereabouts"), 405);
    }
}
