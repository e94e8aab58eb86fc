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
import static de.nrw.activation.outcomes.OutcomeFixtures.followUpCorrection;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** {@code PUT /participations/{id}/follow-ups/{checkpoint}}: correcting a recorded checkpoint. */
@QuarkusTest
class CorrectFollowUpTest {

    private static final LocalDate ENTRY = LocalDate.parse("2012-03-05");
    private static final LocalDate EXIT = LocalDate.parse("2012-04-27");

    @Inject
    AgroalDataSource db;

    private static String path(UUID participation) {
        return "/api/v1/participations/" + participation + "/follow-ups";
    }

    /** An ended participation of herne with its MONTH_3 checkpoint recorded as EMPLOYMENT: the participation id. */
    private UUID recordedMonth3(UUID participant) {
        UUID participation = endedParticipation(db, participant, "herne", ENTRY, EXIT);
        asStaff("herne").body(followUp("MONTH_3", "EMPLOYMENT", "2012-07-30")).post(path(participation))
                .then().statusCode(201).header("ETag", notNullValue());
        return participation;
    }

    private Map<String, Object> month3(UUID participation) {
        return Rows.one(db, "SELECT status, checked_on, corrected_at, version FROM follow_up "
                + "WHERE participation_id = ? AND checkpoint = 'MONTH_3'", participation);
    }

    private static List<TopicReader.Published> corrections(UUID participant) {
        return TopicReader.readAll("outcome-events").stream()
                .filter(r -> participant.toString().equals(r.key()) && r.type().equals("followup.corrected.v1")).toList();
    }

    @Test
    void correctingARecordedCheckpointAnswers200WithANewETagAndPublishesFollowupCorrected() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = recordedMonth3(participant);
        Response read = asStaff("herne").get(path(participation) + "/MONTH_3");
        read.then().statusCode(200).body("correctedAt", nullValue());
        String etag = read.header("ETag");

        Response corrected = asStaff("herne").header("If-Match", etag)
                .body(followUpCorrection("UNEMPLOYED", "2012-08-01")).put(path(participation) + "/MONTH_3");
        corrected.then().statusCode(200)
                .body("id", equalTo(read.path("id")))
                .body("checkpoint", equalTo("MONTH_3"))
                .body("dueDate", equalTo("2012-07-27"))
                .body("status", equalTo("UNEMPLOYED"))
                .body("checkedOn", equalTo("2012-08-01"))
                .body("correctedAt", notNullValue())
                .body("recordedAt", equalTo(read.path("recordedAt")));
        assertThat(corrected.header("ETag")).isNotBlank().isNotEqualTo(etag);
        asStaff("herne").get(path(participation) + "/MONTH_3").then().statusCode(200)
                .header("ETag", equalTo(corrected.header("ETag"))).body("status", equalTo("UNEMPLOYED"));

        Map<String, Object> row = month3(participation);
        assertThat(row.get("status")).isEqualTo("UNEMPLOYED");
        assertThat(row.get("checked_on").toString()).isEqualTo("2012-08-01");
        assertThat(row.get("corrected_at")).isNotNull();

        TopicReader.Published event = TopicReader.await("outcome-events", 1,
                r -> participant.toString().equals(r.key()) && r.type().equals("followup.corrected.v1")).get(0);
        assertThat(event.event().path("subject").asText()).isEqualTo(read.path("id"));
        assertThat(event.data().path("followUpId").asText()).isEqualTo(read.path("id"));
        assertThat(event.data().path("participationId").asText()).isEqualTo(participation.toString());
        assertThat(event.data().path("participantId").asText()).isEqualTo(participant.toString());
        assertThat(event.data().path("jobcenterId").asText()).isEqualTo("herne");
        assertThat(event.data().path("checkpoint").asText()).isEqualTo("MONTH_3");
        assertThat(event.data().path("status").asText()).isEqualTo("UNEMPLOYED");
        assertThat(event.data().path("checkedOn").asText()).isEqualTo("2012-08-01");
        assertThat(event.data().has("employer")).isFalse();
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = recordedMonth3(participant);
        String first = asStaff("herne").get(path(participation) + "/MONTH_3").header("ETag");
        asStaff("herne").header("If-Match", first).body(followUpCorrection("MINIJOB", "2012-07-30"))
                .put(path(participation) + "/MONTH_3").then().statusCode(200);
        Map<String, Object> before = month3(participation);

        asStaff("herne").header("If-Match", first).body(followUpCorrection("OTHER", "2012-07-31"))
                .put(path(participation) + "/MONTH_3")
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));

        assertThat(month3(participation)).isEqualTo(before).containsEntry("status", "MINIJOB");
        TopicReader.await("outcome-events", 1,
                r -> participant.toString().equals(r.key()) && r.type().equals("followup.corrected.v1"));
        assertThat(corrections(participant)).hasSize(1);
    }

    @Test
    void aCheckpointNotYetRecordedAnswers409AndStaysOpen() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = recordedMonth3(participant);
        asStaff("herne").body(followUpCorrection("EMPLOYMENT", "2012-11-01")).put(path(participation) + "/MONTH_6")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/follow-up-not-recorded"));
        assertThat(Rows.one(db, "SELECT status, version FROM follow_up WHERE participation_id = ? AND checkpoint = 'MONTH_6'",
                participation)).containsEntry("status", null).containsEntry("version", 0L);
        assertThat(corrections(participant)).isEmpty();
    }

    @Test
    void aParticipationNotEndedUnknownOrOfAnotherJobcenterAnswers404() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = recordedMonth3(participant);
        UUID open = OutcomeFixtures.entered(db, participant, "herne", LocalDate.parse("2012-09-03"));
        Map<String, Object> before = month3(participation);

        asStaff("herne").body(followUpCorrection("EMPLOYMENT", "2012-11-01")).put(path(open) + "/EXIT")
                .then().statusCode(404).contentType("application/problem+json");
        asStaff("herne").body(followUpCorrection("EMPLOYMENT", "2012-11-01")).put(path(UUID.randomUUID()) + "/EXIT")
                .then().statusCode(404).body("type", endsWith("/not-found"));
        asStaff("bochum").body(followUpCorrection("UNEMPLOYED", "2012-08-01")).put(path(participation) + "/MONTH_3")
                .then().statusCode(404).contentType("application/problem+json");

        assertThat(month3(participation)).isEqualTo(before);
        assertThat(Rows.count(db, "SELECT count(*) FROM follow_up WHERE participation_id = ?", open)).isZero();
        assertThat(corrections(participant)).isEmpty();
    }

    @Test
    void theRulesOfRecordingHoldForACorrection() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = recordedMonth3(participant);
        Map<String, Object> before = month3(participation);
        String month3 = path(participation) + "/MONTH_3";

        asStaff("herne").body(followUpCorrection("UNEMPLOYED", "2012-07-26")).put(month3)
                .then().statusCode(422).body("type", endsWith("/follow-up-not-due"));
        asStaff("herne").body(followUpCorrection("UNEMPLOYED", OutcomeFixtures.today().plusDays(1).toString())).put(month3)
                .then().statusCode(400).body("violations.field", hasItem("checkedOn"));
        asStaff("herne").body(followUpCorrection("RETIRED", "2012-08-01")).put(month3)
                .then().statusCode(400).body("violations.field", hasItem("status"));
        asStaff("herne").body(Map.of("status", "UNEMPLOYED")).put(month3)
                .then().statusCode(400).body("violations.field", hasItem("checkedOn"));
        asStaff("herne").body(followUpCorrection("UNEMPLOYED", "1999-12-31")).put(month3)
                .then().statusCode(400).body("violations.field", hasItem("checkedOn"));
        asStaff("herne").body(followUpCorrection("UNEMPLOYED", "2012-08-01")).put(path(participation) + "/MONTH_24")
                .then().statusCode(400).body("violations.field", hasItem("checkpoint"));

        assertThat(month3(participation)).isEqualTo(before);
        assertThat(corrections(participant)).isEmpty();
    }

    @Test
    void aCorrectionThatChangesNothingKeepsTheVersionAndPublishesNothing() {
        UUID participant = knownParticipant(db, "herne");
        UUID participation = recordedMonth3(participant);
        String etag = asStaff("herne").get(path(participation) + "/MONTH_3").header("ETag");
        Map<String, Object> before = month3(participation);

        for (int i = 0; i < 2; i++) {
            asStaff("herne").header("If-Match", etag).body(followUpCorrection("EMPLOYMENT", "2012-07-30"))
                    .put(path(participation) + "/MONTH_3")
                    .then().statusCode(200).header("ETag", equalTo(etag)).body("correctedAt", nullValue());
        }
        assertThat(month3(participation)).isEqualTo(before);
        // the recording's event is there, and no correction came after it
        TopicReader.await("outcome-events", 1,
                r -> participant.toString().equals(r.key()) && r.type().equals("followup.recorded.v1"));
        assertThat(corrections(participant)).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesTheCorrectionForAJobcentersDeveloper() {
        String put = "paths.'/api/v1/participations/{id}/follow-ups/{checkpoint}'.put";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(put + ".summary", equalTo("Correct a recorded checkpoint"))
                .body(put + ".description", containsString("If-Match"))
                .body(put + ".responses.'409'.description", containsString("not recorded"))
                .body(put + ".responses.'412'.description", containsString("Stale"))
                .body(put + ".responses.'200'.headers.ETag", notNullValue())
                .body("components.schemas.CorrectFollowUp.required", containsInAnyOrder("status", "checkedOn"))
                .body("components.schemas.FollowUp.properties.version", notNullValue());
    }
}
