package de.nrw.activation.e2e;

import de.nrw.activation.testsupport.RunningSuite;

import de.nrw.activation.testsupport.Tokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.e2e.SuiteApi.as;
import static de.nrw.activation.e2e.SuiteApi.awaitCreated;
import static de.nrw.activation.e2e.SuiteApi.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The ten use cases of domain.md, over HTTP only, against the four services running as separate
 * processes: a Jobcenter (Köln, Phase II) registers people, schedules a group, assigns them,
 * records attendance, exits, outcomes and follow-ups; the coordinator's reports change with it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UseCasesEndToEndTest {

    static final String JC = "koeln";
    static RunningSuite suite;
    static String staff;
    static final List<String> participants = new ArrayList<>();
    static final List<String> participations = new ArrayList<>();
    static String groupId;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        staff = Tokens.staff(JC);
    }



    static Map<String, Object> person(String number, String distance) {
        Map<String, Object> body = new HashMap<>();
        body.put("jobcenterId", JC);
        body.put("customerNumber", number);
        body.put("firstName", "Max");
        body.put("lastName", "Mustermann");
        body.put("dateOfBirth", "1990-02-01");
        body.put("gender", "MALE");
        body.put("customerType", "NEW");
        body.put("labourMarketDistance", distance);
        body.put("vocationalQualification", true);
        return body;
    }

    @Test
    @Order(1)
    void useCase1RegisterCorrectAndEraseParticipants() {
        for (int i = 0; i < 4; i++) {
            String id = as(staff).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(person("E2E-" + UUID.randomUUID().toString().substring(0, 8), i % 2 == 0 ? "CLOSE" : "DISTANT"))
                    .post(url("participants-service", "/participants")).then().statusCode(201).extract().path("id");
            participants.add(id);
        }
        Map<String, Object> change = person(null, "DISTANT");
        change.remove("jobcenterId");
        change.remove("customerNumber");
        as(staff).header("If-Match", "\"0\"").body(change)
                .put(url("participants-service", "/participants/" + participants.get(0)))
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        // another Jobcenter does not see them
        as(Tokens.staff("bochum")).get(url("participants-service", "/participants/" + participants.get(0)))
                .then().statusCode(404);
    }

    @Test
    @Order(2)
    void useCase2ScheduleAGroupWhoseSessionsSkipHolidays() {
        Map<String, Object> group = new HashMap<>();
        group.put("jobcenterId", JC);
        group.put("phaseId", "PHASE_2");
        group.put("name", "Aktivierungsgruppe Köln-Mülheim");
        group.put("provider", Map.of("type", "EDUCATION_PROVIDER", "name", "Bildungswerk Köln", "id", "bildungswerk-koeln"));
        group.put("location", "Jobcenter Köln, Raum 12");
        group.put("coaches", List.of("Jobcoach K"));
        group.put("startDate", "2013-05-06");
        group.put("weeks", 6);
        group.put("meetingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"));
        group.put("dailyStart", "09:00");
        group.put("dailyEnd", "12:30");
        group.put("capacity", 3);
        Response created = as(staff).body(group).post(url("groups-service", "/groups"));
        created.then().statusCode(201).body("hoursPerWeek", equalTo(14.0f));
        groupId = created.path("id");

        List<String> dates = as(staff).get(url("groups-service", "/groups/" + groupId + "/sessions"))
                .then().statusCode(200).extract().path("date");
        assertThat(dates).contains("2013-05-06", "2013-05-08")
                .doesNotContain("2013-05-09" /* Ascension */, "2013-05-20" /* Whit Monday */,
                        "2013-05-30" /* Corpus Christi */);
    }

    @Test
    @Order(3)
    void useCase3AssignParticipantsWithinCapacity() {
        for (int i = 0; i < 3; i++) {
            String participantId = participants.get(i);
            String id = awaitCreated(() -> as(staff).body(Map.of("participantId", participantId, "entryDate", "2013-05-06"))
                    .post(url("groups-service", "/groups/" + groupId + "/participations")));
            participations.add(id);
        }
        String fourth = participants.get(3);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as(staff).body(Map.of("participantId", fourth, "entryDate", "2013-05-06"))
                        .post(url("groups-service", "/groups/" + groupId + "/participations")).statusCode() == 409);
    }

    @Test
    @Order(4)
    void useCase4RecordAttendanceAndListAbsences() {
        List<Map<String, String>> entries = List.of(
                Map.of("participantId", participants.get(0), "status", "PRESENT"),
                Map.of("participantId", participants.get(1), "status", "UNEXCUSED"),
                Map.of("participantId", participants.get(2), "status", "EXCUSED"));
        as(staff).body(entries).put(url("groups-service", "/groups/" + groupId + "/sessions/2013-05-07/attendance"))
                .then().statusCode(200);
        List<Map<String, Object>> absences = as(staff).get(url("groups-service", "/groups/" + groupId + "/absences"))
                .then().statusCode(200).extract().path("");
        assertThat(absences).anySatisfy(row -> {
            assertThat(row.get("participantId")).isEqualTo(participants.get(1));
            assertThat(((Number) row.get("unexcused")).intValue()).isEqualTo(1);
        });
    }

    @Test
    @Order(5)
    void useCase5ExitOutcomesAndFollowUps() {
        as(staff).body(Map.of("exitDate", "2013-05-28", "reason", "INTEGRATED"))
                .post(url("groups-service", "/participations/" + participations.get(0) + "/exit")).then().statusCode(200);
        as(staff).body(Map.of("exitDate", "2013-06-13", "reason", "COMPLETED"))
                .post(url("groups-service", "/participations/" + participations.get(1) + "/exit")).then().statusCode(200);
        as(staff).body(Map.of("exitDate", "2013-05-15", "reason", "DROPOUT"))
                .post(url("groups-service", "/participations/" + participations.get(2) + "/exit")).then().statusCode(200);

        Map<String, Object> job = new HashMap<>();
        job.put("participantId", participants.get(0));
        job.put("kind", "EMPLOYMENT");
        job.put("startDate", "2013-05-27");
        job.put("temporaryAgency", false);
        job.put("fixedTerm", true);
        job.put("employer", "Rheinische Werkstatt GmbH");
        awaitCreated(() -> as(staff).body(job).post(url("outcomes-service", "/outcomes")));

        // the exit schedules checkpoints: MONTH_3 of the second participation falls due on 2013-09-13
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> due = as(staff).queryParam("until", "2013-09-13")
                    .get(url("outcomes-service", "/follow-ups/due")).then().statusCode(200).extract().path("");
            return due.stream().anyMatch(d -> participations.get(1).equals(d.get("participationId"))
                    && "MONTH_3".equals(d.get("checkpoint")) && "2013-09-13".equals(d.get("dueDate")));
        });
        as(staff).body(Map.of("checkpoint", "MONTH_3", "status", "UNEMPLOYED", "checkedOn", "2013-09-16"))
                .post(url("outcomes-service", "/participations/" + participations.get(1) + "/follow-ups"))
                .then().statusCode(201);
        as(staff).body(Map.of("checkpoint", "MONTH_6", "status", "EMPLOYMENT", "checkedOn", "2013-11-28"))
                .post(url("outcomes-service", "/participations/" + participations.get(0) + "/follow-ups"))
                .then().statusCode(201);
    }

    @Test
    @Order(6)
    void useCases6To8TheCoordinatorSeesTheNumbersChange() {
        // staff see their own row unsuppressed: 1 integration (fast), 1 unemployed, 1 dropout
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> row = as(staff).queryParam("phaseId", "PHASE_2").queryParam("groupBy", "jobcenter")
                    .get(url("reporting-service", "/reports/whereabouts")).then().statusCode(200)
                    .extract().path("rows.find { it.key == 'koeln' }");
            assertThat(row).isNotNull();
            assertThat(((Number) row.get("n")).intValue()).isEqualTo(3);
            assertThat(((Number) row.get("integrations")).intValue()).isEqualTo(1);
            assertThat(((Number) row.get("fastIntegrations")).intValue()).isEqualTo(1);
            assertThat(((Number) row.get("unemployed")).intValue()).isEqualTo(1);
            assertThat(((Number) row.get("dropouts")).intValue()).isEqualTo(1);
        });
        // the coordinator sees the row too, with the small counts suppressed, and no personal data
        String coordinatorView = as(Tokens.coordinator()).queryParam("phaseId", "PHASE_2").queryParam("groupBy", "providerType")
                .get(url("reporting-service", "/reports/whereabouts")).then().statusCode(200).extract().asString();
        assertThat(coordinatorView).contains("EDUCATION_PROVIDER").doesNotContain("Mustermann", "E2E-");
        as(Tokens.coordinator()).queryParam("phaseId", "PHASE_2")
                .get(url("reporting-service", "/reports/sustainability")).then().statusCode(200);
    }

    @Test
    @Order(7)
    void useCase9CsvAndChart() {
        given().auth().oauth2(Tokens.coordinator()).accept("text/csv").queryParam("phaseId", "PHASE_2")
                .get(url("reporting-service", "/reports/whereabouts"))
                .then().statusCode(200).contentType(startsWith("text/csv"));
        String svg = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", "PHASE_2")
                .get(url("reporting-service", "/reports/whereabouts/chart"))
                .then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
        assertThat(svg).contains("<svg");
    }

    @Test
    @Order(8)
    void erasureKeepsTheStatistics() {
        as(staff).delete(url("participants-service", "/participants/" + participants.get(1))).then().statusCode(204);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> row = as(staff).queryParam("phaseId", "PHASE_2").queryParam("groupBy", "jobcenter")
                    .get(url("reporting-service", "/reports/whereabouts")).then().statusCode(200)
                    .extract().path("rows.find { it.key == 'koeln' }");
            assertThat(((Number) row.get("n")).intValue()).isEqualTo(3);
            assertThat(((Number) row.get("unemployed")).intValue()).isEqualTo(1);
        });
    }

    @Test
    @Order(9)
    void useCase10OperationsHealthMetricsOpenApiAndProjections() {
        for (String service : RunningSuite.SERVICES) {
            given().get(suite.url(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(suite.url(service) + "/q/metrics").then().statusCode(200);
            given().accept("application/json").get(suite.url(service) + "/q/openapi").then().statusCode(200);
        }
        as(Tokens.ops()).get(url("reporting-service", "/projections/status")).then().statusCode(200);
        as(Tokens.ops()).post(url("reporting-service", "/projections/rebuild")).then().statusCode(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, Object> row = as(staff).queryParam("phaseId", "PHASE_2").queryParam("groupBy", "jobcenter")
                    .get(url("reporting-service", "/reports/whereabouts")).then().statusCode(200)
                    .extract().path("rows.find { it.key == 'koeln' }");
            assertThat(((Number) row.get("n")).intValue()).isEqualTo(3);
        });
    }

}
