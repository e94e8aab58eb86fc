package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ChangeParticipantTest {

    @Inject
    AgroalDataSource db;

    static Map<String, Object> change() {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Erika");
        body.put("lastName", "Musterfrau");
        body.put("dateOfBirth", "1960-01-01");
        body.put("gender", "FEMALE");
        body.put("customerType", "EXISTING");
        body.put("labourMarketDistance", "DISTANT");
        body.put("vocationalQualification", false);
        return body;
    }

    @Test
    void aChangeWithTheCurrentETagIsStoredAndPublished() {
        String id = ParticipantFixtures.register("herne");
        asStaff("herne").header("If-Match", "\"0\"").body(change()).put("/api/v1/participants/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("lastName", equalTo("Musterfrau"))
                .body("labourMarketDistance", equalTo("DISTANT"))
                .body("ageBand", equalTo("AGE_50_PLUS"));

        Map<String, Object> row = Rows.one(db, "SELECT * FROM participant WHERE id = ?", UUID.fromString(id));
        assertThat(row.get("last_name")).isEqualTo("Musterfrau");
        assertThat(row.get("vocational_qualification")).isEqualTo(false);
        TopicReader.Published changed = TopicReader.await("participant-events", 1,
                r -> id.equals(r.key()) && r.type().equals("participant.changed.v1")).get(0);
        assertThat(changed.data().path("labourMarketDistance").asText()).isEqualTo("DISTANT");
        assertThat(changed.data().path("vocationalQualification").asBoolean()).isFalse();
        assertThat(changed.data().path("ageBand").asText()).isEqualTo("AGE_50_PLUS");
        assertThat(changed.event().toString()).doesNotContain("Musterfrau", "1960-01-01");
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() {
        String id = ParticipantFixtures.register("herne");
        asStaff("herne").header("If-Match", "\"0\"").body(change()).put("/api/v1/participants/" + id)
                .then().statusCode(200);
        Map<String, Object> second = change();
        second.put("lastName", "Overwritten");
        asStaff("herne").header("If-Match", "\"0\"").body(second).put("/api/v1/participants/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("currentEtag", equalTo("\"1\""));
        assertThat(Rows.one(db, "SELECT last_name FROM participant WHERE id = ?", UUID.fromString(id)).get("last_name"))
                .isEqualTo("Musterfrau");
    }

    @Test
    void anUnchangedProfileKeepsItsVersion() {
        String id = ParticipantFixtures.register("herne");
        Map<String, Object> same = change();
        same.put("lastName", "Mustermann");
        same.put("dateOfBirth", "1984-08-12");
        same.put("labourMarketDistance", "CLOSE");
        same.put("vocationalQualification", true);
        asStaff("herne").body(same).put("/api/v1/participants/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    void anotherJobcenterCannotChangeTheParticipant() {
        String id = ParticipantFixtures.register("herne");
        asStaff("bochum").body(change()).put("/api/v1/participants/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Rows.one(db, "SELECT last_name FROM participant WHERE id = ?", UUID.fromString(id)).get("last_name"))
                .isEqualTo("Mustermann");
    }

    @Test
    void anInvalidChangeIsRefusedFieldByField() {
        String id = ParticipantFixtures.register("herne");
        Map<String, Object> body = change();
        body.put("firstName", " ");
        body.put("gender", "X");
        asStaff("herne").body(body).put("/api/v1/participants/" + id)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
