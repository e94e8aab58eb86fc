package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AttendanceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void attendanceIsRecordedPerSessionStoredAndPublished() {
        String groupId = Fixtures.schedule(herneGroup());
        String anna = participant(groupId, "2012-03-05");
        String ben = participant(groupId, "2012-03-05");

        asStaff("herne").body(List.of(entry(anna, "PRESENT"), entry(ben, "UNEXCUSED")))
                .put("/api/v1/groups/" + groupId + "/sessions/2012-03-07/attendance")
                .then().statusCode(200)
                .body("groupId", equalTo(groupId)).body("date", equalTo("2012-03-07")).body("entries", hasSize(2));

        assertThat(Rows.one(db, "SELECT status FROM attendance WHERE group_id = ?::uuid AND session_date = '2012-03-07' "
                + "AND participant_id = ?::uuid", groupId, ben).get("status")).isEqualTo("UNEXCUSED");
        asStaff("herne").get("/api/v1/groups/" + groupId + "/sessions/2012-03-07/attendance")
                .then().statusCode(200).body("entries", hasSize(2));
        TopicReader.Published event = TopicReader.await("group-events", 1,
                r -> groupId.equals(r.key()) && r.type().equals("attendance.recorded.v1")).get(0);
        assertThat(event.data().path("jobcenterId").asText()).isEqualTo("herne");
        assertThat(event.data().path("date").asText()).isEqualTo("2012-03-07");
        assertThat(event.data().path("entries")).hasSize(2);
    }

    @Test
    void recordingASessionAgainReplacesItsEntries() {
        String groupId = Fixtures.schedule(herneGroup());
        String anna = participant(groupId, "2012-03-05");
        String ben = participant(groupId, "2012-03-05");
        record(groupId, "2012-03-08", List.of(entry(anna, "PRESENT"), entry(ben, "UNEXCUSED"))).then().statusCode(200);
        record(groupId, "2012-03-08", List.of(entry(ben, "EXCUSED"))).then().statusCode(200);

        List<Map<String, Object>> rows = Rows.query(db, "SELECT participant_id, status FROM attendance "
                + "WHERE group_id = ?::uuid AND session_date = '2012-03-08'", groupId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("participant_id").toString()).isEqualTo(ben);
        assertThat(rows.get(0).get("status")).isEqualTo("EXCUSED");
    }

    @Test
    void onlyParticipantsInTheGroupOnThatDayCanBeRecorded() {
        String groupId = Fixtures.schedule(herneGroup());
        String early = participant(groupId, "2012-03-05");
        String late = participant(groupId, "2012-03-12");
        String stranger = Fixtures.knownParticipant(db, "herne");
        asStaff("herne").body(Map.of("exitDate", "2012-03-08", "reason", "DROPOUT"))
                .post("/api/v1/participations/" + participationOf(early) + "/exit").then().statusCode(200);

        assertRefused(groupId, "2012-03-07", List.of(entry(late, "PRESENT")), "not-in-group");     // not yet entered
        assertRefused(groupId, "2012-03-12", List.of(entry(early, "PRESENT")), "not-in-group");    // already left
        assertRefused(groupId, "2012-03-07", List.of(entry(stranger, "PRESENT")), "not-in-group"); // never in it
        record(groupId, "2012-03-08", List.of(entry(early, "PRESENT"))).then().statusCode(200);    // the exit day counts
        record(groupId, "2012-03-12", List.of(entry(late, "PRESENT"))).then().statusCode(200);     // the entry day counts
    }

    @Test
    void onlyHeldSessionsTakeAttendance() {
        String groupId = Fixtures.schedule(herneGroup());
        String anna = participant(groupId, "2012-03-05");
        assertRefused(groupId, "2012-03-06", List.of(entry(anna, "PRESENT")), "no-session");         // a Tuesday
        assertRefused(groupId, "2012-04-09", List.of(entry(anna, "PRESENT")), "no-session");         // Easter Monday
        asStaff("herne").post("/api/v1/groups/" + groupId + "/sessions/2012-03-14/cancel").then().statusCode(200);
        assertRefused(groupId, "2012-03-14", List.of(entry(anna, "PRESENT")), "session-not-scheduled");
    }

    @Test
    void attendanceCannotBeRecordedForAFutureSession() {
        // the tests' today is Monday 2013-06-03
        String groupId = Fixtures.schedule(group("koeln", "PHASE_2", "2013-05-27"));
        String anna = Fixtures.knownParticipant(db, "koeln");
        Fixtures.enter("koeln", groupId, anna, "2013-05-27");
        asStaff("koeln").body(List.of(entry(anna, "PRESENT")))
                .put("/api/v1/groups/" + groupId + "/sessions/2013-06-05/attendance")
                .then().statusCode(422).body("rule", equalTo("attendance-in-future"));
        asStaff("koeln").body(List.of(entry(anna, "PRESENT")))
                .put("/api/v1/groups/" + groupId + "/sessions/2013-06-03/attendance")
                .then().statusCode(200);
    }

    @Test
    void absencesAreCountedPerParticipantAndCanBeFilteredToUnexcusedOnes() {
        String groupId = Fixtures.schedule(herneGroup());
        String anna = participant(groupId, "2012-03-05");
        String ben = participant(groupId, "2012-03-05");
        String cem = participant(groupId, "2012-03-05");
        record(groupId, "2012-03-05", List.of(entry(anna, "PRESENT"), entry(ben, "UNEXCUSED"), entry(cem, "EXCUSED")));
        record(groupId, "2012-03-07", List.of(entry(anna, "EXCUSED"), entry(ben, "UNEXCUSED"), entry(cem, "PRESENT")));
        record(groupId, "2012-03-08", List.of(entry(anna, "PRESENT"), entry(ben, "PRESENT"), entry(cem, "UNEXCUSED")));

        asStaff("herne").get("/api/v1/groups/" + groupId + "/absences").then().statusCode(200)
                .body("", hasSize(3))
                .body("[0].participantId", equalTo(ben))
                .body("find { it.participantId == '" + ben + "' }.unexcused", equalTo(2))
                .body("find { it.participantId == '" + ben + "' }.present", equalTo(1))
                .body("find { it.participantId == '" + anna + "' }.excused", equalTo(1))
                .body("find { it.participantId == '" + anna + "' }.unexcused", equalTo(0))
                .body("find { it.participantId == '" + anna + "' }.present", equalTo(2))
                .body("find { it.participantId == '" + cem + "' }.unexcused", equalTo(1));
        asStaff("herne").queryParam("minUnexcused", 1).get("/api/v1/groups/" + groupId + "/absences")
                .then().statusCode(200).body("participantId", contains(ben, cem));
        asStaff("herne").queryParam("minUnexcused", 2).get("/api/v1/groups/" + groupId + "/absences")
                .then().statusCode(200).body("participantId", contains(ben));
        asStaff("herne").queryParam("minUnexcused", "many").get("/api/v1/groups/" + groupId + "/absences")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSessionWithRecordedAttendanceCannotBeCancelledOrMoved() {
        String groupId = Fixtures.schedule(herneGroup());
        String anna = participant(groupId, "2012-03-05");
        record(groupId, "2012-03-05", List.of(entry(anna, "PRESENT"))).then().statusCode(200);
        asStaff("herne").post("/api/v1/groups/" + groupId + "/sessions/2012-03-05/cancel")
                .then().statusCode(409).body("type", endsWith("/attendance-recorded"));
        asStaff("herne").body(Map.of("newDate", "2012-03-06")).post("/api/v1/groups/" + groupId + "/sessions/2012-03-05/move")
                .then().statusCode(409).body("type", endsWith("/attendance-recorded"));
    }

    @Test
    void aParticipantListedTwiceOrAnUnknownStatusAnswers400() {
        String groupId = Fixtures.schedule(herneGroup());
        String anna = participant(groupId, "2012-03-05");
        record(groupId, "2012-03-05", List.of(entry(anna, "PRESENT"), entry(anna, "EXCUSED")))
                .then().statusCode(400).contentType("application/problem+json");
        record(groupId, "2012-03-05", List.of(entry(anna, "LATE")))
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(Rows.count(db, "SELECT count(*) FROM attendance WHERE group_id = ?::uuid", groupId)).isZero();
    }

    private String participant(String groupId, String entryDate) {
        String id = Fixtures.knownParticipant(db, "herne");
        Fixtures.enter("herne", groupId, id, entryDate);
        return id;
    }

    private String participationOf(String participantId) {
        return Rows.one(db, "SELECT id FROM participation WHERE participant_id = ?::uuid", participantId).get("id").toString();
    }

    private static Map<String, String> entry(String participantId, String status) {
        return Map.of("participantId", participantId, "status", status);
    }

    private static io.restassured.response.Response record(String groupId, String date, List<Map<String, String>> entries) {
        return asStaff("herne").body(entries).put("/api/v1/groups/" + groupId + "/sessions/" + date + "/attendance");
    }

    private void assertRefused(String groupId, String date, List<Map<String, String>> entries, String rule) {
        record(groupId, date, entries).then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo(rule));
        assertThat(Rows.count(db, "SELECT count(*) FROM attendance WHERE group_id = ?::uuid AND session_date = ?::date",
                groupId, date)).isZero();
    }
}
