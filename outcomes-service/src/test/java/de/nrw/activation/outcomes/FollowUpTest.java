package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.outcomes.OutcomeFixtures.asStaff;
import static de.nrw.activation.outcomes.OutcomeFixtures.endedParticipation;
import static de.nrw.activation.outcomes.OutcomeFixtures.followUp;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class FollowUpTest {

    private static final LocalDate ENTRY = LocalDate.parse("2012-03-05");
    private static final LocalDate EXIT = LocalDate.parse("2012-04-27");

    @Inject
    AgroalDataSource db;

    private String path(UUID participation) {
        return "/api/v1/participations/" + participation + "/follow-ups";
    }

    @Test
    void anExitEventSchedulesTheFourCheckpoints() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = endedParticipation(db, participant, "herne", ENTRY, EXIT);

        List<Map<String, Object>> rows = Rows.query(db,
                "SELECT checkpoint, due_date, status, participant_id, jobcenter_id FROM follow_up "
                        + "WHERE participation_id = ? ORDER BY due_date", participation);
        assertThat(rows).extracting(r -> r.get("checkpoint")).containsExactly("EXIT", "MONTH_3", "MONTH_6", "MONTH_12");
        assertThat(rows).extracting(r -> r.get("due_date").toString())
                .containsExactly("2012-04-27", "2012-07-27", "2012-10-27", "2013-04-27");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("status")).isNull();
            assertThat(r.get("participant_id")).isEqualTo(participant);
            assertThat(r.get("jobcenter_id")).isEqualTo("herne");
        });
        asStaff("herne").get(path(participation)).then().statusCode(200)
                .header("X-Total-Count", equalTo("4"))
                .body("checkpoint", contains("EXIT", "MONTH_3", "MONTH_6", "MONTH_12"));
    }

    @Test
    void recordingADueCheckpointAnswers201AndPublishesAFollowUpEvent() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = endedParticipation(db, participant, "herne", ENTRY, EXIT);

        Response response = asStaff("herne").body(followUp("MONTH_3", "EMPLOYMENT", "2012-07-30")).post(path(participation));
        response.then().statusCode(201)
                .body("id", notNullValue())
                .body("participationId", equalTo(participation.toString()))
                .body("participantId", equalTo(participant.toString()))
                .body("checkpoint", equalTo("MONTH_3"))
                .body("dueDate", equalTo("2012-07-27"))
                .body("status", equalTo("EMPLOYMENT"))
                .body("checkedOn", equalTo("2012-07-30"));
        assertThat(response.header("Location")).endsWith(path(participation) + "/MONTH_3");
        asStaff("herne").get(path(participation) + "/MONTH_3").then().statusCode(200).body("status", equalTo("EMPLOYMENT"));

        Map<String, Object> row = Rows.one(db, "SELECT * FROM follow_up WHERE participation_id = ? AND checkpoint = 'MONTH_3'",
                participation);
        assertThat(row.get("status")).isEqualTo("EMPLOYMENT");
        assertThat(row.get("checked_on").toString()).isEqualTo("2012-07-30");
        assertThat(row.get("recorded_at")).isNotNull();

        TopicReader.Published event = TopicReader.await("outcome-events", 1,
                r -> participant.toString().equals(r.key()) && r.type().equals("followup.recorded.v1")).get(0);
        assertThat(event.data().path("followUpId").asText()).isEqualTo(response.path("id"));
        assertThat(event.data().path("participationId").asText()).isEqualTo(participation.toString());
        assertThat(event.data().path("participantId").asText()).isEqualTo(participant.toString());
        assertThat(event.data().path("jobcenterId").asText()).isEqualTo("herne");
        assertThat(event.data().path("checkpoint").asText()).isEqualTo("MONTH_3");
        assertThat(event.data().path("status").asText()).isEqualTo("EMPLOYMENT");
        assertThat(event.data().path("checkedOn").asText()).isEqualTo("2012-07-30");
    }

    @Test
    void recordingACheckpointTwiceIsAConflict() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = endedParticipation(db, participant, "herne", ENTRY, EXIT);
        asStaff("herne").body(followUp("EXIT", "UNEMPLOYED", "2012-04-27")).post(path(participation))
                .then().statusCode(201);

        asStaff("herne").body(followUp("EXIT", "EMPLOYMENT", "2012-05-02")).post(path(participation))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/follow-up-already-recorded"));
        assertThat(Rows.one(db, "SELECT status FROM follow_up WHERE participation_id = ? AND checkpoint = 'EXIT'",
                participation).get("status")).isEqualTo("UNEMPLOYED");
        TopicReader.await("outcome-events", 1, r -> participant.toString().equals(r.key()));
        assertThat(TopicReader.readAll("outcome-events").stream()
                .filter(r -> participant.toString().equals(r.key()) && r.type().equals("followup.recorded.v1"))).hasSize(1);
    }

    @Test
    void recordingBeforeTheDueDateBreaksARule() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = endedParticipation(db, participant, "herne", ENTRY, EXIT);
        asStaff("herne").body(followUp("MONTH_3", "EMPLOYMENT", "2012-07-26")).post(path(participation))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/follow-up-not-due"))
                .body("rule", equalTo("follow-up-not-due"));
        assertThat(Rows.count(db, "SELECT count(*) FROM follow_up WHERE participation_id = ? AND status IS NOT NULL",
                participation)).isZero();
    }

    @Test
    void aParticipationThatHasNotEndedHasNoCheckpointToRecord() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.entered(db, participant, "herne", ENTRY);
        asStaff("herne").body(followUp("EXIT", "EMPLOYMENT", "2012-04-27")).post(path(participation))
                .then().statusCode(422).body("type", endsWith("/participation-not-ended"));
        asStaff("herne").get(path(participation)).then().statusCode(200).header("X-Total-Count", equalTo("0"));
    }

    @Test
    void anUnknownOrAnotherJobcentersParticipationAnswers404() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = endedParticipation(db, participant, "herne", ENTRY, EXIT);
        asStaff("bochum").body(followUp("EXIT", "EMPLOYMENT", "2012-04-27")).post(path(participation))
                .then().statusCode(404).contentType("application/problem+json");
        asStaff("bochum").get(path(participation)).then().statusCode(404);
        asStaff("herne").body(followUp("EXIT", "EMPLOYMENT", "2012-04-27")).post(path(UUID.randomUUID()))
                .then().statusCode(404).body("type", endsWith("/not-found"));
        assertThat(Rows.count(db, "SELECT count(*) FROM follow_up WHERE participation_id = ? AND status IS NOT NULL",
                participation)).isZero();
    }

    @Test
    void aCheckDateInTheFutureAndInvalidFieldsAreBadRequests() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = endedParticipation(db, participant, "herne", ENTRY, EXIT);
        String tomorrow = OutcomeFixtures.today().plusDays(1).toString();
        asStaff("herne").body(followUp("MONTH_12", "EMPLOYMENT", tomorrow)).post(path(participation))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("checkedOn"));
        asStaff("herne").body(followUp("MONTH_24", "EMPLOYMENT", "2013-05-01")).post(path(participation))
                .then().statusCode(400).body("violations[0].field", equalTo("checkpoint"));
        asStaff("herne").body(followUp("MONTH_12", "RETIRED", "2013-05-01")).post(path(participation))
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        asStaff("herne").body(Map.of()).post(path(participation))
                .then().statusCode(400);
        asStaff("herne").body(followUp("EXIT", "EMPLOYMENT", "2012-04-27")).post("/api/v1/participations/42/follow-ups")
                .then().statusCode(400).body("violations[0].field", equalTo("id"));
        asStaff("herne").get(path(participation) + "/MONTH_24").then().statusCode(400);
        assertThat(Rows.count(db, "SELECT count(*) FROM follow_up WHERE participation_id = ? AND status IS NOT NULL",
                participation)).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = endedParticipation(db, participant, "herne", ENTRY, EXIT);
        String key = UUID.randomUUID().toString();
        Response first = asStaff("herne").header("Idempotency-Key", key)
                .body(followUp("EXIT", "OTHER", "2012-04-28")).post(path(participation));
        first.then().statusCode(201);
        asStaff("herne").header("Idempotency-Key", key).body(followUp("EXIT", "OTHER", "2012-04-28")).post(path(participation))
                .then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.path("id")));
    }
}
