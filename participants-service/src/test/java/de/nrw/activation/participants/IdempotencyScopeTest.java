package de.nrw.activation.participants;

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

import static de.nrw.activation.participants.ParticipantFixtures.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored answer to an Idempotency-Key belongs to one Jobcenter's caller, and forgets the
 * person when the person is erased.
 */
@QuarkusTest
class IdempotencyScopeTest {

    @Inject
    AgroalDataSource db;

    private static ExtractableResponse<Response> register(String token, String key, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/participants").then().extract();
    }

    private long registered(String jobcenter, Object customerNumber) {
        return Rows.count(db, "SELECT count(*) FROM participant WHERE jobcenter_id = ? AND customer_number = ?",
                jobcenter, customerNumber);
    }

    @Test
    void theSameKeyFromAnotherJobcentersCallerWithTheSameNameIsANewRequestNotTheFirstOnesAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> gladbeck = registration("gladbeck");
        Map<String, Object> dorsten = new java.util.HashMap<>(gladbeck);
        dorsten.put("jobcenterId", "dorsten");

        ExtractableResponse<Response> first = register(Tokens.staff("gladbeck", "sam.schulz"), key, gladbeck);
        ExtractableResponse<Response> other = register(Tokens.staff("dorsten", "sam.schulz"), key, dorsten);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.jsonPath().getString("jobcenterId")).isEqualTo("dorsten");
        assertThat(other.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
        assertThat(registered("gladbeck", gladbeck.get("customerNumber"))).isEqualTo(1);
        assertThat(registered("dorsten", gladbeck.get("customerNumber"))).isEqualTo(1);
    }

    @Test
    void anotherJobcentersCallerReplayingTheFirstRequestIsRefusedAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = registration("gladbeck");
        assertThat(register(Tokens.staff("gladbeck", "sam.schulz"), key, body).statusCode()).isEqualTo(201);

        ExtractableResponse<Response> replay = register(Tokens.staff("dorsten", "sam.schulz"), key, body);

        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.asString()).doesNotContain("Mustermann").doesNotContain((String) body.get("customerNumber"));
        assertThat(registered("gladbeck", body.get("customerNumber"))).isEqualTo(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE idem_key = ?", key)).isEqualTo(1);
    }

    @Test
    void aReplayAfterErasureAnswersTheFirstStatusAndLocationWithoutTheNameAndRegistersNobody() {
        String key = UUID.randomUUID().toString();
        String token = Tokens.staff("gladbeck");
        Map<String, Object> body = registration("gladbeck");
        ExtractableResponse<Response> first = register(token, key, body);
        String id = first.jsonPath().getString("id");
        given().auth().oauth2(token).delete("/api/v1/participants/" + id).then().statusCode(204);

        ExtractableResponse<Response> replay = register(token, key, body);

        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.asString()).doesNotContain("Mustermann").doesNotContain("Erika")
                .doesNotContain((String) body.get("customerNumber"));
        assertThat(registered("gladbeck", body.get("customerNumber"))).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE subject = ? AND body IS NULL",
                UUID.fromString(id))).isEqualTo(1);
    }
}
