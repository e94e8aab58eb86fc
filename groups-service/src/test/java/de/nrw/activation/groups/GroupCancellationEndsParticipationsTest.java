package de.nrw.activation.groups;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * domain.md, "a group is cancelled": every participation still open on the cancellation date
 * ends on that date (reason OTHER, marked as caused by the cancellation), and the participant is
 * free to enter another group from the next day. Today is Monday 3 June 2013 (TestClock).
 */
@QuarkusTest
class GroupCancellationEndsParticipationsTest {

    private static final String JC = "kreis-herford";

    @Inject
    AgroalDataSource db;

    @Test
    void cancellingEndsEachOpenParticipationOnTheCancellationDateWithItsOwnEvent() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_2", "2013-05-27"));   // runs 2013-05-27 .. 2013-07-07
        String open = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2013-05-27");
        String exited = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2013-05-27");
        Lifecycle.exit(JC, exited, "2013-05-29", "DROPOUT").then().statusCode(200);
        String withdrawn = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2013-05-28");
        Lifecycle.withdraw(JC, withdrawn, "registered in error").then().statusCode(200);
        String notYetStarted = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2013-06-10");

        asStaff(JC).post("/api/v1/groups/" + groupId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledOn", equalTo("2013-06-03"));

        asStaff(JC).get("/api/v1/participations/" + open).then().statusCode(200)
                .body("status", equalTo("ENDED")).body("exitDate", equalTo("2013-06-03"))
                .body("exitReason", equalTo("OTHER")).body("exitCausedByGroupCancellation", equalTo(true));
        assertThat(Lifecycle.row(db, open)).containsEntry("exit_reason", "OTHER").containsEntry("exit_group_cancelled", true);
        assertThat(Lifecycle.row(db, open).get("exit_date").toString()).isEqualTo("2013-06-03");
        // it cannot end before it began: a participation due to start later ends on its entry day
        assertThat(Lifecycle.row(db, notYetStarted).get("exit_date").toString()).isEqualTo("2013-06-10");
        assertThat(Lifecycle.row(db, notYetStarted)).containsEntry("exit_group_cancelled", true);
        // an exit already recorded stays; a withdrawn participation is not ended
        assertThat(Lifecycle.row(db, exited).get("exit_date").toString()).isEqualTo("2013-05-29");
        assertThat(Lifecycle.row(db, exited)).containsEntry("exit_reason", "DROPOUT").containsEntry("exit_group_cancelled", false);
        assertThat(Lifecycle.row(db, withdrawn).get("exit_date")).isNull();

        JsonNode data = Lifecycle.events(Lifecycle.participantOf(db, open), "participation.exited.v1", 1).get(0).data();
        assertThat(data.path("participationId").asText()).isEqualTo(open);
        assertThat(data.path("groupId").asText()).isEqualTo(groupId);
        assertThat(data.path("jobcenterId").asText()).isEqualTo(JC);
        assertThat(data.path("phaseId").asText()).isEqualTo("PHASE_2");
        assertThat(data.path("entryDate").asText()).isEqualTo("2013-05-27");
        assertThat(data.path("exitDate").asText()).isEqualTo("2013-06-03");
        assertThat(data.path("reason").asText()).isEqualTo("OTHER");
        assertThat(data.path("groupCancelled").isBoolean()).isTrue();
        assertThat(data.path("groupCancelled").booleanValue()).isTrue();
        assertThat(Lifecycle.events(Lifecycle.participantOf(db, notYetStarted), "participation.exited.v1", 1).get(0)
                .data().path("groupCancelled").booleanValue()).isTrue();
        assertThat(TopicReader.await(Lifecycle.GROUP_EVENTS, 1, r -> groupId.equals(r.key())
                && r.type().equals("group.cancelled.v1"))).hasSize(1);

        // the participation exited before keeps its one, normal exit event; the withdrawn one gets none
        List<TopicReader.Published> earlier = Lifecycle.settled(db, Lifecycle.participantOf(db, exited),
                "participation.exited.v1", exited);
        assertThat(earlier).hasSize(1);
        assertThat(earlier.get(0).data().path("groupCancelled").booleanValue()).isFalse();
        assertThat(earlier.get(0).data().path("groupCancelled").isBoolean()).isTrue();
        assertThat(Lifecycle.settled(db, Lifecycle.participantOf(db, withdrawn), "participation.exited.v1", withdrawn)).isEmpty();
        assertThat(Lifecycle.settled(db, Lifecycle.participantOf(db, open), "participation.exited.v1", open)).hasSize(1);
    }

    @Test
    void theParticipantMayEnterAnotherGroupFromTheDayAfterTheCancellation() {
        String cancelled = Fixtures.schedule(group(JC, "PHASE_2", "2013-05-27"));
        String participant = Fixtures.knownParticipant(db, JC);
        Fixtures.enter(JC, cancelled, participant, "2013-05-27");
        String next = Fixtures.schedule(group(JC, "PHASE_2", "2013-06-03"));
        Lifecycle.enterRequest(JC, next, participant, "2013-06-04").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/overlapping-participation"));

        asStaff(JC).post("/api/v1/groups/" + cancelled + "/cancel").then().statusCode(200);

        Lifecycle.enterRequest(JC, next, participant, "2013-06-03").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/overlapping-participation"));
        String entered = Lifecycle.enterRequest(JC, next, participant, "2013-06-04").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).extract().path("id");
        assertThat(Lifecycle.row(db, entered).get("group_id").toString()).isEqualTo(next);
    }

    @Test
    void aCorrectedCancellationExitIsTheStaffsNoLongerTheCancellations() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_2", "2013-05-27"));
        String participation = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2013-05-27");
        asStaff(JC).post("/api/v1/groups/" + groupId + "/cancel").then().statusCode(200);

        // it really ended earlier, with a job
        Lifecycle.correctExit(JC, participation, "\"1\"", "2013-05-31", "INTEGRATED").then().statusCode(200)
                .body("exitDate", equalTo("2013-05-31")).body("exitReason", equalTo("INTEGRATED"))
                .body("exitCausedByGroupCancellation", equalTo(false));
        // and never later than the cancellation: the group did not meet after it
        Lifecycle.correctExit(JC, participation, null, "2013-06-04", "COMPLETED").then().statusCode(422)
                .body("rule", equalTo("exit-after-group-cancelled"));

        JsonNode corrected = Lifecycle.events(Lifecycle.participantOf(db, participation),
                "participation.exit-corrected.v1", 1).get(0).data();
        assertThat(corrected.path("exitDate").asText()).isEqualTo("2013-05-31");
        assertThat(corrected.path("reason").asText()).isEqualTo("INTEGRATED");
        assertThat(corrected.path("groupCancelled").booleanValue()).isFalse();
        assertThat(Lifecycle.row(db, participation)).containsEntry("exit_group_cancelled", false);
    }
}
