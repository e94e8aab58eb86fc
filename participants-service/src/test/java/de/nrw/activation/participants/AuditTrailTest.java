package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Every read, search, change, registration and erasure of a participant's personal data is in
 * the audit trail, also when the request is refused after the participant was found; the trail
 * is for the data-protection officer of the participant's own Jobcenter and cannot be changed
 * (issue 18).
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource db;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    static RequestSpecification asDataProtection(String jobcenter) {
        return given().auth().oauth2(Tokens.dataProtection(jobcenter)).contentType(ContentType.JSON);
    }

    private static List<Map<String, Object>> trail(String participant) {
        return asDataProtection("herne").queryParam("size", 500).get("/api/v1/participants/" + participant + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<String> actions(String participant) {
        return trail(participant).stream().map(e -> e.get("action") + " " + e.get("outcome")).toList();
    }

    @Test
    void eachKindOfAccessIsLoggedWithWhoWhenAndWhich() {
        Map<String, Object> body = ParticipantFixtures.registration("herne");
        String id = ParticipantFixtures.register(body);
        asStaff("herne").get("/api/v1/participants/" + id).then().statusCode(200);
        asStaff("herne").queryParam("on", "2012-03-05").get("/api/v1/participants/" + id + "/age-band").then().statusCode(200);
        asStaff("herne").queryParam("customerNumber", body.get("customerNumber")).get("/api/v1/participants")
                .then().statusCode(200).body("$", hasSize(1));
        asStaff("herne").body(ChangeParticipantTest.change()).put("/api/v1/participants/" + id).then().statusCode(200);
        asStaff("herne").delete("/api/v1/participants/" + id).then().statusCode(204);

        Response answer = asDataProtection("herne").get("/api/v1/participants/" + id + "/audit");
        answer.then().statusCode(200).header("X-Total-Count", equalTo("6"))
                .body("participantId", everyItem(equalTo(id)))
                .body("jobcenterId", everyItem(equalTo("herne")))
                .body("actor", everyItem(equalTo("staff-herne")))
                .body("role", everyItem(equalTo("jobcenter-staff")))
                .body("outcome", everyItem(equalTo("GRANTED")));
        assertThat(answer.jsonPath().getList("action", String.class))
                .containsExactly("REGISTER", "READ", "READ_AGE_BAND", "SEARCH", "CHANGE", "ERASE");
        assertThat(answer.jsonPath().getList("at", String.class)).allMatch(at -> at.matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        // ids, not names: neither the names nor the customer number are in the trail
        assertThat(answer.asString()).doesNotContain("Erika", "Mustermann", (String) body.get("customerNumber"));
        assertThat(Rows.query(db, "SELECT * FROM audit_entry WHERE participant_id = ?", UUID.fromString(id)).toString())
                .doesNotContain("Erika", "Mustermann", (String) body.get("customerNumber"));
    }

    /**
     * A registration repeated with its Idempotency-Key is answered from the stored answer, which
     * shows the participant's names, birth date and customer number again: that is an access too,
     * logged as a read by the caller (the first answer is the registration), once per replay.
     */
    @Test
    void aReplayedRegistrationIsLoggedAsARead() {
        Map<String, Object> body = ParticipantFixtures.registration("herne");
        String key = UUID.randomUUID().toString();
        String id = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");
        for (int replay = 0; replay < 2; replay++) {
            asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/participants")
                    .then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(id)).body("lastName", equalTo(body.get("lastName")));
        }

        assertThat(trail(id)).extracting(e -> e.get("action") + " " + e.get("outcome") + " " + e.get("actor")
                        + " " + e.get("role") + " " + e.get("jobcenterId"))
                .containsExactly("REGISTER GRANTED staff-herne jobcenter-staff herne",
                        "READ GRANTED staff-herne jobcenter-staff herne", "READ GRANTED staff-herne jobcenter-staff herne");
        // the replays registered no one
        assertThat(Rows.count(db, "SELECT count(*) FROM participant WHERE jobcenter_id = 'herne' AND customer_number = ?",
                body.get("customerNumber"))).isEqualTo(1);
    }

    @Test
    void aListingLogsEachParticipantItReturned() {
        String first = ParticipantFixtures.register("herne");
        List<String> page = asStaff("herne").queryParam("size", 500).get("/api/v1/participants")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(page).contains(first);
        for (String returned : List.of(first, page.get(0))) {
            assertThat(actions(returned)).last().isEqualTo("SEARCH GRANTED");
        }
        String notReturned = ParticipantFixtures.register("herne");
        asStaff("herne").queryParam("size", 1).get("/api/v1/participants").then().statusCode(200);
        assertThat(actions(notReturned)).containsExactly("REGISTER GRANTED");
    }

    @Test
    void anotherJobcentersStaffIsRefusedWith404AndLoggedForTheOwningJobcenter() {
        String id = ParticipantFixtures.register("herne");
        String path = "/api/v1/participants/" + id;
        asStaff("bochum").get(path).then().statusCode(404);
        asStaff("bochum").queryParam("on", "2012-03-05").get(path + "/age-band").then().statusCode(404);
        asStaff("bochum").body(ChangeParticipantTest.change()).put(path).then().statusCode(404);
        asStaff("bochum").delete(path).then().statusCode(404);

        List<Map<String, Object>> trail = trail(id);
        assertThat(trail).extracting(e -> e.get("action") + " " + e.get("outcome") + " " + e.get("actor") + " " + e.get("jobcenterId"))
                .containsExactly("REGISTER GRANTED staff-herne herne", "READ DENIED staff-bochum herne",
                        "READ_AGE_BAND DENIED staff-bochum herne", "CHANGE DENIED staff-bochum herne",
                        "ERASE DENIED staff-bochum herne");
        // the refused change and erasure changed nothing
        assertThat(Rows.one(db, "SELECT erased_at, version FROM participant WHERE id = ?", UUID.fromString(id)))
                .containsEntry("erased_at", null).containsEntry("version", 0L);
        // and Bochum's officer sees none of it
        asDataProtection("bochum").get(path + "/audit").then().statusCode(404).contentType("application/problem+json");
        asDataProtection("bochum").queryParam("actor", "staff-bochum").queryParam("size", 500).get("/api/v1/audit")
                .then().statusCode(200).body("participantId.findAll { it == '" + id + "' }", hasSize(0));
    }

    @Test
    void onlyTheDataProtectionRoleReadsTheTrail() {
        String id = ParticipantFixtures.register("herne");
        for (String token : List.of(Tokens.staff("herne"), Tokens.coordinator(), Tokens.ops())) {
            given().auth().oauth2(token).get("/api/v1/participants/" + id + "/audit")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        }
        // provider staff see nothing beyond their groups, not even that the trail exists
        String provider = Tokens.providerStaff("herne", "bildung-plus");
        given().auth().oauth2(provider).get("/api/v1/participants/" + id + "/audit")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(provider).get("/api/v1/audit").then().statusCode(404).contentType("application/problem+json");
        // the officer reads the trail, not the participants
        asDataProtection("herne").get("/api/v1/participants/" + id).then().statusCode(403);
        asDataProtection("herne").get("/api/v1/participants").then().statusCode(403);
        asDataProtection("herne").get("/api/v1/participants/" + UUID.randomUUID() + "/audit").then().statusCode(404);
        // reading the trail is no access to personal data: no entry for it
        asDataProtection("herne").get("/api/v1/participants/" + id + "/audit").then().statusCode(200);
        assertThat(actions(id)).containsExactly("REGISTER GRANTED");
    }

    @Test
    void noMethodChangesOrDeletesEntries() {
        String id = ParticipantFixtures.register("herne");
        for (String path : List.of("/api/v1/participants/" + id + "/audit", "/api/v1/audit")) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                asDataProtection("herne").body(Map.of("action", "READ")).request(method, path)
                        .then().statusCode(405).contentType("application/problem+json");
            }
        }
        assertThat(actions(id)).containsExactly("REGISTER GRANTED");
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteEntries() throws SQLException {
        String id = ParticipantFixtures.register("herne");
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE audit_entry SET actor = 'someone-else' WHERE participant_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_entry WHERE participant_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(trail(id)).singleElement().satisfies(e -> assertThat(e.get("actor")).isEqualTo("staff-herne"));
    }

    @Test
    void theJobcentersTrailIsSearchedByPeriodAndActorAndPaged() {
        String actor = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.staff("herne", actor);
        TestClock.CLOCK.setToday(LocalDate.of(2019, 2, 10));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(ParticipantFixtures.registration("herne"))
                .post("/api/v1/participants").then().statusCode(201).extract().path("id");
        TestClock.CLOCK.setToday(LocalDate.of(2019, 2, 11));
        given().auth().oauth2(token).get("/api/v1/participants/" + id).then().statusCode(200);
        TestClock.CLOCK.setToday(LocalDate.of(2019, 2, 12));
        given().auth().oauth2(token).get("/api/v1/participants/" + id).then().statusCode(200);
        TestClock.CLOCK.reset();

        asDataProtection("herne").queryParam("actor", actor).get("/api/v1/audit")
                .then().statusCode(200).header("X-Total-Count", equalTo("3"));
        asDataProtection("herne").queryParam("actor", actor).queryParam("from", "2019-02-11").queryParam("to", "2019-02-11")
                .get("/api/v1/audit").then().statusCode(200).header("X-Total-Count", equalTo("1"))
                .body("[0].action", equalTo("READ")).body("[0].at", equalTo("2019-02-11T09:00:00Z"));
        asDataProtection("herne").queryParam("actor", actor).queryParam("from", "2019-02-11")
                .get("/api/v1/audit").then().statusCode(200).header("X-Total-Count", equalTo("2"));
        asDataProtection("herne").queryParam("actor", actor).queryParam("to", "2019-02-10")
                .get("/api/v1/audit").then().statusCode(200).body("action", equalTo(List.of("REGISTER")));
        asDataProtection("herne").queryParam("actor", actor).queryParam("size", 1).queryParam("page", 2)
                .get("/api/v1/audit").then().statusCode(200).header("X-Total-Count", equalTo("3"))
                .body("$", hasSize(1)).body("[0].at", equalTo("2019-02-12T09:00:00Z"));
        // another Jobcenter's officer does not see Herne's entries
        asDataProtection("bochum").queryParam("actor", actor).get("/api/v1/audit")
                .then().statusCode(200).header("X-Total-Count", equalTo("0"));
    }

    @Test
    void theOpenApiDocumentNamesTheAuditOperations() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/participants/{id}/audit'.get.operationId", equalTo("listParticipantAudit"))
                .body("paths.'/api/v1/participants/{id}/audit'.get.tags", hasItem("Audit"))
                .body("paths.'/api/v1/audit'.get.operationId", equalTo("searchAudit"))
                .body("paths.'/api/v1/audit'.get.tags", hasItem("Audit"))
                .body("components.schemas.AuditAction.enum", hasItem("READ_AGE_BAND"))
                .body("components.schemas.ParticipantNames.properties.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("id", "firstName", "lastName"));
    }

    @Test
    void badSearchParametersAnswer400NamingThem() {
        Map<String, String> bad = Map.of("from", "11.02.2019", "to", "2019-13-01", "actor", "a b");
        bad.forEach((parameter, value) -> asDataProtection("herne").queryParam(parameter, value).get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(parameter)));
        asDataProtection("herne").queryParam("from", "2019-02-12").queryParam("to", "2019-02-11").get("/api/v1/audit")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        asDataProtection("herne").queryParam("size", 501).get("/api/v1/audit")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
        asDataProtection("herne").get("/api/v1/participants/not-a-uuid/audit")
                .then().statusCode(400).body("violations[0].field", equalTo("id"));
    }
}
