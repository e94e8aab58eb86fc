package de.nrw.activation.platform.idempotency;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Idempotency-Key on a creating endpoint (the test application's POST /api/things). */
@QuarkusTest
class IdempotencyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Idempotency idempotency;

    private static String thing(String name) {
        return "{\"name\":\"" + name + "\",\"kind\":\"SMALL\"}";
    }

    private static ExtractableResponse<Response> create(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (key != null) {
            request.header(Idempotency.HEADER, key);
        }
        return request.post("/api/things").then().extract();
    }

    private long things(String jobcenter, String name) {
        return Rows.count(db, "SELECT count(*) FROM thing WHERE jobcenter_id = ? AND name = ?", jobcenter, name);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesNothing() {
        String token = Tokens.staff("bochum");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = create(token, key, thing("Retry"));
        ExtractableResponse<Response> again = create(token, key, thing("Retry"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header(Idempotency.REPLAYED_HEADER)).isNull();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(things("bochum", "Retry")).isEqualTo(1);
        Map<String, Object> stored = Rows.one(db, "SELECT jobcenter_id, principal, subject::text AS subject "
                + "FROM idempotency_record WHERE idem_key = ?", key);
        assertThat(stored).containsEntry("jobcenter_id", "bochum").containsEntry("principal", "staff-bochum")
                .containsEntry("subject", first.jsonPath().getString("id"));
    }

    @Test
    void withoutAKeyEveryRequestCreates() {
        String token = Tokens.staff("bottrop");
        create(token, null, thing("Twice")).statusCode();
        create(token, null, thing("Twice")).statusCode();
        assertThat(things("bottrop", "Twice")).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        String token = Tokens.staff("hagen");
        String key = UUID.randomUUID().toString();
        assertThat(create(token, key, thing("First")).statusCode()).isEqualTo(201);

        ExtractableResponse<Response> reused = create(token, key, thing("Second"));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.jsonPath().getString("type")).endsWith("/problems/idempotency-key-reused");
        assertThat(things("hagen", "Second")).isZero();
    }

    @Test
    void anotherJobcentersCallerWithTheSameNameNeverGetsTheStoredAnswer() {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = create(Tokens.staff("herne", "kim"), key, thing("Scoped"));
        ExtractableResponse<Response> other = create(Tokens.staff("witten", "kim"), key, thing("Scoped"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.header(Idempotency.REPLAYED_HEADER)).isNull();
        assertThat(other.jsonPath().getString("jobcenterId")).isEqualTo("witten");
        assertThat(other.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
        assertThat(things("herne", "Scoped")).isEqualTo(1);
        assertThat(things("witten", "Scoped")).isEqualTo(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE idem_key = ?", key)).isEqualTo(2);
    }

    @Test
    void aFailedCreationStoresNoAnswerSoTheRetryRunsAgain() {
        String token = Tokens.staff("hattingen");
        String key = UUID.randomUUID().toString();

        assertThat(create(token, key, thing("explode")).statusCode()).isEqualTo(500);
        assertThat(create(token, key, thing("explode")).statusCode()).isEqualTo(500);

        assertThat(things("hattingen", "explode")).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE idem_key = ?", key)).isZero();
    }

    @Test
    void aReplayAfterTheSubjectWasForgottenAnswersTheSameStatusAndLocationWithoutTheName() {
        String token = Tokens.staff("marl");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = create(token, key, thing("Erika Mustermann"));
        String id = first.jsonPath().getString("id");
        given().auth().oauth2(token).delete("/api/things/" + id + "/name").then().statusCode(204);

        ExtractableResponse<Response> replay = create(token, key, thing("Erika Mustermann"));

        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.asString()).doesNotContain("Erika").isEmpty();
        assertThat(Rows.count(db, "SELECT count(*) FROM thing WHERE jobcenter_id = 'marl'")).isEqualTo(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE body LIKE '%Erika%'")).isZero();
    }

    @Test
    void forgettingOnlyThePersonalFieldsKeepsTheRestOfTheAnswerReplayable() {
        String token = Tokens.staff("castrop");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = create(token, key, thing("Max Muster"));
        UUID id = UUID.fromString(first.jsonPath().getString("id"));

        int changed = QuarkusTransaction.requiringNew().call(() -> idempotency.forget(id, "name", "nickname"));
        ExtractableResponse<Response> replay = create(token, key, thing("Max Muster"));

        assertThat(changed).isEqualTo(1);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replay.jsonPath().getString("id")).isEqualTo(id.toString());
        assertThat(replay.jsonPath().getString("kind")).isEqualTo("SMALL");
        assertThat(replay.jsonPath().getMap("$")).containsEntry("name", null);
        assertThat(replay.asString()).doesNotContain("Muster");
        assertThat(QuarkusTransaction.requiringNew().call(() -> idempotency.forget(id, "name"))).isZero();
    }

    @Test
    void aKeyOfMoreThan255CharactersIsA400NamingTheHeader() {
        given().auth().oauth2(Tokens.staff("unna")).contentType("application/json").body(thing("Long"))
                .header(Idempotency.HEADER, "k".repeat(256))
                .post("/api/things")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(Idempotency.HEADER))
                .body("instance", nullValue());
        assertThat(things("unna", "Long")).isZero();
    }
}
