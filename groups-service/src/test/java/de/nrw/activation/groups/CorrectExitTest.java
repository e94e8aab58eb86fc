package de.nrw.activation.groups;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** domain.md, "an exit was recorded wrongly": staff correct the exit date and/or reason; the correction is published. */
@QuarkusTest
class CorrectExitTest {

    private static final String JC = "kreis-coesfeld";

    @Inject
    AgroalDataSource db;

    @Test
    void aCorrectionChangesDateAndReasonAndPublishesExitCorrectedWithTheNewOnes() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));   // ends 2012-04-15
        String participation = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-07");
        Lifecycle.exit(JC, participation, "2012-04-13", "COMPLETED").then().statusCode(200).header("ETag", equalTo("\"1\""));

        Lifecycle.correctExit(JC, participation, "\"1\"", "2012-03-20", "DROPOUT").then().statusCode(200)
                .contentType("application/json").header("ETag", equalTo("\"2\""))
                .body("id", equalTo(participation)).body("status", equalTo("ENDED"))
                .body("exitDate", equalTo("2012-03-20")).body("exitReason", equalTo("DROPOUT"))
                .body("exitCausedByGroupCancellation", equalTo(false));

        Map<String, Object> row = Lifecycle.row(db, participation);
        assertThat(row.get("exit_date").toString()).isEqualTo("2012-03-20");
        assertThat(row).containsEntry("exit_reason", "DROPOUT").containsEntry("version", 2L);
        assertThat(row.get("exit_corrected_at")).isNotNull();

        String participant = Lifecycle.participantOf(db, participation);
        JsonNode first = Lifecycle.events(participant, "participation.exited.v1", 1).get(0).data();
        assertThat(first.path("exitDate").asText()).isEqualTo("2012-04-13");
        assertThat(first.path("reason").asText()).isEqualTo("COMPLETED");
        assertThat(first.path("groupCancelled").isBoolean()).isTrue();
        assertThat(first.path("groupCancelled").booleanValue()).isFalse();
        TopicReader.Published corrected = Lifecycle.events(participant, "participation.exit-corrected.v1", 1).get(0);
        assertThat(corrected.event().path("subject").asText()).isEqualTo(participation);
        JsonNode data = corrected.data();
        assertThat(data.path("participationId").asText()).isEqualTo(participation);
        assertThat(data.path("participantId").asText()).isEqualTo(participant);
        assertThat(data.path("groupId").asText()).isEqualTo(groupId);
        assertThat(data.path("jobcenterId").asText()).isEqualTo(JC);
        assertThat(data.path("phaseId").asText()).isEqualTo("PHASE_1");
        assertThat(data.path("providerType").asText()).isEqualTo("JOBCENTER");
        assertThat(data.path("entryDate").asText()).isEqualTo("2012-03-07");
        assertThat(data.path("exitDate").asText()).isEqualTo("2012-03-20");
        assertThat(data.path("reason").asText()).isEqualTo("DROPOUT");
        assertThat(data.path("groupCancelled").booleanValue()).isFalse();
    }

    @Test
    void aCorrectionFollowsTheRulesOfTheFirstRecordingAndARefusedOneChangesNothing() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participation = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-07");
        Lifecycle.exit(JC, participation, "2012-04-13", "COMPLETED").then().statusCode(200);

        Lifecycle.correctExit(JC, participation, null, "2012-03-06", "DROPOUT").then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("exit-before-entry"));
        Lifecycle.correctExit(JC, participation, null, "2012-04-16", "COMPLETED").then().statusCode(422)
                .body("rule", equalTo("exit-after-group-end"));
        Lifecycle.correctExit(JC, participation, null, "2012-04-13", "RETIRED").then().statusCode(400)
                .contentType("application/problem+json");
        asStaff(JC).body(Map.of("reason", "DROPOUT")).put("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(Lifecycle.row(db, participation).get("exit_date").toString()).isEqualTo("2012-04-13");
        assertThat(Lifecycle.row(db, participation)).containsEntry("version", 1L);
        assertThat(Lifecycle.settled(db, Lifecycle.participantOf(db, participation), "participation.exit-corrected.v1",
                participation)).isEmpty();
    }

    @Test
    void aCorrectionIntoTheFutureIsRefused() {
        String groupId = Fixtures.schedule(group("kreis-guetersloh", "PHASE_2", "2013-05-27"));   // runs past today
        String participation = Fixtures.enter("kreis-guetersloh", groupId,
                Fixtures.knownParticipant(db, "kreis-guetersloh"), "2013-05-27");
        Lifecycle.exit("kreis-guetersloh", participation, "2013-05-31", "DROPOUT").then().statusCode(200);
        Lifecycle.correctExit("kreis-guetersloh", participation, null, "2013-06-04", "DROPOUT").then().statusCode(422)
                .body("rule", equalTo("exit-in-future"));
        Lifecycle.correctExit("kreis-guetersloh", participation, null, "2013-06-03", "DROPOUT").then().statusCode(200)
                .body("exitDate", equalTo("2013-06-03"));
    }

    @Test
    void withoutARecordedExitThereIsNothingToCorrect() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participation = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-07");
        Lifecycle.correctExit(JC, participation, null, "2012-04-13", "COMPLETED").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/not-exited"));
        asStaff(JC).get("/api/v1/participations/" + participation).then().body("exitDate", nullValue())
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aStaleIfMatchAnswers412AndTheSameValuesAgainChangeNothing() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participation = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-07");
        Lifecycle.exit(JC, participation, "2012-04-13", "COMPLETED").then().statusCode(200);

        Lifecycle.correctExit(JC, participation, "\"0\"", "2012-03-20", "DROPOUT").then().statusCode(412)
                .contentType("application/problem+json").body("currentEtag", equalTo("\"1\""));
        Lifecycle.correctExit(JC, participation, "\"1\"", "2012-04-13", "COMPLETED").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("exitDate", equalTo("2012-04-13"));

        assertThat(Lifecycle.row(db, participation)).containsEntry("version", 1L).containsEntry("exit_reason", "COMPLETED");
        List<TopicReader.Published> corrections = Lifecycle.settled(db, Lifecycle.participantOf(db, participation),
                "participation.exit-corrected.v1", participation);
        assertThat(corrections).isEmpty();
    }
}
