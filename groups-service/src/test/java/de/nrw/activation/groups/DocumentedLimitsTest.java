package de.nrw.activation.groups;

import de.nrw.activation.groups.participation.Participations;
import de.nrw.activation.groups.phase.Phases;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asCoordinator;
import static de.nrw.activation.groups.Fixtures.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What groups-service's OpenAPI document declares (issue 19: every string, array and integer
 * bounded) is what it enforces: a parameter beyond its documented form is a 400 problem naming it,
 * and the lists the document bounds cannot grow beyond their maxItems (409).
 */
@QuarkusTest
class DocumentedLimitsTest {

    /** A Jobcenter of Phase I no other test of this service uses: the filler rows stay its own. */
    private static final String JC = "kreis-steinfurt";

    @Inject
    AgroalDataSource db;

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theDocumentBoundsTheListsAndStatesTheParametersAsTheyAreParsed() {
        JsonPath doc = document();
        assertThat(doc.getInt("paths.'/api/v1/phases'.get.responses.'200'.content.'application/json'.schema.maxItems"))
                .isEqualTo(Phases.MAX_PHASES);
        assertThat(doc.getInt("paths.'/api/v1/groups/{id}/absences'.get.responses.'200'.content.'application/json'.schema.maxItems"))
                .isEqualTo(Participations.MAX_LISTED);
        assertThat(doc.getInt("paths.'/api/v1/groups/{id}/sessions'.get.responses.'200'.content.'application/json'.schema.maxItems"))
                .isEqualTo(56);
        assertThat(doc.getInt("components.schemas.Participation.properties.groups.maxItems")).isEqualTo(Participations.MAX_LISTED);
        assertThat(doc.getInt("components.schemas.SessionAttendance.properties.entries.maxItems")).isEqualTo(Participations.MAX_LISTED);
        assertThat(doc.getInt("components.schemas.Group.properties.name.maxLength")).isEqualTo(200);
        assertThat(doc.getInt("components.schemas.Group.properties.coaches.maxItems")).isEqualTo(10);
        assertThat(doc.getString("paths.'/api/v1/phases/{id}'.get.parameters.find { it.name == 'id' }.schema.pattern"))
                .isEqualTo("^[A-Z][A-Z0-9_]*$");
        assertThat(doc.getString("paths.'/api/v1/groups/{id}'.get.parameters.find { it.name == 'id' }.schema.pattern"))
                .startsWith("^[0-9a-fA-F]{8}-");
        assertThat(doc.getList("paths.'/api/v1/participations/{id}'.get.responses.'200'.content.'application/json'.schema.oneOf"))
                .hasSize(2);
        assertThat(doc.getList("components.schemas.ProviderParticipation.required")).contains("from", "accessUntil");
    }

    @Test
    void aMalformedPhaseIdIs400NotAnUnknownPhase() {
        for (String bad : new String[] {"phase_1", "PHASE-1", "P" + "1".repeat(40)}) {
            asStaff("herne").get("/api/v1/phases/" + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("id"));
        }
        asStaff("herne").get("/api/v1/phases/NO_SUCH_PHASE").then().statusCode(404);
        asCoordinator().body(Map.of("name", "x", "startDate", "2020-01-01", "endDate", "2020-12-31",
                        "jobcenterIds", java.util.List.of("herne")))
                .put("/api/v1/phases/phase_1").then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void queryParametersAreReadExactlyAsDocumented() {
        String group = Fixtures.schedule(Fixtures.herneGroup());
        asStaff("herne").get("/api/v1/groups/" + group + "/absences?minUnexcused=0001").then().statusCode(200);
        asStaff("herne").get("/api/v1/groups/" + group + "/absences?minUnexcused=00001").then().statusCode(400)
                .body("violations[0].field", equalTo("minUnexcused"));
        asStaff("herne").queryParam("minUnexcused", " 1").get("/api/v1/groups/" + group + "/absences").then().statusCode(400);
        asStaff("herne").get("/api/v1/exit-proposals?status=PENDING").then().statusCode(200);
        asStaff("herne").queryParam("status", " PENDING").get("/api/v1/exit-proposals").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        asStaff("herne").get("/api/v1/groups/" + group + "/sessions/2012-03-055/attendance").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
    }

    @Test
    void thereAreAtMost1000Phases() {
        long existing = Rows.count(db, "SELECT count(*) FROM phase");
        try {
            Rows.execute(db, "INSERT INTO phase (id, name, start_date, end_date) SELECT 'LIMIT_' || n, 'Filler ' || n, "
                    + "DATE '2030-01-01', DATE '2030-12-31' FROM generate_series(1, ?) n", (int) (Phases.MAX_PHASES - existing));
            asCoordinator().body(Map.of("id", "ONE_TOO_MANY", "name", "One too many", "startDate", "2031-01-01",
                            "endDate", "2031-12-31", "jobcenterIds", java.util.List.of("herne")))
                    .post("/api/v1/phases").then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://activation.nrw.example/problems/phase-limit"));
            assertThat(Rows.count(db, "SELECT count(*) FROM phase WHERE id = 'ONE_TOO_MANY'")).isZero();
        } finally {
            Rows.execute(db, "DELETE FROM phase WHERE id LIKE 'LIMIT\\_%'");
        }
    }

    @Test
    void aGroupHasAtMost1000ParticipationsEverWithdrawnOnesIncluded() {
        String group = Fixtures.schedule(Fixtures.group(JC, "PHASE_1", "2012-03-05"));
        String someone = Fixtures.knownParticipant(db, JC);
        // 1000 participations entered by mistake and withdrawn: they take no place, but the group's lists show them
        Rows.execute(db, """
                WITH p AS (
                  INSERT INTO participation (id, group_id, participant_id, jobcenter_id, entry_date, gender, age_band,
                      customer_type, labour_market_distance, vocational_qualification, entered_at, withdrawn_at, withdrawal_reason)
                  SELECT gen_random_uuid(), ?::uuid, ?::uuid, 'kreis-steinfurt', DATE '2012-03-05', 'FEMALE', 'AGE_25_TO_49',
                      'EXISTING', 'CLOSE', true, now(), now(), 'filler' FROM generate_series(1, ?)
                  RETURNING id)
                INSERT INTO participation_group (id, participation_id, group_id, from_date)
                SELECT gen_random_uuid(), p.id, ?::uuid, DATE '2012-03-05' FROM p""",
                group, someone, Participations.MAX_LISTED, group);
        String next = Fixtures.knownParticipant(db, JC);
        asStaff(JC).body(Map.of("participantId", next, "entryDate", "2012-03-05"))
                .post("/api/v1/groups/" + group + "/participations").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://activation.nrw.example/problems/group-list-limit"));
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE participant_id = ?::uuid", next)).isZero();
        // another group is unaffected
        String other = Fixtures.schedule(Fixtures.group(JC, "PHASE_1", "2012-03-05"));
        Fixtures.enter(JC, other, next, "2012-03-05");
        assertThat(UUID.fromString(other)).isNotNull();
    }

    @Test
    void aParticipationPassesThroughAtMost1000Groups() {
        String from = Fixtures.schedule(Fixtures.group(JC, "PHASE_1", "2012-03-05"));
        String to = Fixtures.schedule(Fixtures.group(JC, "PHASE_1", "2012-03-05"));
        String participation = Fixtures.enter(JC, from, Fixtures.knownParticipant(db, JC), "2012-03-05");
        // 999 earlier stays (closed) beside the open one: the participation has been in 1000 groups
        Rows.execute(db, """
                INSERT INTO participation_group (id, participation_id, group_id, from_date, to_date)
                SELECT gen_random_uuid(), ?::uuid, ?::uuid, DATE '2012-03-05', DATE '2012-03-05'
                FROM generate_series(1, ?)""", participation, from, Participations.MAX_LISTED - 1);
        Lifecycle.transfer(JC, participation, to, "2012-03-12").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://activation.nrw.example/problems/group-list-limit"));
        assertThat(Rows.count(db, "SELECT count(*) FROM participation WHERE id = ?::uuid AND group_id = ?::uuid",
                participation, from)).isEqualTo(1);
        // one stay fewer, and the transfer goes through
        Rows.execute(db, "DELETE FROM participation_group WHERE id = (SELECT id FROM participation_group "
                + "WHERE participation_id = ?::uuid AND to_date IS NOT NULL LIMIT 1)", participation);
        Lifecycle.transfer(JC, participation, to, "2012-03-12").then().statusCode(200);
    }
}
