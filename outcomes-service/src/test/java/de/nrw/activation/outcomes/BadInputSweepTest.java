package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.BadInputSweep;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import de.nrw.activation.testsupport.TopicReader;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint of outcomes-service against bad input (issue 8, OWASP API4/API8): the cases of
 * {@link BadInputSweep} over the table below, checked on the service's tables. Every id in these
 * paths belongs to a Jobcenter.
 */
@QuarkusTest
class BadInputSweepTest extends BadInputSweep<BadInputSweepTest.World> {

    /**
     * A participant of {@value BadInputSweep#OWNER} who was in a group (entered, exited) and has an
     * outcome, and another whose ended participation has its EXIT checkpoint recorded (with the
     * ETag the recording answered).
     */
    record World(String participant, String participation, String outcome,
                 String checkedParticipant, String checked, String checkedEtag) implements Ids {
        @Override
        public String resolve(String template) {
            return template.replace("{participation}", participation).replace("{outcome}", outcome)
                    .replace("{checked}", checked);
        }
    }

    static final Caller DATA_PROTECTION = Tokens::dataProtection;
    static final Caller PROVIDER_STAFF = jobcenter -> Tokens.providerStaff(jobcenter, "bildungswerk-ruhr");
    /** Every endpoint is Jobcenter staff's; provider staff get 404 instead (see below). */
    private static final Caller[] NOT_STAFF = {Caller.COORDINATOR, Caller.OPS, DATA_PROTECTION};

    @Inject
    AgroalDataSource db;

    @Override
    protected List<Endpoint<World>> endpoints() {
        return List.of(
                post("/api/v1/outcomes").body(w -> OutcomeFixtures.employment(UUID.fromString(w.participant()), "2012-04-02"))
                        .enumFields("kind").dateFields("startDate").requiredFields("participantId", "kind", "startDate")
                        .forbiddenFor(NOT_STAFF).creates(),
                get("/api/v1/outcomes").forbiddenFor(NOT_STAFF),
                get("/api/v1/outcomes/{outcome}").forbiddenFor(NOT_STAFF).withJobcenterIds(),
                put("/api/v1/outcomes/{outcome}").body(w -> correction()).enumFields("kind").dateFields("startDate")
                        .requiredFields("kind", "startDate").forbiddenFor(NOT_STAFF)
                        .takesIfMatch(w -> "\"0\"").withJobcenterIds(),
                post("/api/v1/participations/{participation}/follow-ups")
                        .body(w -> OutcomeFixtures.followUp("EXIT", "EMPLOYMENT", "2012-04-13"))
                        .enumFields("checkpoint", "status").dateFields("checkedOn").requiredFields("checkpoint", "status", "checkedOn")
                        .forbiddenFor(NOT_STAFF).creates().withJobcenterIds(),
                get("/api/v1/participations/{participation}/follow-ups").forbiddenFor(NOT_STAFF).withJobcenterIds(),
                get("/api/v1/participations/{participation}/follow-ups/EXIT").forbiddenFor(NOT_STAFF).withJobcenterIds(),
                put("/api/v1/participations/{checked}/follow-ups/EXIT").body(w -> followUpCorrection())
                        .enumFields("status").dateFields("checkedOn").requiredFields("status", "checkedOn")
                        .forbiddenFor(NOT_STAFF).takesIfMatch(World::checkedEtag).withJobcenterIds(),
                get("/api/v1/follow-ups/due").forbiddenFor(NOT_STAFF));
    }

    @Override
    protected World world() {
        UUID participant = OutcomeFixtures.knownParticipant(db, OWNER);
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, OWNER,
                LocalDate.parse("2012-03-05"), LocalDate.parse("2012-04-13"));
        String outcome = OutcomeFixtures.record(OWNER, OutcomeFixtures.employment(participant, "2012-04-02"));
        UUID checkedParticipant = OutcomeFixtures.knownParticipant(db, OWNER);
        UUID checked = OutcomeFixtures.endedParticipation(db, checkedParticipant, OWNER,
                LocalDate.parse("2012-03-05"), LocalDate.parse("2012-04-13"));
        String checkedEtag = OutcomeFixtures.asStaff(OWNER).body(OutcomeFixtures.followUp("EXIT", "UNEMPLOYED", "2012-04-13"))
                .post("/api/v1/participations/" + checked + "/follow-ups")
                .then().statusCode(201).extract().header("ETag");
        return new World(participant.toString(), participation.toString(), outcome,
                checkedParticipant.toString(), checked.toString(), checkedEtag);
    }

    @Override
    protected World malformedIds(World world) {
        return new World(world.participant(), "not-a-uuid", "not-a-uuid", world.checkedParticipant(), "not-a-uuid",
                world.checkedEtag());
    }

    @Override
    protected World missingIds(World world) {
        return new World(world.participant(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                world.checkedParticipant(), UUID.randomUUID().toString(), world.checkedEtag());
    }

    @Override
    protected List<String> pagedLists() {
        return List.of("/api/v1/outcomes", "/api/v1/follow-ups/due");
    }

    /**
     * Provider staff see the groups their provider runs, in groups-service, and nothing of this
     * service (issue 18, "everything else answers 404 for them"): every endpoint, with a valid
     * request about the world's Jobcenter, answers them 404 as if it did not exist (not 403) and
     * changes nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void providerStaffGet404FromEveryEndpointAndChangeNothing(Endpoint<World> endpoint) {
        World world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            RequestSpecification request = as(endpoint.as(PROVIDER_STAFF), OWNER);
            if (endpoint.ifMatch()) {
                request.header("If-Match", "\"0\"");
            }
            assertProblem(send(request, endpoint, world, endpoint.validBody(world)), 404)
                    .body("type", endsWith("/not-found"));
        });
    }

    /** Every table of the service that a request could change. */
    @Override
    protected String storedState() {
        return Rows.snapshot(db, "outcome", "follow_up", "participation", "known_participant", "idempotency_record");
    }

    @Test
    void anotherJobcentersParticipantCannotGetAnOutcomeAndIsNotListed() {
        World world = world();
        assertChangesNothing("another Jobcenter's outcome", () -> {
            assertProblem(OutcomeFixtures.asStaff(OTHER)
                    .body(OutcomeFixtures.employment(UUID.fromString(world.participant()), "2012-04-02"))
                    .post("/api/v1/outcomes"), 404);
            OutcomeFixtures.asStaff(OTHER).queryParam("participantId", world.participant()).get("/api/v1/outcomes")
                    .then().statusCode(200).header("X-Total-Count", "0");
        });
    }

    @Test
    void aCheckpointThatIsNoCheckpointAnswers400NamingItAndChangesNothing() {
        World world = sharedWorld();
        assertChangesNothing("a correction of checkpoint 'exit'", () -> assertProblem(OutcomeFixtures.asStaff(OWNER)
                .header("If-Match", world.checkedEtag()).body(followUpCorrection())
                .put(world.resolve("/api/v1/participations/{checked}/follow-ups/exit")), 400)
                .body("violations.field", hasItem("checkpoint")));
    }

    /** A retried correction answers the first answer, changes nothing more and is published once. */
    @Test
    void aReplayedCorrectionChangesNothingMoreAndPublishesOnce() {
        World world = world();
        String path = world.resolve("/api/v1/participations/{checked}/follow-ups/EXIT");
        String key = "sweep-" + UUID.randomUUID();
        Response first = OutcomeFixtures.asStaff(OWNER).header("If-Match", world.checkedEtag()).header("Idempotency-Key", key)
                .body(followUpCorrection()).put(path);
        first.then().statusCode(200);
        assertChangesNothing("a replayed correction", () -> {
            Response replay = OutcomeFixtures.asStaff(OWNER).header("If-Match", first.header("ETag"))
                    .header("Idempotency-Key", key).body(followUpCorrection()).put(path);
            replay.then().statusCode(200).header("ETag", equalTo(first.header("ETag")));
            assertEquals(first.body().asString(), replay.body().asString());
        });
        Predicate<TopicReader.Published> correctedHere = r -> world.checkedParticipant().equals(r.key())
                && r.type().equals("followup.corrected.v1");
        TopicReader.await("outcome-events", 1, correctedHere);
        assertEquals(1, TopicReader.readAll("outcome-events").stream().filter(correctedHere).count());
    }

    @Test
    void aDueDateThatIsNoDateAnswers400NamingIt() {
        assertProblem(OutcomeFixtures.asStaff(OWNER).queryParam("until", "tomorrow").get("/api/v1/follow-ups/due"), 400)
                .body("violations.field", hasItem("until"));
    }

    private static Map<String, Object> followUpCorrection() {
        return OutcomeFixtures.followUpCorrection("EMPLOYMENT", "2012-04-16");
    }

    private static Map<String, Object> correction() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "APPRENTICESHIP");
        body.put("startDate", "2012-04-02");
        return body;
    }
}
