package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.BadInputSweep;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;

/**
 * Every endpoint of outcomes-service against bad input (issue 8, OWASP API4/API8): the cases of
 * {@link BadInputSweep} over the table below, checked on the service's tables. Every id in these
 * paths belongs to a Jobcenter.
 */
@QuarkusTest
class BadInputSweepTest extends BadInputSweep<BadInputSweepTest.World> {

    /** A participant of {@value BadInputSweep#OWNER} who was in a group (entered, exited) and has an outcome. */
    record World(String participant, String participation, String outcome) implements Ids {
        @Override
        public String resolve(String template) {
            return template.replace("{participation}", participation).replace("{outcome}", outcome);
        }
    }

    @Inject
    AgroalDataSource db;

    @Override
    protected List<Endpoint<World>> endpoints() {
        return List.of(
                post("/api/v1/outcomes").body(w -> OutcomeFixtures.employment(UUID.fromString(w.participant()), "2012-04-02"))
                        .enumFields("kind").creates(),
                get("/api/v1/outcomes"),
                get("/api/v1/outcomes/{outcome}").withJobcenterIds(),
                put("/api/v1/outcomes/{outcome}").body(w -> correction()).enumFields("kind").takesIfMatch().withJobcenterIds(),
                post("/api/v1/participations/{participation}/follow-ups")
                        .body(w -> OutcomeFixtures.followUp("EXIT", "EMPLOYMENT", "2012-04-13"))
                        .enumFields("checkpoint", "status").creates().withJobcenterIds(),
                get("/api/v1/participations/{participation}/follow-ups").withJobcenterIds(),
                get("/api/v1/participations/{participation}/follow-ups/EXIT").withJobcenterIds(),
                get("/api/v1/follow-ups/due"));
    }

    @Override
    protected World world() {
        UUID participant = OutcomeFixtures.knownParticipant(db, OWNER);
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, OWNER,
                LocalDate.parse("2012-03-05"), LocalDate.parse("2012-04-13"));
        String outcome = OutcomeFixtures.record(OWNER, OutcomeFixtures.employment(participant, "2012-04-02"));
        return new World(participant.toString(), participation.toString(), outcome);
    }

    @Override
    protected World malformedIds(World world) {
        return new World(world.participant(), "not-a-uuid", "not-a-uuid");
    }

    @Override
    protected World missingIds(World world) {
        return new World(world.participant(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    @Override
    protected List<String> pagedLists() {
        return List.of("/api/v1/outcomes", "/api/v1/follow-ups/due");
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
    void anIfMatchOfTheVersionBeforeACorrectionAnswers412AndChangesNothing() {
        World world = world();
        OutcomeFixtures.asStaff(OWNER).header("If-Match", "\"0\"").body(correction()).put(world.resolve("/api/v1/outcomes/{outcome}"))
                .then().statusCode(200);
        for (Endpoint<World> endpoint : endpointsTakingIfMatch().toList()) {
            assertChangesNothing(endpoint, () -> assertProblem(send(as(endpoint, OWNER).header("If-Match", "\"0\""),
                    endpoint, world, with(endpoint.validBody(world), "kind", "SELF_EMPLOYMENT")), 412));
        }
    }

    @Test
    void aDueDateThatIsNoDateAnswers400NamingIt() {
        assertProblem(OutcomeFixtures.asStaff(OWNER).queryParam("until", "tomorrow").get("/api/v1/follow-ups/due"), 400)
                .body("violations.field", hasItem("until"));
    }

    private static Map<String, Object> correction() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "APPRENTICESHIP");
        body.put("startDate", "2012-04-02");
        return body;
    }
}
