package de.nrw.activation.e2e;

import de.nrw.activation.testsupport.RunningSuite;
import de.nrw.activation.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
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

/**
 * The life of a participation across the four running services (issue 13): the band at entry is
 * the band on the entry date (participants-service answers it; the birth date stays there), an
 * exit is corrected, a participation entered by mistake is withdrawn, one is transferred to
 * another group of the same Jobcenter and phase, and the report follows each change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleEndToEndTest {

    static final String JC = "wuppertal";
    static RunningSuite suite;
    static String staff;

    /** Turns 25 on 2013-06-04, the day after the groups start: enters as UNDER_25. */
    static String turns25;
    static String corrected;
    static String withdrawn;
    static String transferred;
    static String firstGroup;
    static String secondGroup;
    static final Map<String, String> participationOf = new HashMap<>();

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        staff = Tokens.staff(JC);
    }



    static String register(String dateOfBirth) {
        Map<String, Object> body = new HashMap<>();
        body.put("jobcenterId", JC);
        body.put("customerNumber", "LC-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("firstName", "Lena");
        body.put("lastName", "Lebenslauf");
        body.put("dateOfBirth", dateOfBirth);
        body.put("gender", "FEMALE");
        body.put("customerType", "EXISTING");
        body.put("labourMarketDistance", "CLOSE");
        body.put("vocationalQualification", false);
        return as(staff).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post(url("participants-service", "/participants")).then().statusCode(201).extract().path("id");
    }

    static String schedule(String name) {
        Map<String, Object> group = new HashMap<>();
        group.put("jobcenterId", JC);
        group.put("phaseId", "PHASE_2");
        group.put("name", name);
        group.put("provider", Map.of("type", "JOBCENTER", "name", "Jobcenter Wuppertal"));
        group.put("location", "Jobcenter Wuppertal, Raum 3");
        group.put("coaches", List.of("Jobcoach W"));
        group.put("startDate", "2013-06-03");
        group.put("weeks", 6);
        group.put("meetingDays", List.of("MONDAY", "TUESDAY", "THURSDAY"));
        group.put("dailyStart", "09:00");
        group.put("dailyEnd", "12:00");
        group.put("capacity", 10);
        return as(staff).body(group).post(url("groups-service", "/groups")).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> reportRow(String groupBy, String key) {
        return as(staff).queryParam("phaseId", "PHASE_2").queryParam("groupBy", groupBy)
                .get(url("reporting-service", "/reports/whereabouts")).then().statusCode(200)
                .extract().path("rows.find { it.key == '" + key + "' }");
    }

    static int count(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).intValue();
    }

    static String etag(String participationId) {
        return as(staff).get(url("groups-service", "/participations/" + participationId))
                .then().statusCode(200).extract().header("ETag");
    }

    @Test
    @Order(1)
    void theBandOfAParticipationIsTheBandOnItsEntryDate() {
        turns25 = register("1988-06-04");
        corrected = register("1970-01-15");
        withdrawn = register("1980-03-03");
        transferred = register("1962-11-30");
        firstGroup = schedule("Lebenslauf 1");
        secondGroup = schedule("Lebenslauf 2");
        for (String participant : List.of(turns25, corrected, withdrawn, transferred)) {
            participationOf.put(participant, awaitCreated(() -> as(staff)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("participantId", participant, "entryDate", "2013-06-03"))
                    .post(url("groups-service", "/groups/" + firstGroup + "/participations"))));
        }
        as(staff).get(url("groups-service", "/participations/" + participationOf.get(turns25)))
                .then().statusCode(200).body("ageBand", equalTo("UNDER_25"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> under25 = reportRow("ageBand", "UNDER_25");
            assertThat(under25).isNotNull();
            assertThat(count(under25, "n")).isEqualTo(1);
            assertThat(count(reportRow("jobcenter", JC), "n")).isEqualTo(4);
        });
    }

    @Test
    @Order(2)
    void aCorrectedExitIsReclassified() {
        String participation = participationOf.get(corrected);
        as(staff).body(Map.of("exitDate", "2013-06-10", "reason", "DROPOUT"))
                .post(url("groups-service", "/participations/" + participation + "/exit")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count(reportRow("jobcenter", JC), "dropouts")).isEqualTo(1));

        as(staff).header("If-Match", etag(participation))
                .body(Map.of("exitDate", "2013-07-11", "reason", "COMPLETED"))
                .put(url("groups-service", "/participations/" + participation + "/exit"))
                .then().statusCode(200).body("exitDate", equalTo("2013-07-11")).body("exitReason", equalTo("COMPLETED"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> row = reportRow("jobcenter", JC);
            assertThat(count(row, "dropouts")).isZero();
            assertThat(count(row, "n")).isEqualTo(4);
        });
    }

    @Test
    @Order(3)
    void aWithdrawnParticipationLeavesEveryFigure() {
        as(staff).body(Map.of("reason", "Falsch zugeordnet"))
                .post(url("groups-service", "/participations/" + participationOf.get(withdrawn) + "/withdraw"))
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count(reportRow("jobcenter", JC), "n")).isEqualTo(3));
    }

    @Test
    @Order(4)
    void aTransferredParticipationIsCountedOnceWithItsGroupHistory() {
        String participation = participationOf.get(transferred);
        as(staff).body(Map.of("groupId", secondGroup, "date", "2013-06-17"))
                .post(url("groups-service", "/participations/" + participation + "/transfer"))
                .then().statusCode(200);
        List<Map<String, Object>> history = as(staff).get(url("groups-service", "/participations/" + participation))
                .then().statusCode(200).body("entryDate", equalTo("2013-06-03")).extract().path("groups");
        assertThat(history).extracting(h -> h.get("groupId")).containsExactly(firstGroup, secondGroup);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> row = reportRow("jobcenter", JC);
            assertThat(count(row, "n")).isEqualTo(3);
            assertThat(count(reportRow("ageBand", "AGE_50_PLUS"), "n")).isEqualTo(1);
        });
    }

}
