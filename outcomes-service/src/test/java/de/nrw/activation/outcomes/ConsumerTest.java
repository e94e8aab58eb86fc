package de.nrw.activation.outcomes;

import de.nrw.activation.platform.events.EventEnvelope;
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

import static de.nrw.activation.outcomes.OutcomeFixtures.MAPPER;
import static de.nrw.activation.outcomes.OutcomeFixtures.PATIENCE;
import static de.nrw.activation.outcomes.OutcomeFixtures.asStaff;
import static de.nrw.activation.outcomes.OutcomeFixtures.cloudEvent;
import static de.nrw.activation.outcomes.OutcomeFixtures.employment;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ConsumerTest {

    @Inject
    AgroalDataSource db;

    private boolean applied(UUID eventId) {
        return Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1;
    }

    /** Sends an event on the participant's key and waits until the consumer has applied it (kept order). */
    private void sendAndAwait(String topic, UUID participantId, String type, UUID subject, Map<String, Object> data) {
        EventEnvelope event = EventEnvelope.create("/test", type, subject.toString(), MAPPER.valueToTree(data));
        TopicReader.send(topic, participantId.toString(), cloudEvent(event));
        await().atMost(PATIENCE).until(() -> applied(event.id()));
    }

    private List<Map<String, Object>> followUps(UUID participation) {
        return Rows.query(db, "SELECT id, checkpoint, due_date FROM follow_up WHERE participation_id = ? ORDER BY due_date",
                participation);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.entered(db, participant, "herne", LocalDate.parse("2012-03-05"));
        EventEnvelope exit = EventEnvelope.create("/groups-service", "participation.exited.v1", participation.toString(),
                MAPPER.valueToTree(OutcomeFixtures.exit(participation, participant, "herne", LocalDate.parse("2012-04-27"))));
        TopicReader.send("group-events", participant.toString(), cloudEvent(exit));
        await().atMost(PATIENCE).until(() -> followUps(participation).size() == 4);
        List<Map<String, Object>> before = followUps(participation);

        TopicReader.send("group-events", participant.toString(), cloudEvent(exit));
        // a later event on the same key is applied after the duplicate was seen
        sendAndAwait("group-events", participant, "attendance.recorded.v1", UUID.randomUUID(),
                Map.of("groupId", UUID.randomUUID().toString(), "jobcenterId", "herne", "date", "2012-03-06",
                        "entries", List.of()));

        assertThat(followUps(participation)).isEqualTo(before);
        assertThat(Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", exit.id())).isEqualTo(1);
        assertThat(Rows.one(db, "SELECT exit_date, exit_reason FROM participation WHERE id = ?", participation))
                .containsEntry("exit_reason", "COMPLETED");
    }

    @Test
    void theSameExitRepublishedUnderANewIdChangesNothing() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, "herne", LocalDate.parse("2012-03-05"),
                LocalDate.parse("2012-04-27"));
        List<Map<String, Object>> before = followUps(participation);
        sendAndAwait("group-events", participant, "participation.exited.v1", participation,
                OutcomeFixtures.exit(participation, participant, "herne", LocalDate.parse("2012-04-27")));
        assertThat(followUps(participation)).isEqualTo(before);
    }

    @Test
    void anExitBeforeItsEntrySchedulesTheCheckpointsAndTheEntryFillsInLater() {
        UUID participant = UUID.randomUUID();
        UUID participation = UUID.randomUUID();
        sendAndAwait("group-events", participant, "participation.exited.v1", participation,
                OutcomeFixtures.exit(participation, participant, "bochum", LocalDate.parse("2012-01-31")));

        assertThat(followUps(participation)).extracting(r -> r.get("due_date").toString())
                .containsExactly("2012-01-31", "2012-04-30", "2012-07-31", "2013-01-31");
        Map<String, Object> early = Rows.one(db, "SELECT * FROM participation WHERE id = ?", participation);
        assertThat(early.get("entry_date")).isNull();
        assertThat(early.get("phase_id")).isNull();
        assertThat(early.get("exit_date").toString()).isEqualTo("2012-01-31");
        // the participant is known from the exit alone
        asStaff("bochum").body(employment(participant, "2011-01-01")).post("/api/v1/outcomes").then().statusCode(201);
        List<Map<String, Object>> scheduled = followUps(participation);

        sendAndAwait("group-events", participant, "participation.entered.v1", participation,
                OutcomeFixtures.entry(participation, participant, "bochum", LocalDate.parse("2011-12-05")));

        Map<String, Object> complete = Rows.one(db, "SELECT * FROM participation WHERE id = ?", participation);
        assertThat(complete.get("entry_date").toString()).isEqualTo("2011-12-05");
        assertThat(complete.get("phase_id")).isEqualTo("phase-1");
        assertThat(complete.get("provider_type")).isEqualTo("JOBCENTER");
        assertThat(complete.get("exit_date").toString()).isEqualTo("2012-01-31");
        assertThat(complete.get("exit_reason")).isEqualTo("COMPLETED");
        assertThat(followUps(participation)).isEqualTo(scheduled);
        // now the first entry is known, the start-date rule applies
        asStaff("bochum").body(employment(participant, "2011-01-01")).post("/api/v1/outcomes")
                .then().statusCode(422).body("type", endsWith("/start-before-first-entry"));
    }

    @Test
    void erasureClearsTheEmployerAndKeepsTheOutcome() {
        UUID participant = knownParticipant(db, "herne");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = employment(participant, "2012-04-02");
        String id = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/outcomes")
                .then().statusCode(201).extract().path("id");

        sendAndAwait("participant-events", participant, "participant.erased.v1", participant,
                Map.of("participantId", participant.toString(), "jobcenterId", "herne"));

        Map<String, Object> row = Rows.one(db, "SELECT * FROM outcome WHERE id = ?", UUID.fromString(id));
        assertThat(row.get("employer")).isNull();
        assertThat(row.get("kind")).isEqualTo("EMPLOYMENT");
        assertThat(row.get("fixed_term")).isEqualTo(true);
        assertThat(Rows.one(db, "SELECT erased_at FROM known_participant WHERE id = ?", participant).get("erased_at"))
                .isNotNull();
        asStaff("herne").get("/api/v1/outcomes/" + id).then().statusCode(200)
                .body("employer", nullValue()).header("ETag", equalTo("\"1\""));
        // the stored idempotent answer no longer repeats the name, and still replays
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE body LIKE ? AND body LIKE '%Musterbau%'",
                "%" + participant + "%")).isZero();
        Response replay = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/outcomes");
        replay.then().statusCode(201).body("id", equalTo(id)).body("employer", nullValue());
        // no new employer for an erased participant; outcomes without one are still facts to record
        asStaff("herne").body(employment(participant, "2012-09-01")).post("/api/v1/outcomes")
                .then().statusCode(422).body("type", endsWith("/participant-erased"));
        body.remove("employer");
        asStaff("herne").body(body).post("/api/v1/outcomes").then().statusCode(201);
    }

    @Test
    void poisonIsParkedAndTheConsumerGoesOn() {
        UUID participant = UUID.randomUUID();
        TopicReader.send("group-events", participant.toString(), "this is not a cloud event");
        EventEnvelope unknown = EventEnvelope.create("/groups-service", "participation.teleported.v1",
                participant.toString(), MAPPER.valueToTree(Map.of("participantId", participant.toString())));
        TopicReader.send("group-events", participant.toString(), cloudEvent(unknown));
        Map<String, Object> noJobcenter = OutcomeFixtures.exit(UUID.randomUUID(), participant, "herne",
                LocalDate.parse("2012-04-27"));
        noJobcenter.remove("jobcenterId");
        TopicReader.send("group-events", participant.toString(),
                cloudEvent("/groups-service", "participation.exited.v1", participant.toString(), noJobcenter));
        UUID unknownParticipant = UUID.randomUUID();
        TopicReader.send("participant-events", unknownParticipant.toString(),
                cloudEvent("/participants-service", "participant.renamed.v1", unknownParticipant.toString(),
                        Map.of("participantId", unknownParticipant.toString(), "jobcenterId", "herne")));

        UUID participation = OutcomeFixtures.entered(db, participant, "herne", LocalDate.parse("2012-03-05"));
        UUID later = knownParticipant(db, "herne");

        await().atMost(PATIENCE).until(() -> Rows.count(db,
                "SELECT count(*) FROM dead_letter WHERE consumer = 'outcomes-service.group-events' AND record_key = ?",
                participant.toString()) == 3);
        await().atMost(PATIENCE).until(() -> Rows.count(db,
                "SELECT count(*) FROM dead_letter WHERE consumer = 'outcomes-service.participant-events' AND record_key = ?",
                unknownParticipant.toString()) == 1);
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE id = ?", participation)).isEqualTo(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM known_participant WHERE id = ?", later)).isEqualTo(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM known_participant WHERE id = ?", unknownParticipant)).isZero();
        assertThat(Rows.query(db, "SELECT reason FROM dead_letter WHERE record_key = ?", participant.toString()))
                .extracting(r -> r.get("reason").toString())
                .anyMatch(reason -> reason.contains("unknown type"))
                .anyMatch(reason -> reason.contains("jobcenterId"));
    }

    @Test
    void groupAndAttendanceEventsAreSkippedNotParked() {
        UUID group = UUID.randomUUID();
        EventEnvelope scheduled = EventEnvelope.create("/groups-service", "group.scheduled.v1", group.toString(),
                MAPPER.valueToTree(Map.of("groupId", group.toString(), "jobcenterId", "herne", "phaseId", "phase-1",
                        "providerType", "JOBCENTER", "startDate", "2012-03-05", "endDate", "2012-04-27",
                        "capacity", 20, "meetingDays", List.of("MONDAY", "TUESDAY", "THURSDAY"), "hoursPerWeek", 12)));
        EventEnvelope cancelled = EventEnvelope.create("/groups-service", "group.cancelled.v1", group.toString(),
                MAPPER.valueToTree(Map.of("groupId", group.toString(), "jobcenterId", "herne", "cancelledOn", "2012-03-01")));
        TopicReader.send("group-events", group.toString(), cloudEvent(scheduled));
        TopicReader.send("group-events", group.toString(), cloudEvent(cancelled));

        await().atMost(PATIENCE).until(() -> applied(scheduled.id()) && applied(cancelled.id()));
        assertThat(Rows.count(db, "SELECT count(*) FROM dead_letter WHERE record_key = ?", group.toString())).isZero();
    }
}
