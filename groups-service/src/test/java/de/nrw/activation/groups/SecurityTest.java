package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static de.nrw.activation.groups.Fixtures.asCoordinator;
import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.herneGroup;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SecurityTest {

    @Inject
    AgroalDataSource db;

    @Test
    void noExpiredOrForgedTokenAnswers401ProblemJson() {
        given().contentType("application/json").body(herneGroup()).post("/api/v1/groups")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", equalTo("Bearer"));
        given().get("/api/v1/groups").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.expired("herne")).get("/api/v1/groups").then().statusCode(401);
        given().auth().oauth2(Tokens.forged("herne")).get("/api/v1/groups").then().statusCode(401);
        given().auth().oauth2("not.a.jwt").get("/api/v1/phases").then().statusCode(401);
    }

    @Test
    void anotherJobcentersGroupAnswers404AsIfItDidNotExist() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        String participation = Fixtures.enter("herne", groupId, participantId, "2012-03-05");
        String base = "/api/v1/groups/" + groupId;

        asStaff("bochum").get(base).then().statusCode(404).contentType("application/problem+json");
        asStaff("bochum").get(base + "/sessions").then().statusCode(404);
        asStaff("bochum").get(base + "/participations").then().statusCode(404);
        asStaff("bochum").get(base + "/absences").then().statusCode(404);
        asStaff("bochum").get(base + "/sessions/2012-03-05/attendance").then().statusCode(404);
        asStaff("bochum").body(List.of()).put(base + "/sessions/2012-03-05/attendance").then().statusCode(404);
        asStaff("bochum").post(base + "/sessions/2012-03-05/cancel").then().statusCode(404);
        asStaff("bochum").body(Map.of("newDate", "2012-03-06")).post(base + "/sessions/2012-03-05/move").then().statusCode(404);
        asStaff("bochum").post(base + "/cancel").then().statusCode(404);
        asStaff("bochum").get("/api/v1/participations/" + participation).then().statusCode(404);
        asStaff("herne").get(base).then().statusCode(200).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void staffListOnlyTheirOwnJobcentersGroups() {
        Fixtures.schedule(herneGroup());
        Fixtures.schedule(Fixtures.group("bochum", "PHASE_1", "2012-03-05"));
        // non-empty first: everyItem holds for an empty list too
        asStaff("herne").get("/api/v1/groups?size=500").then().statusCode(200)
                .body("jobcenterId", not(empty()))
                .body("jobcenterId", everyItem(equalTo("herne")));
        asStaff("herne").get("/api/v1/groups?jobcenterId=bochum").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theCoordinatorReadsEveryGroupWithoutCoachNamesButChangesNothing() {
        String groupId = Fixtures.schedule(herneGroup());
        Fixtures.schedule(Fixtures.group("bochum", "PHASE_1", "2012-03-05"));
        asCoordinator().get("/api/v1/groups/" + groupId).then().statusCode(200)
                .body("jobcenterId", equalTo("herne")).body("coaches", nullValue());
        asCoordinator().get("/api/v1/groups/" + groupId + "/sessions").then().statusCode(200);
        asCoordinator().get("/api/v1/groups?size=500").then().statusCode(200)
                .body("jobcenterId", hasItem("herne")).body("jobcenterId", hasItem("bochum"))
                .body("$", not(empty()))
                .body("coaches", everyItem(nullValue()));

        asCoordinator().body(herneGroup()).post("/api/v1/groups").then().statusCode(403).contentType("application/problem+json");
        asCoordinator().post("/api/v1/groups/" + groupId + "/cancel").then().statusCode(403);
        asCoordinator().post("/api/v1/groups/" + groupId + "/sessions/2012-03-05/cancel").then().statusCode(403);
        asCoordinator().body(Map.of("participantId", java.util.UUID.randomUUID().toString(), "entryDate", "2012-03-05"))
                .post("/api/v1/groups/" + groupId + "/participations").then().statusCode(403);
        // participations and attendance name participants: not for the coordinator
        asCoordinator().get("/api/v1/groups/" + groupId + "/participations").then().statusCode(403);
        asCoordinator().get("/api/v1/groups/" + groupId + "/absences").then().statusCode(403);
        asCoordinator().body(List.of()).put("/api/v1/groups/" + groupId + "/sessions/2012-03-05/attendance").then().statusCode(403);
    }

    @Test
    void opsMaySeePhasesButNoGroups() {
        String groupId = Fixtures.schedule(herneGroup());
        given().auth().oauth2(Tokens.ops()).get("/api/v1/phases").then().statusCode(200);
        given().auth().oauth2(Tokens.ops()).get("/api/v1/groups").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.ops()).get("/api/v1/groups/" + groupId).then().statusCode(403);
    }

    @Test
    void malformedIdsAnswer400NotAServerError() {
        asStaff("herne").get("/api/v1/groups/42").then().statusCode(400).contentType("application/problem+json");
        asStaff("herne").get("/api/v1/participations/xyz").then().statusCode(400);
        asStaff("herne").get("/api/v1/groups?page=-1").then().statusCode(400);
    }
}
