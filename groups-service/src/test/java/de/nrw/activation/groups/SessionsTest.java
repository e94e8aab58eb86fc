package de.nrw.activation.groups;

import de.nrw.activation.groups.session.PublicHolidays;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asCoordinator;
import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static de.nrw.activation.groups.Fixtures.herneGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SessionsTest {

    @Inject
    PublicHolidays holidays;

    @Inject
    AgroalDataSource db;

    @Test
    void theNrwPublicHolidaysAreKnownForAnyYear() {
        // Easter-based holidays move: Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi
        assertHolidays(2011, "2011-04-22", "2011-04-25", "2011-06-02", "2011-06-13", "2011-06-23");
        assertHolidays(2012, "2012-04-06", "2012-04-09", "2012-05-17", "2012-05-28", "2012-06-07");
        assertHolidays(2013, "2013-03-29", "2013-04-01", "2013-05-09", "2013-05-20", "2013-05-30");
        assertHolidays(2019, "2019-04-19", "2019-04-22", "2019-05-30", "2019-06-10", "2019-06-20");
        assertHolidays(2024, "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20", "2024-05-30");
        assertHolidays(2025, "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09", "2025-06-19");
        assertHolidays(2038, "2038-04-23", "2038-04-26", "2038-06-03", "2038-06-14", "2038-06-24");
        for (int year = 2011; year <= 2040; year++) {
            for (String fixed : List.of("01-01", "05-01", "10-03", "11-01", "12-25", "12-26")) {
                assertThat(holidays.isHoliday(LocalDate.parse(year + "-" + fixed))).as(year + "-" + fixed).isTrue();
            }
            // Not NRW holidays: Epiphany, Assumption, Reformation Day (but 2017), Repentance Day, Christmas Eve
            for (String other : List.of("01-06", "08-15", "12-24")) {
                assertThat(holidays.isHoliday(LocalDate.parse(year + "-" + other))).as(year + "-" + other).isFalse();
            }
            assertThat(holidays.isHoliday(LocalDate.of(year, 10, 31))).isEqualTo(year == 2017);
            int expected = year == 2017 ? 12 : 11;
            assertThat(holidays.of(Year.of(year))).as("holidays of " + year).hasSize(expected);
        }
        assertThat(holidays.isHoliday(LocalDate.of(2012, 11, 21))).isFalse(); // Buß- und Bettag: Saxony only
    }

    @Test
    void sessionsSkipEasterAndMayDay2012() {
        Map<String, Object> body = group("herne", "PHASE_1", "2012-03-26");
        body.put("meetingDays", List.of("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"));
        body.put("dailyEnd", "12:00");
        String id = Fixtures.schedule(body);
        List<String> dates = sessionDates(id);
        assertThat(dates).hasSize(24 - 3)
                .doesNotContain("2012-04-06", "2012-04-09", "2012-05-01")
                .contains("2012-03-26", "2012-04-05", "2012-04-10", "2012-05-04")
                .isSorted();
        asStaff("herne").get("/api/v1/groups/" + id + "/sessions").then().statusCode(200)
                .body("status", everyItem(equalTo("SCHEDULED")))
                .body("[0].start", equalTo("09:00")).body("[0].end", equalTo("12:00"))
                .body("[0].movedFrom", nullValue());
    }

    @Test
    void sessionsSkipAscensionWhitMondayAndCorpusChristi2013() {
        String id = Fixtures.schedule(group("koeln", "PHASE_2", "2013-05-06"));
        assertThat(sessionDates(id)).hasSize(18 - 3).doesNotContain("2013-05-09", "2013-05-20", "2013-05-30")
                .contains("2013-05-06", "2013-05-08", "2013-05-16", "2013-06-13");
    }

    @Test
    void sessionsSkipGermanUnityDayAllSaintsAndChristmas2013() {
        Map<String, Object> autumn = group("wuppertal", "PHASE_2", "2013-09-30");
        autumn.put("meetingDays", List.of("MONDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        autumn.put("dailyEnd", "12:00");
        assertThat(sessionDates(Fixtures.schedule(autumn))).hasSize(24 - 2).doesNotContain("2013-10-03", "2013-11-01")
                .contains("2013-10-02", "2013-10-04", "2013-10-31");
        Map<String, Object> winter = group("wuppertal", "PHASE_2", "2013-11-18");
        assertThat(sessionDates(Fixtures.schedule(winter))).hasSize(18 - 2).doesNotContain("2013-12-25", "2013-12-26")
                .contains("2013-12-23");
    }

    @Test
    void sessionsSkipNewYearInALaterPhase() {
        String phase = "REGULAR_2015";
        asCoordinator().body(Map.of("id", phase, "name", "Regelbetrieb 2015", "startDate", "2014-12-01",
                        "endDate", "2015-12-31", "jobcenterIds", List.of("herne")))
                .post("/api/v1/phases").then().statusCode(201);
        Map<String, Object> body = group("herne", phase, "2014-12-29");
        body.put("meetingDays", List.of("MONDAY", "TUESDAY", "THURSDAY"));
        List<String> dates = sessionDates(Fixtures.schedule(body));
        assertThat(dates).hasSize(18 - 1).doesNotContain("2015-01-01").contains("2014-12-29", "2014-12-30", "2015-01-05");
    }

    @Test
    void cancellingASessionMarksItCancelledAndPublishesGroupChanged() {
        String id = Fixtures.schedule(herneGroup());
        String etag = asStaff("herne").get("/api/v1/groups/" + id).then().extract().header("ETag");
        asStaff("herne").post("/api/v1/groups/" + id + "/sessions/2012-03-07/cancel")
                .then().statusCode(200).body("date", equalTo("2012-03-07")).body("status", equalTo("CANCELLED"));
        asStaff("herne").get("/api/v1/groups/" + id + "/sessions").then().statusCode(200)
                .body("find { it.date == '2012-03-07' }.status", equalTo("CANCELLED"))
                .body("findAll { it.status == 'CANCELLED' }", hasSize(1));
        assertThat(Rows.one(db, "SELECT status FROM group_session WHERE group_id = ? AND session_date = '2012-03-07'",
                UUID.fromString(id)).get("status")).isEqualTo("CANCELLED");
        asStaff("herne").get("/api/v1/groups/" + id).then().header("ETag", not(equalTo(etag)));
        TopicReader.Published event = TopicReader.await("group-events", 1,
                r -> id.equals(r.key()) && r.type().equals("group.changed.v1")).get(0);
        assertThat(event.data().path("change").asText()).isEqualTo("SESSION_CANCELLED");
        assertThat(event.data().path("sessionDate").asText()).isEqualTo("2012-03-07");
        assertThat(event.data().path("endDate").asText()).isEqualTo("2012-04-15");

        // again: nothing changes, nothing new is published
        asStaff("herne").post("/api/v1/groups/" + id + "/sessions/2012-03-07/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(TopicReader.readAll("group-events").stream()
                .filter(r -> id.equals(r.key()) && r.type().equals("group.changed.v1")).count()).isEqualTo(1);
    }

    @Test
    void cancellingWithAStaleIfMatchAnswers412() {
        String id = Fixtures.schedule(herneGroup());
        asStaff("herne").header("If-Match", "\"41\"").post("/api/v1/groups/" + id + "/sessions/2012-03-07/cancel")
                .then().statusCode(412).contentType("application/problem+json");
        asStaff("herne").header("If-Match", "\"0\"").post("/api/v1/groups/" + id + "/sessions/2012-03-07/cancel")
                .then().statusCode(200);
    }

    @Test
    void aDayWithoutASessionAnswers404AndAMalformedDate400() {
        String id = Fixtures.schedule(herneGroup());
        asStaff("herne").post("/api/v1/groups/" + id + "/sessions/2012-03-06/cancel")   // a Tuesday
                .then().statusCode(404).contentType("application/problem+json");
        asStaff("herne").post("/api/v1/groups/" + id + "/sessions/06.03.2012/cancel")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void movingASessionPutsItOnTheNewDayWithNewTimesAndPublishesGroupChanged() {
        String id = Fixtures.schedule(herneGroup());
        asStaff("herne").body(Map.of("newDate", "2012-03-09", "start", "10:00", "end", "13:30"))
                .post("/api/v1/groups/" + id + "/sessions/2012-03-08/move")
                .then().statusCode(200)
                .body("date", equalTo("2012-03-09")).body("start", equalTo("10:00")).body("end", equalTo("13:30"))
                .body("status", equalTo("SCHEDULED")).body("movedFrom", equalTo("2012-03-08"));
        List<String> dates = sessionDates(id);
        assertThat(dates).contains("2012-03-09").doesNotContain("2012-03-08").hasSize(17);
        TopicReader.Published event = TopicReader.await("group-events", 1,
                r -> id.equals(r.key()) && r.type().equals("group.changed.v1")).get(0);
        assertThat(event.data().path("change").asText()).isEqualTo("SESSION_MOVED");
        assertThat(event.data().path("sessionDate").asText()).isEqualTo("2012-03-08");
        assertThat(event.data().path("newDate").asText()).isEqualTo("2012-03-09");
    }

    @Test
    void aSessionCannotMoveToAHolidayAWeekendAnOccupiedDayOrOutsideThePeriod() {
        String id = Fixtures.schedule(herneGroup());
        assertMoveRefused(id, "2012-04-06", 422, "public-holiday");               // Good Friday
        assertMoveRefused(id, "2012-03-10", 422, "meeting-days");                 // Saturday
        assertMoveRefused(id, "2012-04-16", 422, "session-outside-group-period"); // after the end
        assertMoveRefused(id, "2012-03-07", 409, "session-exists");               // Wednesday session
        asStaff("herne").body(Map.of("newDate", "2012-03-09", "start", "12:00", "end", "11:00"))
                .post("/api/v1/groups/" + id + "/sessions/2012-03-08/move")
                .then().statusCode(422).body("rule", equalTo("daily-times"));
        assertThat(sessionDates(id)).contains("2012-03-08").hasSize(17);
    }

    @Test
    void aCancelledSessionCannotMove() {
        String id = Fixtures.schedule(herneGroup());
        asStaff("herne").post("/api/v1/groups/" + id + "/sessions/2012-03-08/cancel").then().statusCode(200);
        asStaff("herne").body(Map.of("newDate", "2012-03-09")).post("/api/v1/groups/" + id + "/sessions/2012-03-08/move")
                .then().statusCode(422).body("rule", equalTo("session-not-scheduled"));
    }

    @Test
    void aSessionCanMoveOntoADayThatOnlyHoldsACancelledSession() {
        String id = Fixtures.schedule(herneGroup());
        asStaff("herne").post("/api/v1/groups/" + id + "/sessions/2012-03-07/cancel").then().statusCode(200);

        asStaff("herne").body(Map.of("newDate", "2012-03-07")).post("/api/v1/groups/" + id + "/sessions/2012-03-08/move")
                .then().statusCode(200).body("date", equalTo("2012-03-07")).body("status", equalTo("SCHEDULED"))
                .body("movedFrom", equalTo("2012-03-08"));

        List<Map<String, Object>> sessions = asCoordinator().get("/api/v1/groups/" + id + "/sessions")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(sessions).filteredOn(s -> "2012-03-07".equals(s.get("date")))
                .extracting(s -> s.get("status") + "/" + s.get("movedFrom"))
                .containsExactlyInAnyOrder("CANCELLED/null", "SCHEDULED/2012-03-08");
        assertThat(sessions).noneMatch(s -> "2012-03-08".equals(s.get("date")));
        assertThat(Rows.count(db, "SELECT count(*) FROM group_session WHERE group_id = ? AND session_date = '2012-03-07'",
                UUID.fromString(id))).isEqualTo(2);
        TopicReader.Published moved = TopicReader.await("group-events", 1, r -> id.equals(r.key())
                && r.type().equals("group.changed.v1") && r.data().path("change").asText().equals("SESSION_MOVED")).get(0);
        assertThat(moved.data().path("sessionDate").asText()).isEqualTo("2012-03-08");
        assertThat(moved.data().path("newDate").asText()).isEqualTo("2012-03-07");

        // the held session is the one of that day now: attendance goes to it, and the day is taken
        String participant = Fixtures.knownParticipant(db, "herne");
        Fixtures.enter("herne", id, participant, "2012-03-05");
        asStaff("herne").body(List.of(Map.of("participantId", participant, "status", "PRESENT")))
                .put("/api/v1/groups/" + id + "/sessions/2012-03-07/attendance").then().statusCode(200);
        asStaff("herne").body(Map.of("newDate", "2012-03-07")).post("/api/v1/groups/" + id + "/sessions/2012-03-12/move")
                .then().statusCode(409).body("type", endsWith("/session-exists"));
    }

    private void assertMoveRefused(String groupId, String newDate, int status, String type) {
        asStaff("herne").body(Map.of("newDate", newDate)).post("/api/v1/groups/" + groupId + "/sessions/2012-03-08/move")
                .then().statusCode(status).contentType("application/problem+json").body("type", endsWith("/" + type));
    }

    private void assertHolidays(int year, String goodFriday, String easterMonday, String ascension, String whitMonday,
                                String corpusChristi) {
        for (String day : List.of(goodFriday, easterMonday, ascension, whitMonday, corpusChristi)) {
            assertThat(holidays.isHoliday(LocalDate.parse(day))).as(day + " in " + year).isTrue();
            assertThat(holidays.of(Year.of(year))).contains(LocalDate.parse(day));
        }
        // the days around them are ordinary days
        assertThat(holidays.isHoliday(LocalDate.parse(easterMonday).plusDays(1))).isFalse();
        assertThat(holidays.isHoliday(LocalDate.parse(corpusChristi).plusDays(1))).isFalse();
    }

    private static List<String> sessionDates(String groupId) {
        return asCoordinator().get("/api/v1/groups/" + groupId + "/sessions").then().statusCode(200).extract().path("date");
    }
}
