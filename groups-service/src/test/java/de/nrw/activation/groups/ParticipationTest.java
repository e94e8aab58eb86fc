package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static de.nrw.activation.groups.Fixtures.herneGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ParticipationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aKnownParticipantEntersWith201AndTheParticipationKeepsTheAttributesAtEntry() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");

        Response response = asStaff("herne").body(Map.of("participantId", participantId, "entryDate", "2012-03-05"))
                .post("/api/v1/groups/" + groupId + "/participations");

        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/participations/" + response.path("id")))
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("groupId", equalTo(groupId))
                .body("participantId", equalTo(participantId))
                .body("jobcenterId", equalTo("herne"))
                .body("entryDate", equalTo("2012-03-05"))
                .body("exitDate", nullValue())
                .body("gender", equalTo("FEMALE"))
                .body("ageBand", equalTo("AGE_25_TO_49"))
                .body("customerType", equalTo("EXISTING"))
                .body("labourMarketDistance", equalTo("CLOSE"))
                .body("vocationalQualification", equalTo(true));
        Map<String, Object> row = Rows.one(db, "SELECT * FROM participation WHERE id = ?",
                UUID.fromString(response.path("id")));
        assertThat(row.get("participant_id").toString()).isEqualTo(participantId);
        assertThat(row.get("age_band")).isEqualTo("AGE_25_TO_49");
        assertThat(row.get("exit_date")).isNull();

        asStaff("herne").get("/api/v1/participations/" + response.path("id")).then().statusCode(200)
                .body("groupId", equalTo(groupId));
        asStaff("herne").get("/api/v1/groups/" + groupId + "/participations").then().statusCode(200)
                .header("X-Total-Count", "1").body("", hasSize(1)).body("[0].participantId", equalTo(participantId));
    }

    @Test
    void anUnknownParticipantAnswers404() {
        String groupId = Fixtures.schedule(herneGroup());
        enterRefused(groupId, UUID.randomUUID().toString(), "2012-03-05", 404, "not-found");
    }

    @Test
    void anotherJobcentersParticipantAnswers404AsIfUnknown() {
        String groupId = Fixtures.schedule(herneGroup());
        String bochumer = Fixtures.knownParticipant(db, "bochum");
        enterRefused(groupId, bochumer, "2012-03-05", 404, "not-found");
    }

    @Test
    void anotherJobcentersGroupAnswers404() {
        String bochumGroup = Fixtures.schedule(group("bochum", "PHASE_1", "2012-03-05"));
        String participantId = Fixtures.knownParticipant(db, "herne");
        enterRefused(bochumGroup, participantId, "2012-03-05", 404, "not-found");
    }

    @Test
    void anErasedParticipantCannotEnter() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        de.nrw.activation.testsupport.TopicReader.send(Fixtures.PARTICIPANT_EVENTS, participantId,
                Fixtures.erasedEvent(UUID.randomUUID().toString(), Instant.now(), participantId, "herne"));
        await().until(() -> Rows.count(db, "SELECT count(*) FROM known_participant WHERE id = ?::uuid AND erased",
                participantId) == 1);
        enterRefused(groupId, participantId, "2012-03-05", 422, "participant-erased");
    }

    @Test
    void aFullGroupAnswers409AndAPlaceFreedByAnEarlierExitCanBeTaken() {
        Map<String, Object> body = herneGroup();
        body.put("capacity", 1);
        String groupId = Fixtures.schedule(body);
        String first = Fixtures.knownParticipant(db, "herne");
        String second = Fixtures.knownParticipant(db, "herne");
        String participation = Fixtures.enter("herne", groupId, first, "2012-03-05");

        enterRefused(groupId, second, "2012-03-12", 409, "capacity-full");

        asStaff("herne").body(Map.of("exitDate", "2012-03-09", "reason", "DROPOUT"))
                .post("/api/v1/participations/" + participation + "/exit").then().statusCode(200);
        enterRefused(groupId, second, "2012-03-09", 409, "capacity-full");   // still taken that day
        Fixtures.enter("herne", groupId, second, "2012-03-12");
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE group_id = ?", UUID.fromString(groupId)))
                .isEqualTo(2);
    }

    @Test
    void overlappingParticipationsOfTheSamePersonAnswer409() {
        String march = Fixtures.schedule(herneGroup());                                   // 2012-03-05 .. 04-15
        String april = Fixtures.schedule(group("herne", "PHASE_1", "2012-04-02"));         // 2012-04-02 .. 05-13
        String participantId = Fixtures.knownParticipant(db, "herne");
        String participation = Fixtures.enter("herne", march, participantId, "2012-03-05");

        enterRefused(april, participantId, "2012-04-02", 409, "overlapping-participation");
        enterRefused(march, participantId, "2012-03-20", 409, "overlapping-participation");  // the same group again

        // once the first participation ended, the person may enter a group after that day
        asStaff("herne").body(Map.of("exitDate", "2012-04-03", "reason", "OTHER"))
                .post("/api/v1/participations/" + participation + "/exit").then().statusCode(200);
        enterRefused(april, participantId, "2012-04-03", 409, "overlapping-participation");
        Fixtures.enter("herne", april, participantId, "2012-04-04");
    }

    @Test
    void theEntryDateMustLieInTheGroupsPeriod() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        enterRefused(groupId, participantId, "2012-03-04", 422, "entry-outside-group-period");
        enterRefused(groupId, participantId, "2012-04-16", 422, "entry-outside-group-period");
        Fixtures.enter("herne", groupId, participantId, "2012-04-15");
    }

    @Test
    void aCancelledGroupTakesNoNewParticipations() {
        String groupId = Fixtures.schedule(group("koeln", "PHASE_2", "2013-09-02"));
        String participantId = Fixtures.knownParticipant(db, "koeln");
        asStaff("koeln").post("/api/v1/groups/" + groupId + "/cancel").then().statusCode(200);
        asStaff("koeln").body(Map.of("participantId", participantId, "entryDate", "2013-09-02"))
                .post("/api/v1/groups/" + groupId + "/participations")
                .then().statusCode(422).body("rule", equalTo("group-cancelled"));
    }

    @Test
    void missingFieldsAnswer400AndAMalformedGroupId400() {
        String groupId = Fixtures.schedule(herneGroup());
        asStaff("herne").body(Map.of("entryDate", "2012-03-05")).post("/api/v1/groups/" + groupId + "/participations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem(endsWith("participantId")));
        asStaff("herne").body(Map.of("participantId", UUID.randomUUID().toString(), "entryDate", "2012-03-05"))
                .post("/api/v1/groups/not-a-uuid/participations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyEntersOnce() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("participantId", participantId, "entryDate", "2012-03-05");
        String first = asStaff("herne").header("Idempotency-Key", key).body(body)
                .post("/api/v1/groups/" + groupId + "/participations").then().statusCode(201).extract().path("id");
        asStaff("herne").header("Idempotency-Key", key).body(body)
                .post("/api/v1/groups/" + groupId + "/participations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE participant_id = ?::uuid", participantId))
                .isEqualTo(1);
    }

    private void enterRefused(String groupId, String participantId, String entryDate, int status, String type) {
        asStaff("herne")
                .body(Map.of("participantId", participantId, "entryDate", entryDate))
                .post("/api/v1/groups/" + groupId + "/participations")
                .then().statusCode(status).contentType("application/problem+json")
                .body("type", endsWith("/" + type));
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE participant_id = ?::uuid AND group_id = ?::uuid "
                + "AND entry_date = ?::date", participantId, groupId, entryDate)).isZero();
    }
}
