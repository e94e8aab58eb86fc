package de.nrw.activation.outcomes;

import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.outcomes.OutcomeFixtures.MAPPER;
import static de.nrw.activation.outcomes.OutcomeFixtures.PATIENCE;
import static de.nrw.activation.outcomes.OutcomeFixtures.asStaff;
import static de.nrw.activation.outcomes.OutcomeFixtures.cancellationExit;
import static de.nrw.activation.outcomes.OutcomeFixtures.cloudEvent;
import static de.nrw.activation.outcomes.OutcomeFixtures.entry;
import static de.nrw.activation.outcomes.OutcomeFixtures.exit;
import static de.nrw.activation.outcomes.OutcomeFixtures.exitCorrection;
import static de.nrw.activation.outcomes.OutcomeFixtures.followUp;
import static de.nrw.activation.outcomes.OutcomeFixtures.followUpCorrection;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static de.nrw.activation.outcomes.OutcomeFixtures.transfer;
import static de.nrw.activation.outcomes.OutcomeFixtures.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/**
 * The lifecycle events of groups-service (exit corrected, withdrawn, exited after a cancellation,
 * transferred) and the erasure of a participant, as the follow-up checkpoints follow them: applied
 * once per event id and to the same rows whatever order they arrive in. The events are sent to the
 * real broker as groups-service and participants-service would publish them.
 */
@QuarkusTest
class LifecycleEventsTest {

    private static final LocalDate ENTRY = LocalDate.parse("2012-03-05");
    private static final LocalDate EXIT = LocalDate.parse("2012-04-27");
    private static final LocalDate CORRECTED_EXIT = LocalDate.parse("2012-03-30");
    private static final OffsetDateTime EXITED_AT = OffsetDateTime.of(2012, 4, 27, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime CORRECTED_AT = EXITED_AT.plusDays(5);

    @Inject
    AgroalDataSource db;

    // ---- exit corrected

    @Test
    void anExitCorrectionMovesTheOpenCheckpointsAndTheRecordedOneStays() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = UUID.randomUUID();
        send(participant, "participation.entered.v1", participation, entry(participation, participant, "herne", ENTRY), null);
        send(participant, "participation.exited.v1", participation, exit(participation, participant, "herne", EXIT), EXITED_AT);
        asStaff("herne").body(followUp("EXIT", "UNEMPLOYED", "2012-04-27"))
                .post("/api/v1/participations/" + participation + "/follow-ups").then().statusCode(201);
        String openEtag = asStaff("herne").get("/api/v1/participations/" + participation + "/follow-ups/MONTH_3")
                .then().statusCode(200).extract().header("ETag");

        send(participant, "participation.exit-corrected.v1", participation,
                exitCorrection(participation, participant, "herne", CORRECTED_EXIT, "DROPOUT"), CORRECTED_AT);

        assertThat(dueDates(participation)).containsExactly(
                "EXIT 2012-04-27 UNEMPLOYED", "MONTH_3 2012-06-30 open", "MONTH_6 2012-09-30 open", "MONTH_12 2013-03-30 open");
        Map<String, Object> row = Rows.one(db, "SELECT exit_date, exit_reason, exit_corrected FROM participation WHERE id = ?",
                participation);
        assertThat(row.get("exit_date").toString()).isEqualTo("2012-03-30");
        assertThat(row.get("exit_reason")).isEqualTo("DROPOUT");
        assertThat(row.get("exit_corrected")).isEqualTo(true);
        // a moved checkpoint has a new ETag, and the due list shows the moved dates
        asStaff("herne").get("/api/v1/participations/" + participation + "/follow-ups/MONTH_3")
                .then().statusCode(200).header("ETag", not(openEtag));
        asStaff("herne").queryParam("until", "2013-12-31").queryParam("size", 500).get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .body("findAll { it.participationId == '" + participation + "' }.dueDate",
                        contains("2012-06-30", "2012-09-30", "2013-03-30"));
    }

    @Test
    void anExitCorrectionThatArrivesBeforeTheExitAndTheEntryStillWins() {
        UUID participant = knownParticipant(db, "herne");
        UUID inOrder = UUID.randomUUID();
        send(participant, "participation.entered.v1", inOrder, entry(inOrder, participant, "herne", ENTRY), null);
        send(participant, "participation.exited.v1", inOrder, exit(inOrder, participant, "herne", EXIT), EXITED_AT);
        send(participant, "participation.exit-corrected.v1", inOrder,
                exitCorrection(inOrder, participant, "herne", CORRECTED_EXIT, "DROPOUT"), CORRECTED_AT);

        UUID reversed = UUID.randomUUID();
        send(participant, "participation.exit-corrected.v1", reversed,
                exitCorrection(reversed, participant, "herne", CORRECTED_EXIT, "DROPOUT"), CORRECTED_AT);
        send(participant, "participation.exited.v1", reversed, exit(reversed, participant, "herne", EXIT), EXITED_AT);
        send(participant, "participation.entered.v1", reversed, entry(reversed, participant, "herne", ENTRY), null);

        assertThat(dueDates(reversed)).containsExactly("EXIT 2012-03-30 open", "MONTH_3 2012-06-30 open",
                "MONTH_6 2012-09-30 open", "MONTH_12 2013-03-30 open");
        assertThat(dueDates(reversed)).isEqualTo(dueDates(inOrder));
        // the fixtures give each event a group of its own; everything else must be the same
        Map<String, Object> reversedFacts = new HashMap<>(participationFacts(reversed));
        Map<String, Object> inOrderFacts = new HashMap<>(participationFacts(inOrder));
        reversedFacts.remove("group_id");
        inOrderFacts.remove("group_id");
        assertThat(reversedFacts).isEqualTo(inOrderFacts);
        assertThat(participationFacts(reversed)).containsEntry("exit_reason", "DROPOUT");
        assertThat(participationFacts(reversed).get("entry_date").toString()).isEqualTo("2012-03-05");
    }

    @Test
    void ofTwoExitCorrectionsTheOnePublishedLaterWinsWhicheverArrivesFirst() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, "herne", ENTRY, EXIT);
        send(participant, "participation.exit-corrected.v1", participation,
                exitCorrection(participation, participant, "herne", LocalDate.parse("2012-04-20"), "COMPLETED"),
                CORRECTED_AT.plusDays(1));
        send(participant, "participation.exit-corrected.v1", participation,
                exitCorrection(participation, participant, "herne", CORRECTED_EXIT, "DROPOUT"), CORRECTED_AT);

        assertThat(participationFacts(participation)).containsEntry("exit_reason", "COMPLETED");
        assertThat(dueDates(participation)).first().isEqualTo("EXIT 2012-04-20 open");
    }

    // ---- withdrawn

    @Test
    void aWithdrawalDropsTheOpenCheckpointsKeepsTheRecordedOneAndRefusesNewRecords() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, "herne", ENTRY, EXIT);
        String path = "/api/v1/participations/" + participation + "/follow-ups";
        asStaff("herne").body(followUp("EXIT", "OTHER", "2012-04-27")).post(path).then().statusCode(201);

        send(participant, "participation.withdrawn.v1", participation, withdrawal(participation, participant, "herne"), null);

        assertThat(dueDates(participation)).containsExactly("EXIT 2012-04-27 OTHER");
        assertThat(Rows.one(db, "SELECT withdrawn_at FROM participation WHERE id = ?", participation).get("withdrawn_at"))
                .isNotNull();
        asStaff("herne").queryParam("until", "2013-12-31").queryParam("size", 500).get("/api/v1/follow-ups/due")
                .then().statusCode(200).body("findAll { it.participationId == '" + participation + "' }", empty());
        asStaff("herne").body(followUp("MONTH_3", "EMPLOYMENT", "2012-07-27")).post(path)
                .then().statusCode(422).body("type", endsWith("/participation-withdrawn"));
        asStaff("herne").body(followUpCorrection("EMPLOYMENT", "2012-04-28")).put(path + "/EXIT")
                .then().statusCode(422).body("type", endsWith("/participation-withdrawn"));
        assertThat(dueDates(participation)).containsExactly("EXIT 2012-04-27 OTHER");
    }

    @Test
    void aWithdrawalThatArrivesBeforeTheEntryAndTheExitStillWins() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = UUID.randomUUID();
        send(participant, "participation.withdrawn.v1", participation, withdrawal(participation, participant, "herne"), null);
        send(participant, "participation.entered.v1", participation, entry(participation, participant, "herne", ENTRY), null);
        send(participant, "participation.exited.v1", participation, exit(participation, participant, "herne", EXIT), EXITED_AT);
        send(participant, "participation.exit-corrected.v1", participation,
                exitCorrection(participation, participant, "herne", CORRECTED_EXIT, "DROPOUT"), CORRECTED_AT);

        assertThat(dueDates(participation)).isEmpty();
        Map<String, Object> row = Rows.one(db, "SELECT * FROM participation WHERE id = ?", participation);
        assertThat(row.get("withdrawn_at")).isNotNull();
        assertThat(row.get("entry_date").toString()).isEqualTo("2012-03-05");
        assertThat(row.get("exit_date").toString()).isEqualTo("2012-03-30");
        // entered by mistake: its entry is no earliest entry for an outcome's start date
        asStaff("herne").body(OutcomeFixtures.outcome(participant, "UNEMPLOYED", "2011-01-03")).post("/api/v1/outcomes")
                .then().statusCode(201);
    }

    // ---- exited because the group was cancelled

    @Test
    void anExitCausedByTheGroupsCancellationSchedulesTheCheckpointsAsAnyExit() {
        UUID participant = knownParticipant(db, "kreis-coesfeld");
        UUID participation = OutcomeFixtures.entered(db, participant, "kreis-coesfeld", ENTRY);
        LocalDate cancelledOn = LocalDate.parse("2012-03-21");
        send(participant, "participation.exited.v1", participation,
                cancellationExit(participation, participant, "kreis-coesfeld", cancelledOn), EXITED_AT);

        assertThat(dueDates(participation)).containsExactly("EXIT 2012-03-21 open", "MONTH_3 2012-06-21 open",
                "MONTH_6 2012-09-21 open", "MONTH_12 2013-03-21 open");
        assertThat(participationFacts(participation)).containsEntry("group_cancelled", true).containsEntry("exit_reason", "OTHER");
        asStaff("kreis-coesfeld").queryParam("until", "2012-06-21").queryParam("size", 500).get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .body("findAll { it.participationId == '" + participation + "' }.checkpoint", contains("EXIT", "MONTH_3"));
        asStaff("kreis-coesfeld").body(followUp("EXIT", "OTHER", "2012-03-21"))
                .post("/api/v1/participations/" + participation + "/follow-ups").then().statusCode(201);
    }

    // ---- transferred

    @Test
    void aTransferKeepsTheCheckpointsAndTheGroupFollows() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, "herne", ENTRY, EXIT);
        List<Map<String, Object>> before = Rows.query(db,
                "SELECT id, checkpoint, due_date, version FROM follow_up WHERE participation_id = ? ORDER BY due_date",
                participation);
        UUID newGroup = UUID.randomUUID();

        send(participant, "participation.transferred.v1", participation,
                transfer(participation, participant, "herne", newGroup, LocalDate.parse("2012-03-19")), null);

        assertThat(Rows.query(db,
                "SELECT id, checkpoint, due_date, version FROM follow_up WHERE participation_id = ? ORDER BY due_date",
                participation)).isEqualTo(before).hasSize(4);
        assertThat(participationFacts(participation)).containsEntry("group_id", newGroup)
                .containsEntry("provider_type", "EDUCATION_PROVIDER");
    }

    @Test
    void aTransferThatArrivesBeforeTheEntryKeepsTheNewGroup() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = UUID.randomUUID();
        UUID newGroup = UUID.randomUUID();
        send(participant, "participation.transferred.v1", participation,
                transfer(participation, participant, "herne", newGroup, LocalDate.parse("2012-03-19")), null);
        send(participant, "participation.entered.v1", participation, entry(participation, participant, "herne", ENTRY), null);
        send(participant, "participation.exited.v1", participation, exit(participation, participant, "herne", EXIT), EXITED_AT);

        assertThat(participationFacts(participation)).containsEntry("group_id", newGroup).containsEntry("phase_id", "phase-1");
        assertThat(participationFacts(participation).get("entry_date").toString()).isEqualTo("2012-03-05");
        assertThat(dueDates(participation)).hasSize(4).first().isEqualTo("EXIT 2012-04-27 open");
    }

    // ---- participant erased

    @Test
    void anErasureDropsTheOpenCheckpointsAndKeepsTheRecordedOnes() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, "herne", ENTRY, EXIT);
        String path = "/api/v1/participations/" + participation + "/follow-ups";
        asStaff("herne").body(followUp("EXIT", "EMPLOYMENT", "2012-04-30")).post(path).then().statusCode(201);

        sendParticipantEvent(participant, "participant.erased.v1", Map.of("participantId", participant.toString(),
                "jobcenterId", "herne"));

        assertThat(dueDates(participation)).containsExactly("EXIT 2012-04-27 EMPLOYMENT");
        asStaff("herne").queryParam("until", "2013-12-31").queryParam("size", 500).get("/api/v1/follow-ups/due")
                .then().statusCode(200).body("findAll { it.participantId == '" + participant + "' }", empty());
        asStaff("herne").body(followUp("MONTH_3", "EMPLOYMENT", "2012-07-27")).post(path)
                .then().statusCode(422).body("type", endsWith("/participant-erased"));
        // an exit correction that comes afterwards brings nothing back
        send(participant, "participation.exit-corrected.v1", participation,
                exitCorrection(participation, participant, "herne", CORRECTED_EXIT, "DROPOUT"), CORRECTED_AT);
        assertThat(dueDates(participation)).containsExactly("EXIT 2012-04-27 EMPLOYMENT");
        // the recorded fact may still be put right
        asStaff("herne").body(followUpCorrection("APPRENTICESHIP", "2012-04-30")).put(path + "/EXIT").then().statusCode(200);
    }

    @Test
    void anErasureThatArrivesBeforeTheExitLeavesNothingDue() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = OutcomeFixtures.entered(db, participant, "herne", ENTRY);
        sendParticipantEvent(participant, "participant.erased.v1", Map.of("participantId", participant.toString(),
                "jobcenterId", "herne"));
        send(participant, "participation.exited.v1", participation, exit(participation, participant, "herne", EXIT), EXITED_AT);

        assertThat(dueDates(participation)).isEmpty();
        assertThat(participationFacts(participation).get("exit_date").toString()).isEqualTo("2012-04-27");
    }

    // ---- duplicates

    @Test
    void eachLifecycleEventDeliveredTwiceIsAppliedOnce() {
        UUID participant = knownParticipant(db, "herne");
        UUID corrected = OutcomeFixtures.endedParticipation(db, participant, "herne", ENTRY, EXIT);
        UUID withdrawn = OutcomeFixtures.endedParticipation(db, participant, "herne", ENTRY, EXIT);
        UUID transferred = OutcomeFixtures.entered(db, participant, "herne", ENTRY);
        UUID cancelled = OutcomeFixtures.entered(db, participant, "herne", ENTRY);
        List<EventEnvelope> events = List.of(
                envelope("participation.exit-corrected.v1", corrected,
                        exitCorrection(corrected, participant, "herne", CORRECTED_EXIT, "DROPOUT"), CORRECTED_AT),
                envelope("participation.withdrawn.v1", withdrawn, withdrawal(withdrawn, participant, "herne"), null),
                envelope("participation.transferred.v1", transferred,
                        transfer(transferred, participant, "herne", UUID.randomUUID(), LocalDate.parse("2012-03-19")), null),
                envelope("participation.exited.v1", cancelled,
                        cancellationExit(cancelled, participant, "herne", LocalDate.parse("2012-03-21")), EXITED_AT));
        for (EventEnvelope event : events) {
            sendEnvelope(participant, event);
        }
        String once = stateOf(participant);
        for (EventEnvelope event : events) {
            TopicReader.send("group-events", participant.toString(), cloudEvent(event));
        }
        // a later event on the same key is applied after the duplicates were seen
        send(participant, "attendance.recorded.v1", UUID.randomUUID(), Map.of("groupId", UUID.randomUUID().toString(),
                "jobcenterId", "herne", "date", "2012-03-06", "entries", List.of()), null);

        assertThat(stateOf(participant)).isEqualTo(once);
        for (EventEnvelope event : events) {
            assertThat(Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", event.id())).isEqualTo(1);
        }
        assertThat(dueDates(corrected)).first().isEqualTo("EXIT 2012-03-30 open");
        assertThat(dueDates(withdrawn)).isEmpty();
        assertThat(dueDates(cancelled)).hasSize(4);
    }

    @Test
    void unreadableLifecycleEventsAreParkedNamingTheField() {
        UUID participant = UUID.randomUUID();
        UUID participation = UUID.randomUUID();
        Map<String, Object> badReason = exitCorrection(participation, participant, "herne", CORRECTED_EXIT, "RETIRED");
        Map<String, Object> noParticipation = withdrawal(participation, participant, "herne");
        noParticipation.remove("participationId");
        Map<String, Object> noTarget = transfer(participation, participant, "herne", UUID.randomUUID(), ENTRY);
        noTarget.remove("toGroupId");
        TopicReader.send("group-events", participant.toString(),
                cloudEvent(envelope("participation.exit-corrected.v1", participation, badReason, CORRECTED_AT)));
        TopicReader.send("group-events", participant.toString(),
                cloudEvent(envelope("participation.withdrawn.v1", participation, noParticipation, null)));
        TopicReader.send("group-events", participant.toString(),
                cloudEvent(envelope("participation.transferred.v1", participation, noTarget, null)));

        await().atMost(PATIENCE).until(() -> Rows.count(db,
                "SELECT count(*) FROM dead_letter WHERE consumer = 'outcomes-service.group-events' AND record_key = ?",
                participant.toString()) == 3);
        assertThat(Rows.query(db, "SELECT reason FROM dead_letter WHERE record_key = ?", participant.toString()))
                .extracting(r -> r.get("reason").toString())
                .anyMatch(reason -> reason.contains("data.reason") && !reason.contains("RETIRED"))
                .anyMatch(reason -> reason.contains("data.participationId"))
                .anyMatch(reason -> reason.contains("data.toGroupId"));
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE id = ?", participation)).isZero();
    }

    // ---- helpers

    private EventEnvelope envelope(String type, UUID subject, Map<String, Object> data, OffsetDateTime time) {
        return new EventEnvelope(UUID.randomUUID(), "/groups-service", type,
                time != null ? time : OffsetDateTime.now(ZoneOffset.UTC), subject.toString(), MAPPER.valueToTree(data));
    }

    /** Sends a group event published at {@code time} (null: now) and waits until it is applied. */
    private void send(UUID participant, String type, UUID subject, Map<String, Object> data, OffsetDateTime time) {
        sendEnvelope(participant, envelope(type, subject, data, time));
    }

    private void sendEnvelope(UUID participant, EventEnvelope event) {
        TopicReader.send("group-events", participant.toString(), cloudEvent(event));
        awaitApplied(event.id());
    }

    private void sendParticipantEvent(UUID participant, String type, Map<String, Object> data) {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "/participants-service", type,
                OffsetDateTime.now(ZoneOffset.UTC), participant.toString(), MAPPER.valueToTree(data));
        TopicReader.send("participant-events", participant.toString(), cloudEvent(event));
        awaitApplied(event.id());
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(PATIENCE).until(() ->
                Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
    }

    /** Each checkpoint as "CHECKPOINT due-date status", by due date. */
    private List<String> dueDates(UUID participation) {
        return Rows.query(db, "SELECT checkpoint, due_date, status FROM follow_up WHERE participation_id = ? "
                        + "ORDER BY due_date, checkpoint", participation).stream()
                .map(r -> r.get("checkpoint") + " " + r.get("due_date") + " " + (r.get("status") == null ? "open" : r.get("status")))
                .toList();
    }

    /** The participation's columns that do not depend on when or in which order the events came. */
    private Map<String, Object> participationFacts(UUID participation) {
        return Rows.one(db, "SELECT participant_id, jobcenter_id, group_id, phase_id, provider_type, entry_date, exit_date, "
                + "exit_reason, group_cancelled, exit_corrected, transferred_on, withdrawn_at IS NOT NULL AS withdrawn "
                + "FROM participation WHERE id = ?", participation);
    }

    /** Everything stored about the participant's participations and checkpoints. */
    private String stateOf(UUID participant) {
        return Rows.query(db, "SELECT p::text AS row FROM participation p WHERE participant_id = ? ORDER BY 1", participant)
                + "" + Rows.query(db, "SELECT f::text AS row FROM follow_up f WHERE participant_id = ? ORDER BY 1", participant);
    }
}
