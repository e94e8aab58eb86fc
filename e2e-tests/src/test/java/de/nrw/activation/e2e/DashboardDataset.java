package de.nrw.activation.e2e;

import de.nrw.activation.testsupport.RunningSuite;

import de.nrw.activation.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A small data set of its own for the dashboard's browser test, created through the public HTTP
 * APIs only, in a phase of its own ({@link #PHASE}) so that it neither depends on nor changes the
 * figures the other end-to-end tests check (Phase I demo data, Köln in Phase II).
 *
 * <p>Herne (groups run by the Jobcenter) and Bochum (run by an education provider) have enough
 * participations for figures of some size; Hamm has two, so the coordinator sees its counts
 * perturbed as 0, 3 or 4 (no row when its N comes out as 0).
 */
final class DashboardDataset {

    static final String PHASE = "DASHBOARD_2014";
    static final String ENTRY = "2014-03-03";

    enum Fate { FAST_INTEGRATION, INTEGRATION, INTEGRATION_LOST, MINIJOB, UNEMPLOYED, DROPOUT, OPEN }

    record Project(String jobcenter, String providerType, List<Fate> fates) { }

    static final List<Project> PROJECTS = List.of(
            new Project("herne", "JOBCENTER", List.of(Fate.FAST_INTEGRATION, Fate.FAST_INTEGRATION, Fate.INTEGRATION,
                    Fate.INTEGRATION_LOST, Fate.MINIJOB, Fate.MINIJOB, Fate.MINIJOB, Fate.UNEMPLOYED, Fate.UNEMPLOYED,
                    Fate.UNEMPLOYED)),
            new Project("bochum", "EDUCATION_PROVIDER", List.of(Fate.FAST_INTEGRATION, Fate.INTEGRATION, Fate.INTEGRATION,
                    Fate.DROPOUT, Fate.DROPOUT, Fate.DROPOUT, Fate.UNEMPLOYED, Fate.UNEMPLOYED, Fate.UNEMPLOYED)),
            new Project("hamm", "JOBCENTER", List.of(Fate.INTEGRATION, Fate.OPEN)));

    static final int TOTAL_N = PROJECTS.stream().mapToInt(p -> p.fates().size()).sum();
    /** Follow-ups at 6 months: one per integration and per unemployed participation. */
    static final int MONTH6_CHECKS = (int) PROJECTS.stream().flatMap(p -> p.fates().stream())
            .filter(f -> f != Fate.MINIJOB && f != Fate.DROPOUT && f != Fate.OPEN).count();

    private static boolean created;

    private DashboardDataset() { }

    /** Creates the data set once per test JVM and waits until the reports show all of it. */
    static synchronized void ensure(RunningSuite suite) {
        if (created) {
            return;
        }
        addPhase(suite);
        int person = 0;
        for (Project project : PROJECTS) {
            String staff = Tokens.staff(project.jobcenter());
            String groupId = scheduleGroup(suite, staff, project);
            for (Fate fate : project.fates()) {
                createParticipation(suite, staff, project.jobcenter(), groupId, fate, person++);
            }
        }
        // each Jobcenter's staff see their own figures exactly (the coordinator's are perturbed): all of them applied
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            int n = 0;
            int checks = 0;
            for (Project project : PROJECTS) {
                Map<String, Object> total = as(Tokens.staff(project.jobcenter())).queryParam("phaseId", PHASE)
                        .get(suite.url("reporting-service") + "/api/v1/reports/sustainability").then().statusCode(200)
                        .extract().path("total");
                n += ((Number) total.get("n")).intValue();
                checks += ((Number) total.get("endedCheckedAtMonth6")).intValue();
            }
            assertThat(n).isEqualTo(TOTAL_N);
            assertThat(checks).isEqualTo(MONTH6_CHECKS);
        });
        created = true;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static void addPhase(RunningSuite suite) {
        Map<String, Object> phase = Map.of("id", PHASE, "name", "Regelbetrieb 2014 (Dashboard-Test)",
                "startDate", "2014-01-01", "endDate", "2014-12-31",
                "jobcenterIds", PROJECTS.stream().map(Project::jobcenter).toList());
        int status = as(Tokens.coordinator()).body(phase).post(suite.url("groups-service") + "/api/v1/phases").statusCode();
        assertThat(status).as("adding phase " + PHASE).isIn(201, 409);
    }

    private static String scheduleGroup(RunningSuite suite, String staff, Project project) {
        Map<String, Object> group = new HashMap<>();
        group.put("jobcenterId", project.jobcenter());
        group.put("phaseId", PHASE);
        group.put("name", "Aktivierungsgruppe Frühjahr 2014");
        group.put("provider", "JOBCENTER".equals(project.providerType())
                ? Map.of("type", project.providerType(), "name", "Jobcenter")
                : Map.of("type", project.providerType(), "name", "Bildungswerk Ruhr", "id", "bildungswerk-ruhr"));
        group.put("location", "Raum 1");
        group.put("coaches", List.of("Jobcoach A"));
        group.put("startDate", ENTRY);
        group.put("weeks", 6);
        group.put("meetingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"));
        group.put("dailyStart", "09:00");
        group.put("dailyEnd", "12:30");
        group.put("capacity", 20);
        return as(staff).body(group).post(suite.url("groups-service") + "/api/v1/groups")
                .then().statusCode(201).extract().path("id");
    }

    private static void createParticipation(RunningSuite suite, String staff, String jobcenter, String groupId, Fate fate,
                                            int person) {
        Map<String, Object> body = new HashMap<>();
        body.put("jobcenterId", jobcenter);
        body.put("customerNumber", "DASH-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("firstName", "Test");
        body.put("lastName", "Person");
        body.put("dateOfBirth", List.of("1992-05-01", "1980-01-15", "1960-07-07").get(person % 3));
        body.put("gender", person % 2 == 0 ? "FEMALE" : "MALE");
        body.put("customerType", person % 3 == 0 ? "NEW" : "EXISTING");
        body.put("labourMarketDistance", person % 4 == 3 ? "DISTANT" : "CLOSE");
        body.put("vocationalQualification", person % 3 != 2);
        String participantId = as(staff).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post(suite.url("participants-service") + "/api/v1/participants").then().statusCode(201).extract().path("id");

        String participationId = awaitCreated(false, () -> as(staff).body(Map.of("participantId", participantId, "entryDate", ENTRY))
                .post(suite.url("groups-service") + "/api/v1/groups/" + groupId + "/participations"));
        if (fate == Fate.OPEN) {
            return;
        }
        String exitDate = switch (fate) {
            case FAST_INTEGRATION -> "2014-03-28";
            case DROPOUT -> "2014-03-14";
            default -> "2014-04-10";
        };
        String reason = switch (fate) {
            case FAST_INTEGRATION -> "INTEGRATED";
            case DROPOUT -> "DROPOUT";
            default -> "COMPLETED";
        };
        as(staff).body(Map.of("exitDate", exitDate, "reason", reason))
                .post(suite.url("groups-service") + "/api/v1/participations/" + participationId + "/exit")
                .then().statusCode(200);

        String outcomeKind = switch (fate) {
            case FAST_INTEGRATION, INTEGRATION, INTEGRATION_LOST -> "EMPLOYMENT";
            case MINIJOB -> "MINIJOB";
            case UNEMPLOYED -> "UNEMPLOYED";
            default -> null;
        };
        if (outcomeKind != null) {
            Map<String, Object> outcome = new HashMap<>();
            outcome.put("participantId", participantId);
            outcome.put("kind", outcomeKind);
            outcome.put("startDate", fate == Fate.FAST_INTEGRATION ? "2014-03-24" : "2014-05-19");
            outcome.put("temporaryAgency", "EMPLOYMENT".equals(outcomeKind) && person % 2 == 0);
            outcome.put("fixedTerm", "EMPLOYMENT".equals(outcomeKind) && person % 3 == 0);
            awaitCreated(false, () -> as(staff).body(outcome).post(suite.url("outcomes-service") + "/api/v1/outcomes"));
        }
        String month6 = switch (fate) {
            case FAST_INTEGRATION, INTEGRATION -> "EMPLOYMENT";
            case INTEGRATION_LOST, UNEMPLOYED -> "UNEMPLOYED";
            default -> null;
        };
        if (month6 != null) {
            awaitCreated(true, () -> as(staff).body(Map.of("checkpoint", "MONTH_6", "status", month6, "checkedOn", "2014-10-20"))
                    .post(suite.url("outcomes-service") + "/api/v1/participations/" + participationId + "/follow-ups"));
        }
    }

    /**
     * POSTs until the target service has seen the events it needs: it answers 404 (participant or
     * participation not known yet) or, for a follow-up, 422 (exit not known yet, no checkpoint
     * scheduled) until then. Any other answer fails at once with its problem details.
     */
    private static String awaitCreated(boolean followUp, Supplier<Response> post) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = post.get();
            if (response.statusCode() == 201) {
                id[0] = response.path("id");
                return true;
            }
            assertThat(response.statusCode()).as(response.asString()).isIn(followUp ? List.of(404, 422) : List.of(404));
            return false;
        });
        return id[0];
    }
}
