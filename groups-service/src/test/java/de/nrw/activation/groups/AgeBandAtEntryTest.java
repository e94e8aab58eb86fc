package de.nrw.activation.groups;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.herneGroup;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The age band of a participation is the participant's band on its entry date, which only
 * participants-service can tell (it alone knows the birth date): groups-service asks it at
 * entry, with the caller's token, and refuses the entry with 503 when it cannot be asked.
 */
@QuarkusTest
class AgeBandAtEntryTest {

    private static final String GROUP_EVENTS = "group-events";
    private static final String ENTERED = "participation.entered.v1";

    @Inject
    AgroalDataSource db;

    private static Response enter(String token, String groupId, String participantId, String entryDate, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("participantId", participantId, "entryDate", entryDate));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/groups/" + groupId + "/participations");
    }

    private long participationsOf(String participantId) {
        return Rows.count(db, "SELECT count(*) FROM participation WHERE participant_id = ?::uuid", participantId);
    }

    private static List<TopicReader.Published> enteredEventsOf(String participantId) {
        return TopicReader.await(GROUP_EVENTS, 1, r -> participantId.equals(r.key()) && ENTERED.equals(r.type()));
    }

    @Test
    void aParticipantWhoTurns25TheDayAfterEntryEntersAsUnder25() {
        String groupId = Fixtures.schedule(herneGroup());
        // registered today, so the registered event says AGE_25_TO_49; on 5 March 2012 they were 24
        String participantId = Fixtures.knownParticipant(db, "herne", Map.of(
                LocalDate.parse("2012-03-05"), "UNDER_25", LocalDate.parse("2012-03-06"), "AGE_25_TO_49"));
        String token = Tokens.staff("herne");

        Response response = enter(token, groupId, participantId, "2012-03-05", null);

        response.then().statusCode(201).body("ageBand", equalTo("UNDER_25"));
        String participationId = response.path("id");
        Map<String, Object> row = Rows.one(db, "SELECT * FROM participation WHERE id = ?", UUID.fromString(participationId));
        assertThat(row.get("age_band")).isEqualTo("UNDER_25");
        TopicReader.Published entered = enteredEventsOf(participantId).get(0);
        assertThat(entered.data().path("participationId").asText()).isEqualTo(participationId);
        assertThat(entered.data().path("entryDate").asText()).isEqualTo("2012-03-05");
        assertThat(entered.data().path("ageBand").asText()).isEqualTo("UNDER_25");
        // asked for the entry date, with the caller's own token
        List<LoggedRequest> asked = ParticipantsStandIn.requestsFor(participantId);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).queryParameter("on").firstValue()).isEqualTo("2012-03-05");
        assertThat(asked.get(0).getHeader("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void enteringOnThe25thBirthdayGivesTheBandOfThatDay() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne", Map.of(
                LocalDate.parse("2012-03-05"), "UNDER_25", LocalDate.parse("2012-03-06"), "AGE_25_TO_49"));

        enter(Tokens.staff("herne"), groupId, participantId, "2012-03-06", null)
                .then().statusCode(201).body("ageBand", equalTo("AGE_25_TO_49"));
        assertThat(enteredEventsOf(participantId).get(0).data().path("ageBand").asText()).isEqualTo("AGE_25_TO_49");
    }

    @Test
    void participantsServiceDownAnswers503WithRetryAfterAndARetryWithTheSameKeyThenSucceeds() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        String token = Tokens.staff("herne");
        String key = UUID.randomUUID().toString();
        StubMapping outage = ParticipantsStandIn.isDown(participantId);

        enter(token, groupId, participantId, "2012-03-07", key)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo(ParticipantsStandIn.RETRY_AFTER_SECONDS))
                .body("status", equalTo(503))
                .body("type", equalTo("https://activation.nrw.example/problems/participants-unavailable"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(token)));
        assertThat(participationsOf(participantId)).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE idem_key = ?", key)).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", participantId)).isZero();

        ParticipantsStandIn.recovers(outage);
        Response retry = enter(token, groupId, participantId, "2012-03-07", key);

        retry.then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("ageBand", equalTo("AGE_25_TO_49"));
        assertThat(participationsOf(participantId)).isEqualTo(1);
        enter(token, groupId, participantId, "2012-03-07", key)
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(retry.path("id")));
        // one entry, one event: the refused attempt published nothing
        List<TopicReader.Published> entered = enteredEventsOf(participantId);
        assertThat(entered).hasSize(1);
        assertThat(entered.get(0).data().path("participationId").asText()).isEqualTo(retry.path("id"));
    }

    @Test
    void participantsServiceSlowerThanTheReadTimeoutAnswers503AndStoresNothing() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        StubMapping outage = ParticipantsStandIn.isSlow(participantId);

        long started = System.nanoTime();
        enter(Tokens.staff("herne"), groupId, participantId, "2012-03-07", null)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo(ParticipantsStandIn.RETRY_AFTER_SECONDS));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).as("gave up after the read timeout, did not wait for the answer")
                .isLessThan(ParticipantsStandIn.SLOW_ANSWER_MS);
        assertThat(participationsOf(participantId)).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", participantId)).isZero();

        ParticipantsStandIn.recovers(outage);
        enter(Tokens.staff("herne"), groupId, participantId, "2012-03-07", null).then().statusCode(201);
        assertThat(enteredEventsOf(participantId)).hasSize(1);
    }

    @Test
    void anUnexpectedAnswerOfParticipantsServiceAnswers503() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        ParticipantsStandIn.answersStatus(participantId, 500);

        enter(Tokens.staff("herne"), groupId, participantId, "2012-03-07", null)
                .then().statusCode(503).contentType("application/problem+json");
        assertThat(participationsOf(participantId)).isZero();
    }

    @Test
    void aParticipantParticipantsServiceDoesNotKnowAnswers404AsAnUnknownParticipant() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        ParticipantsStandIn.answersStatus(participantId, 404);

        enter(Tokens.staff("herne"), groupId, participantId, "2012-03-07", null)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://activation.nrw.example/problems/not-found"));
        assertThat(participationsOf(participantId)).isZero();
    }

    @Test
    void aParticipantErasedInParticipantsServiceAnswers422BeforeTheErasedEventArrives() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        ParticipantsStandIn.answersStatus(participantId, 410);

        enter(Tokens.staff("herne"), groupId, participantId, "2012-03-07", null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("participant-erased"));
        assertThat(participationsOf(participantId)).isZero();
    }

    @Test
    void aRefusedEntryAsksParticipantsServiceNothing() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");

        // outside the group's period (5 March .. 15 April 2012): refused by this service's own rules
        enter(Tokens.staff("herne"), groupId, participantId, "2012-05-02", null).then().statusCode(422);
        assertThat(ParticipantsStandIn.requestsFor(participantId)).isEmpty();
    }
}
