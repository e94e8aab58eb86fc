package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.outcomes.OutcomeFixtures.asStaff;
import static de.nrw.activation.outcomes.OutcomeFixtures.employment;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CorrectOutcomeTest {

    @Inject
    AgroalDataSource db;

    static Map<String, Object> correction(String kind, String startDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("startDate", startDate);
        body.put("temporaryAgency", true);
        body.put("fixedTerm", false);
        body.put("employer", "Zeitarbeit Muster AG");
        return body;
    }

    @Test
    void aCorrectionWithTheCurrentETagIsStoredAndPublishedWithoutTheEmployer() {
        UUID participant = knownParticipant(db, "herne");
        String id = OutcomeFixtures.record("herne", employment(participant, "2012-04-02"));

        asStaff("herne").header("If-Match", "\"0\"").body(correction("EMPLOYMENT", "2012-04-16"))
                .put("/api/v1/outcomes/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("startDate", equalTo("2012-04-16"))
                .body("temporaryAgency", equalTo(true))
                .body("fixedTerm", equalTo(false))
                .body("employer", equalTo("Zeitarbeit Muster AG"))
                .body("version", equalTo(1));

        Map<String, Object> row = Rows.one(db, "SELECT * FROM outcome WHERE id = ?", UUID.fromString(id));
        assertThat(row.get("start_date").toString()).isEqualTo("2012-04-16");
        assertThat(row.get("temporary_agency")).isEqualTo(true);
        assertThat(row.get("version")).isEqualTo(1L);

        TopicReader.Published corrected = TopicReader.await("outcome-events", 1,
                r -> participant.toString().equals(r.key()) && r.type().equals("outcome.corrected.v1")).get(0);
        assertThat(corrected.data().path("outcomeId").asText()).isEqualTo(id);
        assertThat(corrected.data().path("participantId").asText()).isEqualTo(participant.toString());
        assertThat(corrected.data().path("jobcenterId").asText()).isEqualTo("herne");
        assertThat(corrected.data().path("kind").asText()).isEqualTo("EMPLOYMENT");
        assertThat(corrected.data().path("startDate").asText()).isEqualTo("2012-04-16");
        assertThat(corrected.data().path("temporaryAgency").asBoolean()).isTrue();
        assertThat(corrected.data().path("fixedTerm").asBoolean()).isFalse();
        assertThat(corrected.data().has("employer")).isFalse();
        assertThat(corrected.event().toString()).doesNotContain("Zeitarbeit Muster");
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() {
        UUID participant = knownParticipant(db, "herne");
        String id = OutcomeFixtures.record("herne", employment(participant, "2012-04-02"));
        asStaff("herne").header("If-Match", "\"0\"").body(correction("EMPLOYMENT", "2012-04-16"))
                .put("/api/v1/outcomes/" + id).then().statusCode(200);

        Map<String, Object> late = correction("SELF_EMPLOYMENT", "2012-05-01");
        late.put("temporaryAgency", false);
        asStaff("herne").header("If-Match", "\"0\"").body(late).put("/api/v1/outcomes/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("currentEtag", equalTo("\"1\""));
        Map<String, Object> row = Rows.one(db, "SELECT kind, version FROM outcome WHERE id = ?", UUID.fromString(id));
        assertThat(row.get("kind")).isEqualTo("EMPLOYMENT");
        assertThat(row.get("version")).isEqualTo(1L);
        assertThat(TopicReader.await("outcome-events", 1, r -> participant.toString().equals(r.key())
                && r.type().equals("outcome.corrected.v1"))).hasSize(1);
    }

    @Test
    void aCorrectionFollowsTheRulesOfRecording() {
        UUID participant = knownParticipant(db, "herne");
        OutcomeFixtures.entered(db, participant, "herne", LocalDate.parse("2012-03-05"));
        String id = OutcomeFixtures.record("herne", employment(participant, "2012-04-02"));

        asStaff("herne").body(correction("MINIJOB", "2012-04-02")).put("/api/v1/outcomes/" + id)
                .then().statusCode(422).body("type", endsWith("/flags-only-on-employment"));
        asStaff("herne").body(correction("EMPLOYMENT", "2011-01-01")).put("/api/v1/outcomes/" + id)
                .then().statusCode(422).body("type", endsWith("/start-before-first-entry"));
        Map<String, Object> tooLong = correction("EMPLOYMENT", "2012-04-02");
        tooLong.put("employer", "y".repeat(201));
        asStaff("herne").body(tooLong).put("/api/v1/outcomes/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("employer"));
        assertThat(Rows.one(db, "SELECT version FROM outcome WHERE id = ?", UUID.fromString(id)).get("version"))
                .isEqualTo(0L);
    }

    @Test
    void anUnchangedCorrectionKeepsTheVersionAndPublishesNothing() {
        UUID participant = knownParticipant(db, "herne");
        String id = OutcomeFixtures.record("herne", employment(participant, "2012-04-02"));
        Map<String, Object> same = new HashMap<>(employment(participant, "2012-04-02"));
        same.remove("participantId");
        asStaff("herne").header("If-Match", "\"0\"").body(same).put("/api/v1/outcomes/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));
        TopicReader.await("outcome-events", 1, r -> participant.toString().equals(r.key()));
        assertThat(TopicReader.readAll("outcome-events").stream()
                .filter(r -> participant.toString().equals(r.key()) && r.type().equals("outcome.corrected.v1"))).isEmpty();
    }

    @Test
    void anotherJobcenterCannotCorrectTheOutcome() {
        UUID participant = knownParticipant(db, "herne");
        String id = OutcomeFixtures.record("herne", employment(participant, "2012-04-02"));
        asStaff("bochum").body(correction("EMPLOYMENT", "2012-04-16")).put("/api/v1/outcomes/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Rows.one(db, "SELECT start_date FROM outcome WHERE id = ?", UUID.fromString(id)).get("start_date")
                .toString()).isEqualTo("2012-04-02");
    }
}
