package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static de.nrw.activation.participants.ParticipantFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EraseParticipantTest {

    @Inject
    AgroalDataSource db;

    @Test
    void erasureRemovesThePersonalDataAndKeepsTheAnonymousFacts() {
        Map<String, Object> body = registration("herne");
        String key = UUID.randomUUID().toString();
        String id = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");

        asStaff("herne").delete("/api/v1/participants/" + id).then().statusCode(204);

        Map<String, Object> row = Rows.one(db, "SELECT * FROM participant WHERE id = ?", UUID.fromString(id));
        assertThat(row.get("customer_number")).isNull();
        assertThat(row.get("first_name")).isNull();
        assertThat(row.get("last_name")).isNull();
        assertThat(row.get("date_of_birth")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("age_band")).isEqualTo("AGE_25_TO_49");
        assertThat(row.get("labour_market_distance")).isEqualTo("CLOSE");
        // the stored idempotent answer repeated the name: it goes too
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE body LIKE ?", "%" + id + "%")).isZero();

        asStaff("herne").get("/api/v1/participants/" + id)
                .then().statusCode(200)
                .body("erased", equalTo(true))
                .body("lastName", nullValue())
                .body("customerNumber", nullValue())
                .body("ageBand", equalTo("AGE_25_TO_49"));
        asStaff("herne").queryParam("customerNumber", body.get("customerNumber")).get("/api/v1/participants")
                .then().statusCode(200).header("X-Total-Count", equalTo("0"));
    }

    @Test
    void erasurePublishesAnErasedEvent() {
        String id = ParticipantFixtures.register("herne");
        asStaff("herne").delete("/api/v1/participants/" + id).then().statusCode(204);

        TopicReader.Published erased = TopicReader.await("participant-events", 1,
                r -> id.equals(r.key()) && r.type().equals("participant.erased.v1")).get(0);
        assertThat(erased.data().path("participantId").asText()).isEqualTo(id);
        assertThat(erased.data().path("jobcenterId").asText()).isEqualTo("herne");
    }

    @Test
    void erasingTwiceAnswers204AgainAndPublishesOnce() {
        String id = ParticipantFixtures.register("herne");
        asStaff("herne").delete("/api/v1/participants/" + id).then().statusCode(204);
        asStaff("herne").delete("/api/v1/participants/" + id).then().statusCode(204);

        TopicReader.await("participant-events", 1, r -> id.equals(r.key()) && r.type().equals("participant.erased.v1"));
        assertThat(TopicReader.readAll("participant-events").stream()
                .filter(r -> id.equals(r.key()) && r.type().equals("participant.erased.v1"))).hasSize(1);
    }

    @Test
    void anErasedParticipantCannotBeChangedAndItsNumberCanBeRegisteredAgain() {
        Map<String, Object> body = registration("herne");
        String id = ParticipantFixtures.register(body);
        asStaff("herne").delete("/api/v1/participants/" + id).then().statusCode(204);

        asStaff("herne").body(ChangeParticipantTest.change()).put("/api/v1/participants/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        asStaff("herne").body(body).post("/api/v1/participants").then().statusCode(201);
    }

    @Test
    void anotherJobcenterCannotEraseTheParticipant() {
        String id = ParticipantFixtures.register("herne");
        asStaff("bochum").delete("/api/v1/participants/" + id).then().statusCode(404);
        assertThat(Rows.one(db, "SELECT erased_at FROM participant WHERE id = ?", UUID.fromString(id)).get("erased_at"))
                .isNull();
    }
}
