package de.nrw.activation.groups;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * domain.md, "a participation was entered by mistake": staff withdraw it; the record is kept,
 * marked withdrawn, and it counts nowhere: no place, no period, no attendance.
 */
@QuarkusTest
class WithdrawParticipationTest {

    private static final String JC = "duesseldorf";

    @Inject
    AgroalDataSource db;

    @Test
    void aWithdrawnParticipationIsKeptMarkedWithdrawnAndTheWithdrawalIsPublished() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participant = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, groupId, participant, "2012-03-05");

        Lifecycle.withdraw(JC, participation, "  registered in error: wrong group  ").then().statusCode(200)
                .contentType("application/json").header("ETag", equalTo("\"1\""))
                .body("id", equalTo(participation)).body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("registered in error: wrong group"))
                .body("entryDate", equalTo("2012-03-05"));
        asStaff(JC).get("/api/v1/participations/" + participation).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        Map<String, Object> row = Lifecycle.row(db, participation);
        assertThat(row.get("withdrawn_at")).isNotNull();
        assertThat(row).containsEntry("withdrawal_reason", "registered in error: wrong group");
        assertThat(row.get("entry_date").toString()).isEqualTo("2012-03-05");

        JsonNode event = Lifecycle.events(participant, "participation.withdrawn.v1", 1).get(0).event();
        assertThat(event.path("subject").asText()).isEqualTo(participation);
        JsonNode data = event.path("data");
        assertThat(data.path("participationId").asText()).isEqualTo(participation);
        assertThat(data.path("participantId").asText()).isEqualTo(participant);
        assertThat(data.path("groupId").asText()).isEqualTo(groupId);
        assertThat(data.path("jobcenterId").asText()).isEqualTo(JC);
        assertThat(data.path("reason").asText()).isEqualTo("registered in error: wrong group");
    }

    @Test
    void anEndedParticipationCanBeWithdrawnToo() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participation = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-05");
        Lifecycle.exit(JC, participation, "2012-03-20", "DROPOUT").then().statusCode(200);
        Lifecycle.withdraw(JC, participation, "registered in error").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("exitDate", equalTo("2012-03-20"));
    }

    @Test
    void withdrawingFreesThePlaceAndThePeriod() {
        String small = Lifecycle.groupWithCapacity(JC, "PHASE_1", "2012-03-05", 1);
        String participant = Fixtures.knownParticipant(db, JC);
        String other = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, small, participant, "2012-03-05");
        Lifecycle.enterRequest(JC, small, other, "2012-03-05").then().statusCode(409).body("type", endsWith("/capacity-full"));
        String sameDays = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        Lifecycle.enterRequest(JC, sameDays, participant, "2012-03-05").then().statusCode(409)
                .body("type", endsWith("/overlapping-participation"));

        Lifecycle.withdraw(JC, participation, "registered in error").then().statusCode(200);

        Lifecycle.enterRequest(JC, small, other, "2012-03-05").then().statusCode(201);
        Lifecycle.enterRequest(JC, sameDays, participant, "2012-03-05").then().statusCode(201);
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE participant_id = ?",
                UUID.fromString(participant))).isEqualTo(2);
    }

    @Test
    void theAttendanceOfAWithdrawnParticipationDoesNotCount() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participant = Fixtures.knownParticipant(db, JC);
        String stays = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, groupId, participant, "2012-03-05");
        Fixtures.enter(JC, groupId, stays, "2012-03-05");
        asStaff(JC).body(List.of(Map.of("participantId", participant, "status", "UNEXCUSED"),
                        Map.of("participantId", stays, "status", "UNEXCUSED")))
                .put("/api/v1/groups/" + groupId + "/sessions/2012-03-05/attendance").then().statusCode(200);
        assertThat(unexcused(groupId)).containsEntry(participant, 1).containsEntry(stays, 1);

        Lifecycle.withdraw(JC, participation, "registered in error").then().statusCode(200);

        assertThat(unexcused(groupId)).doesNotContainKey(participant).containsEntry(stays, 1);
        asStaff(JC).body(List.of(Map.of("participantId", participant, "status", "PRESENT")))
                .put("/api/v1/groups/" + groupId + "/sessions/2012-03-07/attendance").then().statusCode(422)
                .body("rule", equalTo("not-in-group"));
    }

    @Test
    void withdrawingAgainChangesNothingAndAWithdrawnParticipationTakesNoFurtherChange() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String target = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-12"));
        String participant = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, groupId, participant, "2012-03-05");
        Lifecycle.withdraw(JC, participation, "registered in error").then().statusCode(200);

        Lifecycle.withdraw(JC, participation, "another reason").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("withdrawalReason", equalTo("registered in error"));
        Lifecycle.exit(JC, participation, "2012-03-20", "DROPOUT").then().statusCode(409)
                .body("type", endsWith("/participation-withdrawn"));
        Lifecycle.correctExit(JC, participation, null, "2012-03-20", "DROPOUT").then().statusCode(409)
                .body("type", endsWith("/participation-withdrawn"));
        Lifecycle.transfer(JC, participation, target, "2012-03-19").then().statusCode(409)
                .body("type", endsWith("/participation-withdrawn"));

        assertThat(Lifecycle.row(db, participation)).containsEntry("version", 1L)
                .containsEntry("withdrawal_reason", "registered in error");
        assertThat(Lifecycle.row(db, participation).get("exit_date")).isNull();
        assertThat(Lifecycle.settled(db, participant, "participation.withdrawn.v1", participation)).hasSize(1);
        assertThat(Lifecycle.settled(db, participant, "participation.exited.v1", participation)).isEmpty();
    }

    @Test
    void aStaleIfMatchOrABlankReasonChangesNothing() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participation = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-05");
        asStaff(JC).header("If-Match", "\"5\"").body(Map.of("reason", "registered in error"))
                .post("/api/v1/participations/" + participation + "/withdraw")
                .then().statusCode(412).contentType("application/problem+json");
        Lifecycle.withdraw(JC, participation, " ").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("reason")));
        asStaff(JC).body(Map.of("reason", "x".repeat(501))).post("/api/v1/participations/" + participation + "/withdraw")
                .then().statusCode(400);
        assertThat(Lifecycle.row(db, participation).get("withdrawn_at")).isNull();
        asStaff(JC).header("If-Match", "\"0\"").body(Map.of("reason", "registered in error"))
                .post("/api/v1/participations/" + participation + "/withdraw").then().statusCode(200);
    }

    private static Map<String, Integer> unexcused(String groupId) {
        List<Map<String, Object>> rows = asStaff(JC).get("/api/v1/groups/" + groupId + "/absences")
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Integer> counts = new java.util.HashMap<>();
        rows.forEach(r -> counts.put((String) r.get("participantId"), (Integer) r.get("unexcused")));
        return counts;
    }
}
