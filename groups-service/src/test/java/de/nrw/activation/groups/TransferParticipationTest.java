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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * domain.md, "a participant moves to another group of the same Jobcenter and phase": a transfer.
 * The participation keeps its id, entry date and attributes at entry and is counted once; its
 * group history shows both groups. The new group's capacity and overlap rules hold.
 */
@QuarkusTest
class TransferParticipationTest {

    private static final String JC = "muelheim";

    @Inject
    AgroalDataSource db;

    @Test
    void aTransferKeepsOneParticipationWithItsGroupHistoryAndIsPublished() {
        String from = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));   // ends 2012-04-15
        String to = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-12"));     // ends 2012-04-22
        String participant = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, from, participant, "2012-03-07");
        Map<String, Object> atEntry = attributes(participation);

        Lifecycle.transfer(JC, participation, to, "2012-03-19").then().statusCode(200)
                .contentType("application/json").header("ETag", equalTo("\"1\""))
                .body("id", equalTo(participation)).body("groupId", equalTo(to))
                .body("entryDate", equalTo("2012-03-07")).body("status", equalTo("ACTIVE"))
                .body("groups", hasSize(2))
                .body("groups[0].groupId", equalTo(from)).body("groups[0].from", equalTo("2012-03-07"))
                .body("groups[0].to", equalTo("2012-03-18"))
                .body("groups[1].groupId", equalTo(to)).body("groups[1].from", equalTo("2012-03-19"))
                .body("groups[1].to", nullValue());

        assertThat(Lifecycle.row(db, participation).get("group_id").toString()).isEqualTo(to);
        assertThat(attributes(participation)).isEqualTo(atEntry);
        List<Map<String, Object>> history = Rows.query(db, "SELECT group_id::text AS g, from_date::text AS f, to_date::text AS t "
                + "FROM participation_group WHERE participation_id = ? ORDER BY from_date", UUID.fromString(participation));
        assertThat(history).containsExactly(Map.of("g", from, "f", "2012-03-07", "t", "2012-03-18"),
                historyRow(to, "2012-03-19"));
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE participant_id = ?", UUID.fromString(participant)))
                .isEqualTo(1);

        JsonNode event = Lifecycle.events(participant, "participation.transferred.v1", 1).get(0).event();
        assertThat(event.path("subject").asText()).isEqualTo(participation);
        JsonNode data = event.path("data");
        assertThat(data.path("participationId").asText()).isEqualTo(participation);
        assertThat(data.path("participantId").asText()).isEqualTo(participant);
        assertThat(data.path("fromGroupId").asText()).isEqualTo(from);
        assertThat(data.path("toGroupId").asText()).isEqualTo(to);
        assertThat(data.path("jobcenterId").asText()).isEqualTo(JC);
        assertThat(data.path("date").asText()).isEqualTo("2012-03-19");
        assertThat(data.path("toProviderType").asText()).isEqualTo("JOBCENTER");
        assertThat(data.path("toGroupStartDate").asText()).isEqualTo("2012-03-12");
        assertThat(data.path("toGroupEndDate").asText()).isEqualTo("2012-04-22");
        // counted once: one entry, whatever the groups
        assertThat(Lifecycle.settled(db, participant, "participation.entered.v1", participation)).hasSize(1);

        // both groups list it; the exit follows the new group's period
        asStaff(JC).get("/api/v1/groups/" + from + "/participations").then().statusCode(200).body("id", hasItem(participation));
        asStaff(JC).get("/api/v1/groups/" + to + "/participations").then().statusCode(200).body("id", hasItem(participation));
        Lifecycle.exit(JC, participation, "2012-04-20", "COMPLETED").then().statusCode(200)
                .body("groups[1].to", equalTo("2012-04-20"));
        JsonNode exited = Lifecycle.events(participant, "participation.exited.v1", 1).get(0).data();
        assertThat(exited.path("groupId").asText()).isEqualTo(to);
        assertThat(exited.path("entryDate").asText()).isEqualTo("2012-03-07");
    }

    @Test
    void attendanceFollowsTheTransfer() {
        String from = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String to = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-12"));
        String participant = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, from, participant, "2012-03-05");
        attendance(from, "2012-03-14", participant).then().statusCode(200);

        Lifecycle.transfer(JC, participation, to, "2012-03-19").then().statusCode(200);

        attendance(from, "2012-03-19", participant).then().statusCode(422).body("rule", equalTo("not-in-group"));
        attendance(to, "2012-03-19", participant).then().statusCode(200);
        attendance(to, "2012-03-15", participant).then().statusCode(422).body("rule", equalTo("not-in-group"));
        asStaff(JC).get("/api/v1/groups/" + from + "/absences").then().statusCode(200)
                .body("find { it.participantId == '" + participant + "' }.unexcused", equalTo(1));
        asStaff(JC).get("/api/v1/groups/" + to + "/absences").then().statusCode(200)
                .body("find { it.participantId == '" + participant + "' }.unexcused", equalTo(1));
    }

    @Test
    void theNewGroupsCapacityAndOverlapRulesHold() {
        String from = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String full = Lifecycle.groupWithCapacity(JC, "PHASE_1", "2012-03-12", 1);
        Fixtures.enter(JC, full, Fixtures.knownParticipant(db, JC), "2012-03-12");
        String participant = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, from, participant, "2012-03-05");
        Lifecycle.transfer(JC, participation, full, "2012-03-19").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/capacity-full"));

        // the person is in a later group from 16 April; the new group would run into it
        String later = Fixtures.schedule(group(JC, "PHASE_1", "2012-04-16"));
        Fixtures.enter(JC, later, participant, "2012-04-16");
        String longer = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-12"));   // ends 2012-04-22
        Lifecycle.transfer(JC, participation, longer, "2012-03-19").then().statusCode(409)
                .body("type", endsWith("/overlapping-participation"));

        assertThat(Lifecycle.row(db, participation).get("group_id").toString()).isEqualTo(from);
        assertThat(Rows.count(db, "SELECT count(*) FROM participation_group WHERE participation_id = ?",
                UUID.fromString(participation))).isEqualTo(1);
        assertThat(Lifecycle.settled(db, participant, "participation.transferred.v1", participation)).isEmpty();
    }

    @Test
    void aTransferStaysInTheJobcenterAndPhaseAndInBothGroupsPeriods() {
        String from = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));   // ends 2012-04-15
        String to = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-12"));     // 2012-03-12 .. 2012-04-22
        String participation = Fixtures.enter(JC, from, Fixtures.knownParticipant(db, JC), "2012-03-07");
        String otherPhase = Fixtures.schedule(group(JC, Lifecycle.phase(JC, "2014-01-01", "2014-12-31"), "2014-03-03"));
        String othersGroup = Fixtures.schedule(group("bochum", "PHASE_1", "2012-03-12"));
        String cancelled = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-12"));
        asStaff(JC).post("/api/v1/groups/" + cancelled + "/cancel").then().statusCode(200);

        Lifecycle.transfer(JC, participation, othersGroup, "2012-03-19").then().statusCode(404)
                .contentType("application/problem+json");
        Lifecycle.transfer(JC, participation, UUID.randomUUID().toString(), "2012-03-19").then().statusCode(404);
        assertRule(participation, otherPhase, "2014-03-10", "transfer-other-phase");
        assertRule(participation, from, "2012-03-19", "transfer-same-group");
        assertRule(participation, cancelled, "2012-03-19", "group-cancelled");
        assertRule(participation, to, "2012-03-11", "transfer-outside-group-period");
        assertRule(participation, to, "2012-04-23", "transfer-outside-group-period");
        assertRule(participation, to, "2012-03-07", "transfer-outside-group-period");
        String early = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        assertRule(participation, early, "2012-03-07", "transfer-before-entry");
        assertRule(participation, to, "2012-04-17", "transfer-after-group-end");
        // the day after the old group's end is the latest transfer date
        Lifecycle.transfer(JC, participation, to, "2012-04-16").then().statusCode(200)
                .body("groups[0].to", equalTo("2012-04-15"));
    }

    @Test
    void anEndedParticipationIsNotTransferredAndAStaleIfMatchChangesNothing() {
        String from = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String to = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-12"));
        String participation = Fixtures.enter(JC, from, Fixtures.knownParticipant(db, JC), "2012-03-07");
        asStaff(JC).header("If-Match", "\"4\"").body(Map.of("groupId", to, "date", "2012-03-19"))
                .post("/api/v1/participations/" + participation + "/transfer")
                .then().statusCode(412).contentType("application/problem+json");
        assertThat(Lifecycle.row(db, participation).get("group_id").toString()).isEqualTo(from);

        Lifecycle.exit(JC, participation, "2012-03-16", "DROPOUT").then().statusCode(200);
        Lifecycle.transfer(JC, participation, to, "2012-03-19").then().statusCode(409)
                .body("type", endsWith("/already-exited"));
        asStaff(JC).body(Map.of("groupId", to)).post("/api/v1/participations/" + participation + "/transfer")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(Lifecycle.row(db, participation).get("group_id").toString()).isEqualTo(from);
    }

    private static void assertRule(String participation, String groupId, String date, String rule) {
        Lifecycle.transfer(JC, participation, groupId, date).then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo(rule));
    }

    private static io.restassured.response.Response attendance(String groupId, String date, String participant) {
        return asStaff(JC).body(List.of(Map.of("participantId", participant, "status", "UNEXCUSED")))
                .put("/api/v1/groups/" + groupId + "/sessions/" + date + "/attendance");
    }

    private Map<String, Object> attributes(String participation) {
        return Rows.one(db, "SELECT entry_date, gender, age_band, customer_type, labour_market_distance, "
                + "vocational_qualification, entered_at FROM participation WHERE id = ?", UUID.fromString(participation));
    }

    private static Map<String, Object> historyRow(String group, String from) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("g", group);
        row.put("f", from);
        row.put("t", null);
        return row;
    }
}
