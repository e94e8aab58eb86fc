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
import static de.nrw.activation.outcomes.OutcomeFixtures.employment;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static de.nrw.activation.outcomes.OutcomeFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RecordOutcomeTest {

    @Inject
    AgroalDataSource db;

    @Test
    void recordingAnIntegrationAnswers201WithLocationAndETagAndStoresIt() {
        UUID participant = knownParticipant(db, "herne");
        Response response = asStaff("herne").body(employment(participant, "2012-04-02")).post("/api/v1/outcomes");

        response.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("participantId", equalTo(participant.toString()))
                .body("jobcenterId", equalTo("herne"))
                .body("kind", equalTo("EMPLOYMENT"))
                .body("integration", equalTo(true))
                .body("startDate", equalTo("2012-04-02"))
                .body("temporaryAgency", equalTo(false))
                .body("fixedTerm", equalTo(true))
                .body("employer", equalTo("Musterbau GmbH"))
                .body("version", equalTo(0));
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/outcomes/" + id);

        Map<String, Object> row = Rows.one(db, "SELECT * FROM outcome WHERE id = ?", UUID.fromString(id));
        assertThat(row.get("participant_id")).isEqualTo(participant);
        assertThat(row.get("jobcenter_id")).isEqualTo("herne");
        assertThat(row.get("kind")).isEqualTo("EMPLOYMENT");
        assertThat(row.get("start_date").toString()).isEqualTo("2012-04-02");
        assertThat(row.get("fixed_term")).isEqualTo(true);
        assertThat(row.get("employer")).isEqualTo("Musterbau GmbH");

        asStaff("herne").get("/api/v1/outcomes/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("kind", equalTo("EMPLOYMENT"));
    }

    @Test
    void recordingPublishesAnOutcomeEventKeyedByParticipantWithoutTheEmployer() {
        UUID participant = knownParticipant(db, "herne");
        String id = OutcomeFixtures.record("herne", employment(participant, "2012-04-02"));

        TopicReader.Published event = TopicReader.await("outcome-events", 1,
                r -> participant.toString().equals(r.key()) && r.type().equals("outcome.recorded.v1")).get(0);
        assertThat(event.event().path("source").asText()).isEqualTo("/outcomes-service");
        assertThat(event.event().path("subject").asText()).isEqualTo(id);
        assertThat(event.data().path("outcomeId").asText()).isEqualTo(id);
        assertThat(event.data().path("participantId").asText()).isEqualTo(participant.toString());
        assertThat(event.data().path("jobcenterId").asText()).isEqualTo("herne");
        assertThat(event.data().path("kind").asText()).isEqualTo("EMPLOYMENT");
        assertThat(event.data().path("startDate").asText()).isEqualTo("2012-04-02");
        assertThat(event.data().path("temporaryAgency").asBoolean()).isFalse();
        assertThat(event.data().path("fixedTerm").asBoolean()).isTrue();
        assertThat(event.data().has("employer")).isFalse();
        assertThat(event.event().toString()).doesNotContain("Musterbau");
    }

    @Test
    void anUnknownParticipantAnswers404() {
        asStaff("herne").body(employment(UUID.randomUUID(), "2012-04-02")).post("/api/v1/outcomes")
                .then().statusCode(404).contentType("application/problem+json").body("type", endsWith("/not-found"));
    }

    @Test
    void anotherJobcentersParticipantAnswers404AsIfUnknown() {
        UUID participant = knownParticipant(db, "herne");
        asStaff("bochum").body(employment(participant, "2012-04-02")).post("/api/v1/outcomes")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Rows.count(db, "SELECT count(*) FROM outcome WHERE participant_id = ?", participant)).isZero();
    }

    @Test
    void aParticipantKnownOnlyFromAParticipationEventCanHaveOutcomes() {
        UUID participant = UUID.randomUUID();
        OutcomeFixtures.entered(db, participant, "hamm", LocalDate.parse("2012-03-05"));
        asStaff("hamm").body(outcome(participant, "APPRENTICESHIP", "2012-08-01")).post("/api/v1/outcomes")
                .then().statusCode(201).body("integration", equalTo(true));
    }

    @Test
    void employmentFlagsOnAnotherKindBreakARule() {
        UUID participant = knownParticipant(db, "herne");
        Map<String, Object> body = outcome(participant, "MINIJOB", "2012-04-02");
        body.put("temporaryAgency", true);
        asStaff("herne").body(body).post("/api/v1/outcomes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/flags-only-on-employment"))
                .body("rule", equalTo("flags-only-on-employment"));
        Map<String, Object> fixedTerm = outcome(participant, "APPRENTICESHIP", "2012-04-02");
        fixedTerm.put("fixedTerm", true);
        asStaff("herne").body(fixedTerm).post("/api/v1/outcomes").then().statusCode(422);
        assertThat(Rows.count(db, "SELECT count(*) FROM outcome WHERE participant_id = ?", participant)).isZero();

        Map<String, Object> falseFlags = outcome(participant, "MINIJOB", "2012-04-02");
        falseFlags.put("temporaryAgency", false);
        falseFlags.put("fixedTerm", false);
        asStaff("herne").body(falseFlags).post("/api/v1/outcomes").then().statusCode(201)
                .body("integration", equalTo(false));
    }

    @Test
    void aStartDateLongBeforeTheFirstEntryBreaksARuleAndOneWithinTheMarginIsAccepted() {
        UUID participant = knownParticipant(db, "herne");
        OutcomeFixtures.entered(db, participant, "herne", LocalDate.parse("2012-03-05"));
        OutcomeFixtures.entered(db, participant, "herne", LocalDate.parse("2012-09-03"));

        asStaff("herne").body(employment(participant, "2012-02-03")).post("/api/v1/outcomes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/start-before-first-entry"))
                .body("detail", containsString("2012-02-04"));
        asStaff("herne").body(employment(participant, "2012-02-04")).post("/api/v1/outcomes")
                .then().statusCode(201);
    }

    @Test
    void withoutAKnownEntryAnyPlausibleStartDateIsAccepted() {
        UUID participant = knownParticipant(db, "herne");
        asStaff("herne").body(outcome(participant, "UNEMPLOYED", "2005-01-01")).post("/api/v1/outcomes")
                .then().statusCode(201);
        asStaff("herne").body(outcome(participant, "UNEMPLOYED", "1999-12-31")).post("/api/v1/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("startDate"));
    }

    @Test
    void missingAndMalformedFieldsAreBadRequestsNamingTheField() {
        asStaff("herne").body(Map.of()).post("/api/v1/outcomes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("participantId"))
                .body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("startDate"));
        UUID participant = knownParticipant(db, "herne");
        Map<String, Object> badKind = outcome(participant, "PERMANENT", "2012-04-02");
        asStaff("herne").body(badKind).post("/api/v1/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("SELF_EMPLOYMENT"));
        asStaff("herne").body(outcome(participant, "EMPLOYMENT", "02.04.2012")).post("/api/v1/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("startDate"));
        Map<String, Object> badId = outcome(participant, "EMPLOYMENT", "2012-04-02");
        badId.put("participantId", "not-a-uuid");
        asStaff("herne").body(badId).post("/api/v1/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("participantId"));
        asStaff("herne").body("{\"kind\": ").post("/api/v1/outcomes")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(Rows.count(db, "SELECT count(*) FROM outcome WHERE participant_id = ?", participant)).isZero();
    }

    @Test
    void anEmployerLongerThan200CharactersIsRefused() {
        UUID participant = knownParticipant(db, "herne");
        Map<String, Object> body = employment(participant, "2012-04-02");
        body.put("employer", "x".repeat(201));
        asStaff("herne").body(body).post("/api/v1/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("employer"));
        body.put("employer", "x".repeat(200));
        asStaff("herne").body(body).post("/api/v1/outcomes").then().statusCode(201);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndCreatesNothing() {
        UUID participant = knownParticipant(db, "herne");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = employment(participant, "2012-04-02");
        Response first = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/outcomes");
        first.then().statusCode(201);
        Response retry = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/outcomes");

        retry.then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        assertThat(Rows.count(db, "SELECT count(*) FROM outcome WHERE participant_id = ?", participant)).isEqualTo(1);
        TopicReader.await("outcome-events", 1, r -> participant.toString().equals(r.key()));
        assertThat(TopicReader.readAll("outcome-events").stream()
                .filter(r -> participant.toString().equals(r.key()))).hasSize(1);

        Map<String, Object> other = employment(participant, "2012-05-02");
        asStaff("herne").header("Idempotency-Key", key).body(other).post("/api/v1/outcomes")
                .then().statusCode(422).body("type", endsWith("/idempotency-key-reused"));
        assertThat(Rows.count(db, "SELECT count(*) FROM outcome WHERE participant_id = ?", participant)).isEqualTo(1);
    }

    @Test
    void outcomesAreListedPerParticipantAndPagedWithTheTotalInAHeader() {
        UUID participant = knownParticipant(db, "kreis-steinfurt");
        UUID other = knownParticipant(db, "kreis-steinfurt");
        OutcomeFixtures.record("kreis-steinfurt", outcome(participant, "UNEMPLOYED", "2012-05-01"));
        OutcomeFixtures.record("kreis-steinfurt", employment(participant, "2012-03-01"));
        OutcomeFixtures.record("kreis-steinfurt", outcome(participant, "MINIJOB", "2012-04-01"));
        OutcomeFixtures.record("kreis-steinfurt", outcome(other, "OTHER", "2012-04-01"));

        asStaff("kreis-steinfurt").queryParam("participantId", participant.toString()).queryParam("size", 2)
                .get("/api/v1/outcomes")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("3"))
                .body("", hasSize(2))
                .body("participantId", everyItem(equalTo(participant.toString())))
                .body("[0].startDate", equalTo("2012-03-01"))
                .body("[1].startDate", equalTo("2012-04-01"));
        asStaff("kreis-steinfurt").queryParam("participantId", participant.toString()).queryParam("page", 1)
                .queryParam("size", 2).get("/api/v1/outcomes")
                .then().statusCode(200).body("", hasSize(1)).body("[0].kind", equalTo("UNEMPLOYED"));
        asStaff("bochum").queryParam("participantId", participant.toString()).get("/api/v1/outcomes")
                .then().statusCode(200).header("X-Total-Count", equalTo("0")).body("", hasSize(0));
        asStaff("herne").queryParam("participantId", "nope").get("/api/v1/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("participantId"));
        asStaff("herne").queryParam("size", 501).get("/api/v1/outcomes").then().statusCode(400);
    }

    @Test
    void anotherJobcentersOutcomeAnswers404() {
        UUID participant = knownParticipant(db, "herne");
        String id = OutcomeFixtures.record("herne", employment(participant, "2012-04-02"));
        asStaff("bochum").get("/api/v1/outcomes/" + id).then().statusCode(404).contentType("application/problem+json");
        asStaff("herne").get("/api/v1/outcomes/" + UUID.randomUUID()).then().statusCode(404);
        asStaff("herne").get("/api/v1/outcomes/xyz").then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void aBlankEmployerIsStoredAsNone() {
        UUID participant = knownParticipant(db, "herne");
        Map<String, Object> body = employment(participant, "2012-04-02");
        body.put("employer", "   ");
        String id = OutcomeFixtures.record("herne", body);
        asStaff("herne").get("/api/v1/outcomes/" + id).then().body("employer", nullValue());
        List<Map<String, Object>> rows = Rows.query(db, "SELECT employer FROM outcome WHERE id = ?", UUID.fromString(id));
        assertThat(rows.get(0).get("employer")).isNull();
    }
}
