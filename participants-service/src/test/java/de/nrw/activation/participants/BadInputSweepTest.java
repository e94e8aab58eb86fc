package de.nrw.activation.participants;

import de.nrw.activation.testsupport.BadInputSweep;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * Every endpoint of participants-service against bad input (issue 8, OWASP API4/API8): the
 * cases of {@link BadInputSweep} over the table below, checked on the participant table and the
 * idempotency records. A new endpoint is one more line in the table.
 */
@QuarkusTest
class BadInputSweepTest extends BadInputSweep<BadInputSweepTest.Participant> {

    private static final String[] ENUM_FIELDS = {"gender", "customerType", "labourMarketDistance"};

    static final Caller DATA_PROTECTION = Tokens::dataProtection;
    static final Caller PROVIDER_STAFF = jobcenter -> Tokens.providerStaff(jobcenter, "bildung-plus");
    /** The participants' endpoints are Jobcenter staff's (provider staff: 404, see below). */
    private static final Caller[] NOT_STAFF = {Caller.COORDINATOR, Caller.OPS, DATA_PROTECTION};
    /** The audit trail is the data-protection officer's (provider staff: 404, see below). */
    private static final Caller[] NOT_DATA_PROTECTION = {Caller.STAFF, Caller.COORDINATOR, Caller.OPS};

    /** A participant of {@value BadInputSweep#OWNER}: the {@code {id}} of the paths. */
    record Participant(String id) implements Ids {
        @Override public String resolve(String pathTemplate) { return pathTemplate.replace("{id}", id); }
    }

    @Inject
    AgroalDataSource db;

    @Override
    protected List<Endpoint<Participant>> endpoints() {
        return List.of(
                post("/api/v1/participants").body(p -> ParticipantFixtures.registration(OWNER)).enumFields(ENUM_FIELDS)
                        .requiredFields("jobcenterId", "customerNumber", "firstName", "lastName", "dateOfBirth", "gender",
                                "customerType", "labourMarketDistance", "vocationalQualification")
                        .dateFields("dateOfBirth").forbiddenFor(NOT_STAFF).creates(),
                get("/api/v1/participants").forbiddenFor(NOT_STAFF),
                get("/api/v1/participants/{id}").forbiddenFor(NOT_STAFF).withJobcenterIds(),
                get("/api/v1/participants/{id}/age-band?on=2012-03-05").forbiddenFor(NOT_STAFF).withJobcenterIds(),
                put("/api/v1/participants/{id}").body(p -> ChangeParticipantTest.change()).enumFields(ENUM_FIELDS)
                        .requiredFields("firstName", "lastName", "dateOfBirth", "gender", "customerType",
                                "labourMarketDistance", "vocationalQualification")
                        .dateFields("dateOfBirth").forbiddenFor(NOT_STAFF).takesIfMatch().withJobcenterIds(),
                delete("/api/v1/participants/{id}").forbiddenFor(NOT_STAFF).takesIfMatch().withJobcenterIds(),
                get("/api/v1/participants/{id}/audit").as(DATA_PROTECTION).forbiddenFor(NOT_DATA_PROTECTION).withJobcenterIds(),
                get("/api/v1/audit?from=2012-03-01&to=2012-03-31&actor=staff-herne").as(DATA_PROTECTION)
                        .forbiddenFor(NOT_DATA_PROTECTION));
    }

    @Override
    protected Participant world() {
        return new Participant(ParticipantFixtures.register(OWNER));
    }

    @Override
    protected Participant malformedIds(Participant participant) {
        return new Participant("not-a-uuid");
    }

    @Override
    protected Participant missingIds(Participant participant) {
        return new Participant(UUID.randomUUID().toString());
    }

    @Override
    protected List<String> pagedLists() {
        return List.of("/api/v1/participants");
    }

    /**
     * What a bad request must not touch: the participants and the idempotency records. (Outbox
     * rows are deleted by the relay once sent, so their count moves on its own; an event row is
     * only ever written in the transaction of a participant change, which this compares.)
     */
    @Override
    protected String storedState() {
        return Rows.query(db, "SELECT * FROM participant ORDER BY id").toString()
                + Rows.query(db, "SELECT principal, idem_key, status FROM idempotency_record ORDER BY principal, idem_key");
    }

    @Test
    void anIfMatchOfTheVersionBeforeAChangeAnswers412NamingTheCurrentEtagAndChangesNothing() {
        Participant participant = world();
        ParticipantFixtures.asStaff(OWNER).header("If-Match", "\"0\"").body(ChangeParticipantTest.change())
                .put(participant.resolve("/api/v1/participants/{id}"))
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        for (Endpoint<Participant> endpoint : endpointsTakingIfMatch().toList()) {
            assertChangesNothing(endpoint, () -> assertProblem(send(as(endpoint, OWNER).header("If-Match", "\"0\""),
                    endpoint, participant, endpoint.validBody(participant)), 412)
                    .body("currentEtag", equalTo("\"1\"")));
        }
    }

    /**
     * Provider staff may only read names of participants in their provider's groups: on every
     * endpoint, the audit trail's included, with a valid request about a participant that is not,
     * they get 404 (not 403: there is nothing there for them) and change nothing.
     */
    @Test
    void providerStaffGet404FromEveryEndpointAndChangeNothing() {
        Participant participant = sharedWorld();
        for (Endpoint<Participant> endpoint : endpoints()) {
            assertChangesNothing(endpoint, () -> {
                RequestSpecification request = as(endpoint.as(PROVIDER_STAFF), OWNER);
                if (endpoint.ifMatch()) {
                    request.header("If-Match", "\"0\"");
                }
                assertProblem(send(request, endpoint, participant, endpoint.validBody(participant)), 404);
            });
        }
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyAnswers422AndChangesNothing() {
        Participant noId = new Participant("");
        for (Endpoint<Participant> endpoint : creatingEndpoints().toList()) {
            Map<String, Object> body = ParticipantFixtures.registration(OWNER);
            String key = "sweep-" + UUID.randomUUID();
            Response first = send(as(endpoint, OWNER).header("Idempotency-Key", key), endpoint, noId, body);
            first.then().statusCode(201);
            assertChangesNothing(endpoint, () -> assertProblem(send(as(endpoint, OWNER).header("Idempotency-Key", key),
                    endpoint, noId, with(body, "firstName", "Different")), 422));
        }
    }
}
