package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static de.nrw.activation.groups.Fixtures.herneGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ScheduleGroupTest {

    @Inject
    AgroalDataSource db;

    @Test
    void schedulingAnswers201WithEndDateAndHoursPerWeekAndStoresTheGroupAndItsSessions() {
        Map<String, Object> body = herneGroup();
        Response response = asStaff("herne").body(body).post("/api/v1/groups");

        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/groups/" + response.path("id")))
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("jobcenterId", equalTo("herne"))
                .body("phaseId", equalTo("PHASE_1"))
                .body("provider.type", equalTo("JOBCENTER"))
                .body("coaches", contains("Coach Beispielname"))
                .body("startDate", equalTo("2012-03-05"))
                .body("endDate", equalTo("2012-04-15"))
                .body("meetingDays", contains("MONDAY", "WEDNESDAY", "THURSDAY"))
                .body("dailyStart", equalTo("09:00"))
                .body("dailyEnd", equalTo("12:30"))
                .body("hoursPerWeek", equalTo(10.5f))
                .body("capacity", equalTo(15))
                .body("status", equalTo("SCHEDULED"));
        UUID id = UUID.fromString(response.path("id"));
        Map<String, Object> row = Rows.one(db, "SELECT * FROM activation_group WHERE id = ?", id);
        assertThat(row.get("end_date").toString()).isEqualTo("2012-04-15");
        assertThat(row.get("hours_per_week").toString()).isEqualTo("10.50");
        assertThat(row.get("provider_type")).isEqualTo("JOBCENTER");
        // 6 weeks x 3 days, no NRW holiday between 5 March and 15 April 2012 on Mon/Wed/Thu except Easter Monday (9 April)
        assertThat(Rows.count(db, "SELECT count(*) FROM group_session WHERE group_id = ?", id)).isEqualTo(17);
    }

    @Test
    void theBoundariesOfTheProgrammeFactsAreAccepted() {
        Map<String, Object> nine = herneGroup();              // 3 days x 3 h = 9 h, 20 places, 8 weeks
        nine.put("dailyEnd", "12:00");
        nine.put("capacity", 20);
        nine.put("weeks", 8);
        asStaff("herne").body(nine).post("/api/v1/groups").then().statusCode(201)
                .body("hoursPerWeek", equalTo(9.0f)).body("endDate", equalTo("2012-04-29"));

        Map<String, Object> sixteen = herneGroup();           // 4 days x 4 h = 16 h, 1 place
        sixteen.put("meetingDays", List.of("FRIDAY", "MONDAY", "TUESDAY", "THURSDAY"));
        sixteen.put("dailyStart", "08:30");
        sixteen.put("dailyEnd", "12:30");
        sixteen.put("capacity", 1);
        asStaff("herne").body(sixteen).post("/api/v1/groups").then().statusCode(201)
                .body("hoursPerWeek", equalTo(16.0f))
                .body("meetingDays", contains("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"));
    }

    @Test
    void capacityOutside1To20IsRefused() {
        assertRule(with("capacity", 0), "capacity");
        assertRule(with("capacity", 21), "capacity");
    }

    @Test
    void durationOutside6To8WeeksIsRefused() {
        assertRule(with("weeks", 5), "group-duration");
        assertRule(with("weeks", 9), "group-duration");
    }

    @Test
    void meetingDaysMustBe3Or4WorkingDays() {
        assertRule(with("meetingDays", List.of("MONDAY", "TUESDAY")), "meeting-days");
        assertRule(with("meetingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")), "meeting-days");
        assertRule(with("meetingDays", List.of("MONDAY", "TUESDAY", "SATURDAY")), "meeting-days");
        assertRule(with("meetingDays", List.of("MONDAY", "MONDAY", "TUESDAY")), "meeting-days");
    }

    @Test
    void weeklyHoursOutside9To16AreRefused() {
        Map<String, Object> tooFew = with("dailyEnd", "11:59");      // 3 x 2h59 < 9 h
        assertRule(tooFew, "weekly-hours");
        Map<String, Object> tooMany = with("meetingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"));
        tooMany.put("dailyEnd", "13:01");                            // 4 x 4h01 > 16 h
        assertRule(tooMany, "weekly-hours");
    }

    @Test
    void theDailyEndMustBeAfterTheStart() {
        assertRule(with("dailyEnd", "08:00"), "daily-times");
    }

    @Test
    void aGroupNeedsACoach() {
        assertRule(with("coaches", List.of()), "coaching-ratio");
    }

    @Test
    void thePhaseMustExistAndIncludeTheJobcenter() {
        assertRule(with("phaseId", "PHASE_99"), "unknown-phase");
        Map<String, Object> koeln = group("koeln", "PHASE_1", "2012-03-05");   // Köln joined in Phase II
        assertRule(koeln, "jobcenter-not-in-phase");
    }

    @Test
    void theGroupMustRunInsideThePhase() {
        assertRule(with("startDate", "2012-08-06"), "group-outside-phase");  // would end 2012-09-16
        assertRule(with("startDate", "2011-08-29"), "group-outside-phase");  // starts before Phase I
        asStaff("herne").body(with("startDate", "2012-07-20")).post("/api/v1/groups")
                .then().statusCode(201).body("endDate", equalTo("2012-08-30"));
    }

    @Test
    void missingAndMalformedFieldsAnswer400ListingEachField() {
        asStaff("herne").body(Map.of("jobcenterId", "herne")).post("/api/v1/groups")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(endsWith("phaseId")))
                .body("violations.field", hasItem(endsWith("startDate")))
                .body("violations.field", hasItem(endsWith("capacity")));
        Map<String, Object> body = herneGroup();
        body.put("meetingDays", List.of("MONTAG"));
        asStaff("herne").body(body).post("/api/v1/groups")
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> badTime = herneGroup();
        badTime.put("dailyStart", "9 Uhr");
        asStaff("herne").body(badTime).post("/api/v1/groups")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void staffCannotScheduleForAnotherJobcenter() {
        Map<String, Object> body = group("bochum", "PHASE_1", "2012-03-05");
        asStaff("herne").body(body).post("/api/v1/groups")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(Rows.count(db, "SELECT count(*) FROM activation_group WHERE name = ?", body.get("name"))).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstGroupAndSchedulesNothingNew() {
        Map<String, Object> body = herneGroup();
        String key = UUID.randomUUID().toString();
        Response first = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/groups");
        first.then().statusCode(201);
        asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/groups")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.path("id")));
        assertThat(Rows.count(db, "SELECT count(*) FROM activation_group WHERE name = ?", body.get("name"))).isEqualTo(1);
    }

    @Test
    void groupsAreListedByJobcenterAndPhaseInPages() {
        String first = Fixtures.schedule(group("kreis-steinfurt", "PHASE_1", "2011-10-03"));
        String second = Fixtures.schedule(group("kreis-steinfurt", "PHASE_1", "2012-01-09"));
        String total = asStaff("kreis-steinfurt").queryParam("phaseId", "PHASE_1").queryParam("size", 1)
                .get("/api/v1/groups")
                .then().statusCode(200).body("", hasSize(1)).extract().header("X-Total-Count");
        assertThat(Integer.parseInt(total)).isGreaterThanOrEqualTo(2);
        List<String> ids = asStaff("kreis-steinfurt").queryParam("jobcenterId", "kreis-steinfurt")
                .queryParam("phaseId", "PHASE_1").queryParam("size", 500)
                .get("/api/v1/groups").then().statusCode(200)
                .body("jobcenterId", everyItem(equalTo("kreis-steinfurt")))
                .extract().path("id");
        assertThat(ids).contains(first, second);
        assertThat(ids.indexOf(first)).isLessThan(ids.indexOf(second));
        asStaff("kreis-steinfurt").queryParam("phaseId", "PHASE_2").get("/api/v1/groups")
                .then().statusCode(200).header("X-Total-Count", "0");
        asStaff("kreis-steinfurt").queryParam("size", 501).get("/api/v1/groups")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = herneGroup();
        body.put(field, value);
        return body;
    }

    private void assertRule(Map<String, Object> body, String rule) {
        asStaff((String) body.get("jobcenterId")).body(body).post("/api/v1/groups")
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("rule", equalTo(rule))
                .body("type", endsWith("/" + rule));
        assertThat(Rows.count(db, "SELECT count(*) FROM activation_group WHERE name = ?", body.get("name"))).isZero();
    }
}
