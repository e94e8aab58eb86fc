package de.nrw.activation.groups;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads group-events from the real broker: keys, CloudEvents attributes and the data fields others rely on. */
@QuarkusTest
class PublishedEventsTest {

    private static final String TOPIC = "group-events";

    @Inject
    AgroalDataSource db;

    @Test
    void theWholeLifeOfAGroupIsPublishedWithTheContractsFieldsAndNoNames() {
        Map<String, Object> body = Fixtures.group("hamm", "PHASE_1", "2012-03-05");
        body.put("provider", Map.of("type", "EDUCATION_PROVIDER", "name", "Bildungswerk Musterstadt", "id", "bw-musterstadt"));
        body.put("coaches", List.of("Petra Coachmann"));
        String groupId = Fixtures.schedule(body);
        String participantId = Fixtures.knownParticipant(db, "hamm");
        String participationId = Fixtures.enter("hamm", groupId, participantId, "2012-03-07");
        asStaff("hamm").body(List.of(Map.of("participantId", participantId, "status", "UNEXCUSED")))
                .put("/api/v1/groups/" + groupId + "/sessions/2012-03-08/attendance").then().statusCode(200);
        asStaff("hamm").body(Map.of("exitDate", "2012-04-12", "reason", "INTEGRATED"))
                .post("/api/v1/participations/" + participationId + "/exit").then().statusCode(200);

        JsonNode scheduled = one(groupId, "group.scheduled.v1");
        assertCloudEvent(scheduled, groupId);
        JsonNode data = scheduled.path("data");
        assertThat(data.path("groupId").asText()).isEqualTo(groupId);
        assertThat(data.path("jobcenterId").asText()).isEqualTo("hamm");
        assertThat(data.path("phaseId").asText()).isEqualTo("PHASE_1");
        assertThat(data.path("providerType").asText()).isEqualTo("EDUCATION_PROVIDER");
        assertThat(data.path("providerId").asText()).isEqualTo("bw-musterstadt");
        assertThat(data.path("startDate").asText()).isEqualTo("2012-03-05");
        assertThat(data.path("endDate").asText()).isEqualTo("2012-04-15");
        assertThat(data.path("capacity").asInt()).isEqualTo(15);
        assertThat(data.path("meetingDays").toString()).isEqualTo("[\"MONDAY\",\"WEDNESDAY\",\"THURSDAY\"]");
        assertThat(data.path("hoursPerWeek").decimalValue()).isEqualByComparingTo("10.5");

        JsonNode entered = one(participantId, "participation.entered.v1");
        assertCloudEvent(entered, participationId);
        data = entered.path("data");
        assertThat(data.path("participationId").asText()).isEqualTo(participationId);
        assertThat(data.path("participantId").asText()).isEqualTo(participantId);
        assertThat(data.path("groupId").asText()).isEqualTo(groupId);
        assertThat(data.path("jobcenterId").asText()).isEqualTo("hamm");
        assertThat(data.path("phaseId").asText()).isEqualTo("PHASE_1");
        assertThat(data.path("providerType").asText()).isEqualTo("EDUCATION_PROVIDER");
        assertThat(data.path("entryDate").asText()).isEqualTo("2012-03-07");
        assertThat(data.path("gender").asText()).isEqualTo("FEMALE");
        assertThat(data.path("ageBand").asText()).isEqualTo("AGE_25_TO_49");
        assertThat(data.path("customerType").asText()).isEqualTo("EXISTING");
        assertThat(data.path("labourMarketDistance").asText()).isEqualTo("CLOSE");
        assertThat(data.path("vocationalQualification").asBoolean()).isTrue();
        assertThat(data.path("groupStartDate").asText()).isEqualTo("2012-03-05");
        assertThat(data.path("groupEndDate").asText()).isEqualTo("2012-04-15");

        JsonNode exited = one(participantId, "participation.exited.v1");
        assertCloudEvent(exited, participationId);
        data = exited.path("data");
        assertThat(data.path("participationId").asText()).isEqualTo(participationId);
        assertThat(data.path("participantId").asText()).isEqualTo(participantId);
        assertThat(data.path("groupId").asText()).isEqualTo(groupId);
        assertThat(data.path("jobcenterId").asText()).isEqualTo("hamm");
        assertThat(data.path("phaseId").asText()).isEqualTo("PHASE_1");
        assertThat(data.path("providerType").asText()).isEqualTo("EDUCATION_PROVIDER");
        assertThat(data.path("entryDate").asText()).isEqualTo("2012-03-07");
        assertThat(data.path("exitDate").asText()).isEqualTo("2012-04-12");
        assertThat(data.path("reason").asText()).isEqualTo("INTEGRATED");
        assertThat(data.path("groupCancelled").isBoolean()).isTrue();
        assertThat(data.path("groupCancelled").booleanValue()).isFalse();

        JsonNode attendance = one(groupId, "attendance.recorded.v1");
        assertCloudEvent(attendance, groupId);
        data = attendance.path("data");
        assertThat(data.path("groupId").asText()).isEqualTo(groupId);
        assertThat(data.path("jobcenterId").asText()).isEqualTo("hamm");
        assertThat(data.path("date").asText()).isEqualTo("2012-03-08");
        assertThat(data.path("entries").get(0).path("participantId").asText()).isEqualTo(participantId);
        assertThat(data.path("entries").get(0).path("status").asText()).isEqualTo("UNEXCUSED");

        for (JsonNode event : List.of(scheduled, entered, exited, attendance)) {
            assertThat(event.toString()).doesNotContain("Bildungswerk", "Coachmann", (String) body.get("name"), "Raum 2.14");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db, "SELECT count(*) FROM outbox_event") == 0);
    }

    @Test
    void aRejectedChangePublishesNothing() {
        String groupId = Fixtures.schedule(Fixtures.group("hamm", "PHASE_1", "2012-05-07"));
        String participantId = Fixtures.knownParticipant(db, "hamm");
        asStaff("hamm").body(Map.of("participantId", participantId, "entryDate", "2012-01-02"))
                .post("/api/v1/groups/" + groupId + "/participations").then().statusCode(422);
        one(groupId, "group.scheduled.v1");   // what was committed is out; the refused entry is not
        assertThat(TopicReader.readAll(TOPIC)).noneMatch(r -> participantId.equals(r.key()));
        assertThat(Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", participantId)).isZero();
    }

    private static JsonNode one(String key, String type) {
        List<TopicReader.Published> found = TopicReader.await(TOPIC, 1, r -> key.equals(r.key()) && type.equals(r.type()));
        assertThat(found).as(type + " keyed " + key).hasSize(1);
        return found.get(0).event();
    }

    private static void assertCloudEvent(JsonNode event, String subject) {
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/groups-service");
        assertThat(UUID.fromString(event.path("id").asText())).isNotNull();
        assertThat(event.path("time").asText()).isNotBlank();
        assertThat(event.path("subject").asText()).isEqualTo(subject);
    }
}
