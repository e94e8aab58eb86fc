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

import static de.nrw.activation.groups.Fixtures.asCoordinator;
import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CancelGroupTest {

    @Inject
    AgroalDataSource db;

    @Test
    void cancellingAGroupCancelsItsSessionsFromTodayOnAndPublishesGroupCancelled() {
        // today is 2013-06-03; the group runs 2013-05-27 .. 2013-07-07
        String groupId = Fixtures.schedule(group("remscheid", "PHASE_2", "2013-05-27"));
        asStaff("remscheid").post("/api/v1/groups/" + groupId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledOn", equalTo("2013-06-03"));

        List<Map<String, Object>> sessions = asCoordinator().get("/api/v1/groups/" + groupId + "/sessions")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(sessions).filteredOn(s -> ((String) s.get("date")).compareTo("2013-06-03") < 0)
                .isNotEmpty().allMatch(s -> s.get("status").equals("SCHEDULED"));
        assertThat(sessions).filteredOn(s -> ((String) s.get("date")).compareTo("2013-06-03") >= 0)
                .isNotEmpty().allMatch(s -> s.get("status").equals("CANCELLED"));
        assertThat(Rows.one(db, "SELECT status, cancelled_on FROM activation_group WHERE id = ?", UUID.fromString(groupId))
                .get("status")).isEqualTo("CANCELLED");

        TopicReader.Published event = TopicReader.await("group-events", 1,
                r -> groupId.equals(r.key()) && r.type().equals("group.cancelled.v1")).get(0);
        assertThat(event.data().path("groupId").asText()).isEqualTo(groupId);
        assertThat(event.data().path("jobcenterId").asText()).isEqualTo("remscheid");
        assertThat(event.data().path("cancelledOn").asText()).isEqualTo("2013-06-03");
    }

    @Test
    void aCancelledGroupsSessionsCannotBeCancelledOrMovedAndCancellingAgainChangesNothing() {
        String groupId = Fixtures.schedule(group("remscheid", "PHASE_2", "2013-09-02"));
        asStaff("remscheid").post("/api/v1/groups/" + groupId + "/cancel").then().statusCode(200);
        asStaff("remscheid").post("/api/v1/groups/" + groupId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        asStaff("remscheid").post("/api/v1/groups/" + groupId + "/sessions/2013-09-02/cancel")
                .then().statusCode(422).body("rule", equalTo("group-cancelled"));
        asStaff("remscheid").body(Map.of("newDate", "2013-09-03"))
                .post("/api/v1/groups/" + groupId + "/sessions/2013-09-02/move")
                .then().statusCode(422).body("rule", equalTo("group-cancelled"));
        assertThat(TopicReader.await("group-events", 1, r -> groupId.equals(r.key())
                && r.type().equals("group.cancelled.v1"))).hasSize(1);
    }

    @Test
    void aStaleIfMatchLeavesTheGroupScheduled() {
        String groupId = Fixtures.schedule(group("remscheid", "PHASE_2", "2013-10-07"));
        asStaff("remscheid").header("If-Match", "\"7\"").post("/api/v1/groups/" + groupId + "/cancel")
                .then().statusCode(412).contentType("application/problem+json");
        asStaff("remscheid").get("/api/v1/groups/" + groupId).then().body("status", equalTo("SCHEDULED"));
    }
}
