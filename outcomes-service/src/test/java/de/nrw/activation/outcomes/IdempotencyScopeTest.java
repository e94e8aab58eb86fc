package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.outcomes.OutcomeFixtures.PATIENCE;
import static de.nrw.activation.outcomes.OutcomeFixtures.employment;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static de.nrw.activation.outcomes.OutcomeFixtures.sendParticipantEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stored answer to an Idempotency-Key belongs to one Jobcenter's caller: another Jobcenter's
 * token with the same name gets what its own request deserves, never the stored outcome with
 * its employer. After the participant's erasure a replay no longer names the employer.
 */
@QuarkusTest
class IdempotencyScopeTest {

    @Inject
    AgroalDataSource db;

    private static ExtractableResponse<Response> record(String token, String key, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/outcomes").then().extract();
    }

    private long outcomes(UUID participant) {
        return Rows.count(db, "SELECT count(*) FROM outcome WHERE participant_id = ?", participant);
    }

    @Test
    void anotherJobcentersReplayOfTheSameKeyAndBodyAnswers404AndStoresNothing() {
        UUID participant = knownParticipant(db, "gladbeck");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = employment(participant, "2012-04-02");
        assertThat(record(Tokens.staff("gladbeck", "sam.schulz"), key, body).statusCode()).isEqualTo(201);

        ExtractableResponse<Response> replay = record(Tokens.staff("dorsten", "sam.schulz"), key, body);

        assertThat(replay.statusCode()).isEqualTo(404);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.header("Idempotent-Replayed")).isNull();
        assertThat(replay.asString()).doesNotContain("Musterbau");
        assertThat(outcomes(participant)).isEqualTo(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM outcome WHERE jobcenter_id = 'dorsten' AND participant_id = ?",
                participant)).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE idem_key = ?", key)).isEqualTo(1);
    }

    @Test
    void theSameKeyInAnotherJobcenterRecordsThatJobcentersOwnOutcome() {
        UUID gladbecks = knownParticipant(db, "gladbeck");
        UUID dorstens = knownParticipant(db, "dorsten");
        String key = UUID.randomUUID().toString();
        assertThat(record(Tokens.staff("gladbeck", "sam.schulz"), key, employment(gladbecks, "2012-04-02"))
                .statusCode()).isEqualTo(201);

        ExtractableResponse<Response> own = record(Tokens.staff("dorsten", "sam.schulz"), key,
                employment(dorstens, "2012-04-02"));

        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(own.header("Idempotent-Replayed")).isNull();
        assertThat(own.jsonPath().getString("participantId")).isEqualTo(dorstens.toString());
        assertThat(outcomes(dorstens)).isEqualTo(1);
        assertThat(outcomes(gladbecks)).isEqualTo(1);
    }

    @Test
    void aReplayAfterTheParticipantWasErasedNoLongerNamesTheEmployer() {
        UUID participant = knownParticipant(db, "gladbeck");
        String key = UUID.randomUUID().toString();
        String token = Tokens.staff("gladbeck");
        Map<String, Object> body = employment(participant, "2012-04-02");
        ExtractableResponse<Response> first = record(token, key, body);
        assertThat(first.asString()).contains("Musterbau");

        sendParticipantEvent(participant, "participant.erased.v1",
                Map.of("participantId", participant.toString(), "jobcenterId", "gladbeck"));
        await().atMost(PATIENCE).until(() -> Rows.count(db,
                "SELECT count(*) FROM known_participant WHERE id = ? AND erased_at IS NOT NULL", participant) == 1);

        ExtractableResponse<Response> replay = record(token, key, body);

        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(replay.asString()).doesNotContain("Musterbau");
        assertThat(outcomes(participant)).isEqualTo(1);
    }
}
