package de.nrw.activation.groups;

import de.nrw.activation.testsupport.BadInputSweep;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Every endpoint of groups-service against bad input (issue 8, OWASP API4/API8): the cases of
 * {@link BadInputSweep} over the table below, checked on every table of the service.
 */
@QuarkusTest
class BadInputSweepTest extends BadInputSweep<BadInputSweepTest.World> {

    private static final String SESSION_DAY = "2012-03-05"; // the first Monday of the world's group
    private static final AtomicInteger PHASES = new AtomicInteger();

    /**
     * Two groups of {@value BadInputSweep#OWNER} (the second one a participation can be transferred
     * to), in the first an open participation of {@code participant} and an ended one: the ids the
     * paths and bodies name.
     */
    record World(String group, String target, String participant, String participation, String ended,
                 String providerGroup, String providerParticipant, String providerParticipation, String proposal)
            implements Ids {
        @Override
        public String resolve(String template) {
            return template.replace("{group}", group).replace("{participation}", participation).replace("{ended}", ended)
                    .replace("{phase}", "PHASE_1").replace("{date}", SESSION_DAY)
                    .replace("{providerGroup}", providerGroup).replace("{providerParticipation}", providerParticipation)
                    .replace("{proposal}", proposal).replace("{providerDate}", Providers.FIRST_SESSION);
        }
    }

    /** The education provider running the world's provider group; its staff call the provider endpoints. */
    private static final String PROVIDER = "bildungswerk-sweep";
    private static final Caller PROVIDER_STAFF = jobcenter -> Tokens.providerStaff(jobcenter, PROVIDER);
    /** What provider staff may read whatever the world: lists of their own, and the phases. */
    private static final Set<String> OPEN_TO_PROVIDER_STAFF = Set.of("GET /api/v1/phases", "GET /api/v1/phases/{phase}",
            "GET /api/v1/groups", "GET /api/v1/exit-proposals", "GET /api/v1/exit-proposals/{proposal}");

    @Inject
    AgroalDataSource db;

    @Override
    protected List<Endpoint<World>> endpoints() {
        return List.of(
                get("/api/v1/phases"),
                get("/api/v1/phases/{phase}"),
                post("/api/v1/phases").as(Caller.COORDINATOR).body(w -> newPhase())
                        .requiredFields("id", "name", "startDate", "endDate", "jobcenterIds").dateFields("startDate", "endDate")
                        .forbiddenFor(Caller.STAFF, Caller.OPS).creates(),
                put("/api/v1/phases/{phase}").as(Caller.COORDINATOR).body(w -> phaseChange())
                        .requiredFields("name", "startDate", "endDate", "jobcenterIds")
                        .forbiddenFor(Caller.STAFF, Caller.OPS).takesIfMatch(),
                post("/api/v1/groups").body(w -> Fixtures.herneGroup())
                        .unknownEnum(b -> with(b, "provider", Map.of("type", "CHARITY", "name", "X")))
                        .requiredFields("jobcenterId", "phaseId", "name", "provider", "location", "coaches", "startDate",
                                "weeks", "meetingDays", "dailyStart", "dailyEnd", "capacity")
                        .dateFields("startDate").staffOnly().creates(),
                get("/api/v1/groups").forbiddenFor(Caller.OPS),
                get("/api/v1/groups/{group}").forbiddenFor(Caller.OPS).withJobcenterIds(),
                put("/api/v1/groups/{group}").body(w -> groupChange())
                        .unknownEnum(b -> with(b, "provider", Map.of("type", "CHARITY", "name", "X")))
                        .requiredFields("name", "location", "coaches", "provider", "capacity").staffOnly()
                        .takesIfMatch(w -> etag("activation_group", w.group())).withJobcenterIds(),
                post("/api/v1/groups/{group}/cancel").staffOnly().takesIfMatch().withJobcenterIds(),
                get("/api/v1/groups/{group}/sessions").forbiddenFor(Caller.OPS).withJobcenterIds(),
                post("/api/v1/groups/{group}/sessions/{date}/cancel").staffOnly().takesIfMatch().withJobcenterIds(),
                post("/api/v1/groups/{group}/sessions/{date}/move").body(w -> new HashMap<>(Map.of("newDate", "2012-03-06")))
                        .requiredFields("newDate").dateFields("newDate").staffOnly().takesIfMatch().withJobcenterIds(),
                put("/api/v1/groups/{group}/sessions/{date}/attendance")
                        .body(w -> new ArrayList<>(List.of(new HashMap<>(Map.of("participantId", w.participant(), "status", "PRESENT")))))
                        .unknownEnum(b -> List.of(Map.of("participantId", UUID.randomUUID().toString(), "status", "ASLEEP")))
                        .staffOnly().withJobcenterIds(),
                get("/api/v1/groups/{group}/sessions/{date}/attendance").staffOnly().withJobcenterIds(),
                get("/api/v1/groups/{group}/absences").staffOnly().withJobcenterIds(),
                post("/api/v1/groups/{group}/participations").body(w -> entry(w.participant()))
                        .requiredFields("participantId", "entryDate").dateFields("entryDate").staffOnly()
                        .withJobcenterIds(),
                get("/api/v1/groups/{group}/participations").staffOnly().withJobcenterIds(),
                get("/api/v1/participations/{participation}").staffOnly().withJobcenterIds(),
                post("/api/v1/participations/{participation}/exit")
                        .body(w -> new HashMap<>(Map.of("exitDate", "2012-03-20", "reason", "COMPLETED")))
                        .unknownEnum(b -> with(b, "reason", "RETIRED")).requiredFields("exitDate", "reason")
                        .dateFields("exitDate").staffOnly().takesIfMatch().withJobcenterIds(),
                put("/api/v1/participations/{ended}/exit")
                        .body(w -> new HashMap<>(Map.of("exitDate", "2012-03-21", "reason", "DROPOUT")))
                        .unknownEnum(b -> with(b, "reason", "RETIRED")).requiredFields("exitDate", "reason")
                        .dateFields("exitDate").staffOnly()
                        .takesIfMatch(w -> etag("participation", w.ended())).withJobcenterIds(),
                post("/api/v1/participations/{participation}/withdraw")
                        .body(w -> new HashMap<>(Map.of("reason", "registered in error"))).requiredFields("reason")
                        .staffOnly().takesIfMatch().withJobcenterIds(),
                post("/api/v1/participations/{participation}/transfer")
                        .body(w -> new HashMap<>(Map.of("groupId", w.target(), "date", "2012-03-19")))
                        .requiredFields("groupId", "date").dateFields("date").staffOnly()
                        .takesIfMatch(w -> etag("participation", w.participation())).withJobcenterIds(),
                get("/api/v1/participations/missing-exits").staffOnly(),
                // provider staff: their provider's group, its sessions, attendance and participations
                get("/api/v1/groups/{providerGroup}").as(PROVIDER_STAFF).withJobcenterIds(),
                get("/api/v1/groups/{providerGroup}/sessions").as(PROVIDER_STAFF).withJobcenterIds(),
                get("/api/v1/groups/{providerGroup}/participations").as(PROVIDER_STAFF).withJobcenterIds(),
                put("/api/v1/groups/{providerGroup}/sessions/{providerDate}/attendance").as(PROVIDER_STAFF)
                        .body(w -> new ArrayList<>(List.of(new HashMap<>(Map.of("participantId", w.providerParticipant(),
                                "status", "PRESENT")))))
                        .unknownEnum(b -> List.of(Map.of("participantId", UUID.randomUUID().toString(), "status", "ASLEEP")))
                        .forbiddenFor(Caller.COORDINATOR, Caller.OPS).withJobcenterIds(),
                get("/api/v1/groups/{providerGroup}/sessions/{providerDate}/attendance").as(PROVIDER_STAFF).withJobcenterIds(),
                get("/api/v1/groups/{providerGroup}/absences").as(PROVIDER_STAFF).withJobcenterIds(),
                get("/api/v1/participations/{providerParticipation}").as(PROVIDER_STAFF).withJobcenterIds(),
                // exit proposals
                post("/api/v1/participations/{providerParticipation}/exit-proposals").as(PROVIDER_STAFF)
                        .body(w -> new HashMap<>(Map.of("exitDate", "2013-05-31", "reason", "DROPOUT")))
                        .unknownEnum(b -> with(b, "reason", "RETIRED")).requiredFields("exitDate", "reason")
                        .dateFields("exitDate").forbiddenFor(Caller.STAFF, Caller.COORDINATOR, Caller.OPS)
                        .creates().withJobcenterIds(),
                get("/api/v1/exit-proposals").forbiddenFor(Caller.COORDINATOR, Caller.OPS),
                get("/api/v1/exit-proposals").as(PROVIDER_STAFF).forbiddenFor(Caller.COORDINATOR, Caller.OPS),
                get("/api/v1/exit-proposals/{proposal}").forbiddenFor(Caller.COORDINATOR, Caller.OPS).withJobcenterIds(),
                get("/api/v1/exit-proposals/{proposal}").as(PROVIDER_STAFF).withJobcenterIds(),
                post("/api/v1/exit-proposals/{proposal}/accept").staffOnly()
                        .takesIfMatch(w -> etag("exit_proposal", w.proposal())).withJobcenterIds(),
                post("/api/v1/exit-proposals/{proposal}/reject").body(w -> new HashMap<>(Map.of("reason", "still attending")))
                        .requiredFields("reason").staffOnly()
                        .takesIfMatch(w -> etag("exit_proposal", w.proposal())).withJobcenterIds());
    }

    @Override
    protected World world() {
        String group = Fixtures.schedule(Fixtures.herneGroup());
        String participant = Fixtures.knownParticipant(db, OWNER);
        String participation = Fixtures.enter(OWNER, group, participant, SESSION_DAY);
        String target = Fixtures.schedule(Fixtures.group(OWNER, "PHASE_1", "2012-03-12"));
        String ended = Fixtures.enter(OWNER, group, Fixtures.knownParticipant(db, OWNER), SESSION_DAY);
        Lifecycle.exit(OWNER, ended, "2012-04-13", "COMPLETED").then().statusCode(200);
        String providerGroup = Providers.group(OWNER, PROVIDER);
        String providerParticipant = Fixtures.knownParticipant(db, OWNER);
        String providerParticipation = Fixtures.enter(OWNER, providerGroup, providerParticipant, Providers.START);
        String proposed = Providers.participation(db, OWNER, providerGroup);
        String proposal = Fixtures.asProvider(OWNER, PROVIDER).body(Map.of("exitDate", "2013-05-31", "reason", "COMPLETED"))
                .post("/api/v1/participations/" + proposed + "/exit-proposals").then().statusCode(201).extract().path("id");
        return new World(group, target, participant, participation, ended, providerGroup, providerParticipant,
                providerParticipation, proposal);
    }

    @Override
    protected World malformedIds(World world) {
        return new World("not-a-uuid", world.target(), world.participant(), "not-a-uuid", "not-a-uuid",
                "not-a-uuid", world.providerParticipant(), "not-a-uuid", "not-a-uuid");
    }

    @Override
    protected World missingIds(World world) {
        return new World(UUID.randomUUID().toString(), world.target(), world.participant(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), world.providerParticipant(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    @Override
    protected List<String> pagedLists() {
        return List.of("/api/v1/groups", "/api/v1/groups/{group}/participations", "/api/v1/participations/missing-exits",
                "/api/v1/exit-proposals");
    }

    /**
     * Provider staff see their provider's groups and nothing else (issue 18): every endpoint of the
     * table that is not theirs answers them 404 (also where the coordinator and ops get 403), on the
     * Jobcenter-run group of the world as on the staff-only endpoints, and changes nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsOutsideProviderStaffsScope")
    void everyEndpointOutsideProviderStaffsScopeAnswersThem404AndChangesNothing(Endpoint<World> endpoint) {
        World world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            io.restassured.specification.RequestSpecification request = as(endpoint.as(PROVIDER_STAFF), OWNER);
            if (endpoint.ifMatch()) {
                request.header("If-Match", "\"0\"");
            }
            assertProblem(send(request, endpoint, world, endpoint.validBody(world)), 404);
        });
    }

    /**
     * The data-protection officer reads participants-service's audit trail and nothing of this
     * service: every endpoint answers 403 (the role is known, it may not do this) and changes nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void everyEndpointAnswersTheDataProtectionOfficer403AndChangesNothing(Endpoint<World> endpoint) {
        World world = sharedWorld();
        assertChangesNothing(endpoint, () -> {
            io.restassured.specification.RequestSpecification request = as(endpoint.as(Tokens::dataProtection), OWNER);
            if (endpoint.ifMatch()) {
                request.header("If-Match", "\"0\"");
            }
            assertProblem(send(request, endpoint, world, endpoint.validBody(world)), 403)
                    .body("type", org.hamcrest.Matchers.endsWith("/forbidden"));
        });
    }

    Stream<Endpoint<World>> endpointsOutsideProviderStaffsScope() {
        return endpoints().stream().filter(e -> e.caller() != PROVIDER_STAFF && !OPEN_TO_PROVIDER_STAFF.contains(e.toString()));
    }

    /** Every table of the service that a request could change. */
    @Override
    protected String storedState() {
        return Rows.snapshot(db, "phase", "phase_jobcenter", "activation_group", "group_session",
                "participation", "participation_group", "attendance", "exit_proposal", "idempotency_record");
    }

    /** Entering is the one creation that needs a participant not yet in the world's group. */
    @Test
    void enteringAParticipantReplaysAnIdempotencyKeyAndCreatesNothingNew() {
        World world = world();
        Endpoint<World> entering = post("/api/v1/groups/{group}/participations").creates();
        assertReplayAnswersTheFirstAnswer(entering, world, entry(Fixtures.knownParticipant(db, OWNER)));
    }

    /**
     * A withdrawal with the current ETag goes ahead (the sweep's bodies are valid, only their
     * versions are bad); a repeated one answers the withdrawn participation whatever its If-Match,
     * so unlike the other changes it has no stale ETag afterwards, and changes nothing.
     */
    @Test
    void aWithdrawalWithTheCurrentEtagGoesAheadAndARepeatChangesNothing() {
        World world = world();
        Endpoint<World> withdrawal = post("/api/v1/participations/{participation}/withdraw");
        Map<String, Object> body = Map.of("reason", "registered in error");
        String current = etag("participation", world.participation());
        send(as(withdrawal, OWNER).header("If-Match", current), withdrawal, world, body)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
        assertChangesNothing("a repeated withdrawal", () -> send(as(withdrawal, OWNER).header("If-Match", current),
                withdrawal, world, body).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN")));
    }

    /** The ETag of a versioned row as the service sends it. */
    private String etag(String table, String id) {
        return "\"" + Rows.one(db, "SELECT version FROM " + table + " WHERE id = ?", UUID.fromString(id)).get("version") + "\"";
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
