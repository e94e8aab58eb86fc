package de.nrw.activation.groups;

import de.nrw.activation.testsupport.BadInputSweep;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every endpoint of groups-service against bad input (issue 8, OWASP API4/API8): the cases of
 * {@link BadInputSweep} over the table below, checked on every table of the service.
 */
@QuarkusTest
class BadInputSweepTest extends BadInputSweep<BadInputSweepTest.World> {

    private static final String SESSION_DAY = "2012-03-05"; // the first Monday of the world's group
    private static final AtomicInteger PHASES = new AtomicInteger();

    /** A group of {@value BadInputSweep#OWNER} with one participant in it: the ids the paths name. */
    record World(String group, String participant, String participation) implements Ids {
        @Override
        public String resolve(String template) {
            return template.replace("{group}", group).replace("{participation}", participation)
                    .replace("{phase}", "PHASE_1").replace("{date}", SESSION_DAY);
        }
    }

    @Inject
    AgroalDataSource db;

    @Override
    protected List<Endpoint<World>> endpoints() {
        return List.of(
                get("/api/v1/phases"),
                get("/api/v1/phases/{phase}"),
                post("/api/v1/phases").as(Caller.COORDINATOR).body(w -> newPhase()).creates(),
                put("/api/v1/phases/{phase}").as(Caller.COORDINATOR).body(w -> phaseChange()).takesIfMatch(),
                post("/api/v1/groups").body(w -> Fixtures.herneGroup())
                        .unknownEnum(b -> with(b, "provider", Map.of("type", "CHARITY", "name", "X"))).creates(),
                get("/api/v1/groups"),
                get("/api/v1/groups/{group}").withJobcenterIds(),
                post("/api/v1/groups/{group}/cancel").takesIfMatch().withJobcenterIds(),
                get("/api/v1/groups/{group}/sessions").withJobcenterIds(),
                post("/api/v1/groups/{group}/sessions/{date}/cancel").takesIfMatch().withJobcenterIds(),
                post("/api/v1/groups/{group}/sessions/{date}/move").body(w -> new HashMap<>(Map.of("newDate", "2012-03-06")))
                        .takesIfMatch().withJobcenterIds(),
                put("/api/v1/groups/{group}/sessions/{date}/attendance")
                        .body(w -> new ArrayList<>(List.of(new HashMap<>(Map.of("participantId", w.participant(), "status", "PRESENT")))))
                        .unknownEnum(b -> List.of(Map.of("participantId", UUID.randomUUID().toString(), "status", "ASLEEP")))
                        .withJobcenterIds(),
                get("/api/v1/groups/{group}/sessions/{date}/attendance").withJobcenterIds(),
                get("/api/v1/groups/{group}/absences").withJobcenterIds(),
                post("/api/v1/groups/{group}/participations").body(w -> entry(w.participant())).withJobcenterIds(),
                get("/api/v1/groups/{group}/participations").withJobcenterIds(),
                get("/api/v1/participations/{participation}").withJobcenterIds(),
                post("/api/v1/participations/{participation}/exit")
                        .body(w -> new HashMap<>(Map.of("exitDate", "2012-03-20", "reason", "COMPLETED")))
                        .unknownEnum(b -> with(b, "reason", "RETIRED")).takesIfMatch().withJobcenterIds());
    }

    @Override
    protected World world() {
        String group = Fixtures.schedule(Fixtures.herneGroup());
        String participant = Fixtures.knownParticipant(db, OWNER);
        String participation = Fixtures.enter(OWNER, group, participant, SESSION_DAY);
        return new World(group, participant, participation);
    }

    @Override
    protected World malformedIds(World world) {
        return new World("not-a-uuid", world.participant(), "not-a-uuid");
    }

    @Override
    protected World missingIds(World world) {
        return new World(UUID.randomUUID().toString(), world.participant(), UUID.randomUUID().toString());
    }

    @Override
    protected List<String> pagedLists() {
        return List.of("/api/v1/groups", "/api/v1/groups/{group}/participations");
    }

    /** Every table of the service that a request could change. */
    @Override
    protected String storedState() {
        return Rows.snapshot(db, "phase", "phase_jobcenter", "activation_group", "group_session",
                "participation", "participation_group", "attendance", "idempotency_record");
    }

    /** Entering is the one creation that needs a participant not yet in the world's group. */
    @Test
    void enteringAParticipantReplaysAnIdempotencyKeyAndCreatesNothingNew() {
        World world = world();
        Endpoint<World> entering = post("/api/v1/groups/{group}/participations").creates();
        assertReplayAnswersTheFirstAnswer(entering, world, entry(Fixtures.knownParticipant(db, OWNER)));
    }

    @Test
    void aCoordinatorOnlyEndpointAnswers403ToStaffAndChangesNothing() {
        assertChangesNothing("staff changing phases", () -> {
            assertProblem(Fixtures.asStaff(OWNER).body(newPhase()).post("/api/v1/phases"), 403);
            assertProblem(Fixtures.asStaff(OWNER).header("If-Match", "\"0\"").body(phaseChange()).put("/api/v1/phases/PHASE_1"), 403);
        });
    }

    private static Map<String, Object> entry(String participant) {
        return new HashMap<>(Map.of("participantId", participant, "entryDate", SESSION_DAY));
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
}
