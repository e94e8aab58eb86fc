package de.nrw.activation.groups;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.testsupport.LogCapture;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.herneGroup;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Issue 17's security review: mixed-role tokens, invalid claims, extreme dates, response headers. */
@QuarkusTest
class HardeningTest {

    private static final String MIXED_ROLES = Problem.TYPE_BASE + "mixed-roles";

    @Inject
    AgroalDataSource db;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void aStaffAndCoordinatorTokenReadsNoOtherJobcentersParticipationsAttendanceOrAbsences() {
        String groupId = Fixtures.schedule(herneGroup());
        String participantId = Fixtures.knownParticipant(db, "herne");
        String participation = Fixtures.enter("herne", groupId, participantId, "2012-03-05");
        String base = "/api/v1/groups/" + groupId;
        String mixed = Tokens.withRoles("bochum", "jobcenter-staff", "coordinator");

        for (String path : List.of(base + "/participations", base + "/absences",
                base + "/sessions/2012-03-05/attendance", "/api/v1/participations/" + participation, base)) {
            as(mixed).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(MIXED_ROLES));
        }
        // nor writes anything: the attendance stays unrecorded
        as(mixed).body(List.of(Map.of("participantId", participantId, "status", "PRESENT")))
                .put(base + "/sessions/2012-03-05/attendance").then().statusCode(403).body("type", equalTo(MIXED_ROLES));
        asStaff("herne").get(base + "/sessions/2012-03-05/attendance").then().statusCode(200)
                .body("entries", hasSize(0));
        // the same token of the group's own Jobcenter is refused too: a token carries one role
        as(Tokens.withRoles("herne", "jobcenter-staff", "coordinator")).get(base + "/participations")
                .then().statusCode(403).body("type", equalTo(MIXED_ROLES));
        // each role alone reads as before
        asStaff("herne").get(base + "/participations").then().statusCode(200).body("id", hasItem(participation));
        asStaff("bochum").get(base + "/participations").then().statusCode(404);
    }

    @Test
    void aJobcenterClaimWithAQuoteIsRefusedInsteadOfReadAsAnotherJobcenter() {
        Fixtures.schedule(herneGroup());
        as(Tokens.staffWithJobcenterClaim("he\"rne")).get("/api/v1/groups").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(Problem.TYPE_BASE + "invalid-claim"));
        as(Tokens.staffWithJobcenterClaim("he\"rne")).body(herneGroup()).post("/api/v1/groups").then().statusCode(403)
                .body("type", equalTo(Problem.TYPE_BASE + "invalid-claim"));
    }

    @Test
    void extremeDatesAnswer400NamingTheFieldAndReachNeitherTheDatabaseNorTheLog() {
        String groupId = Fixtures.schedule(herneGroup());
        try (LogCapture logs = LogCapture.start()) {
            asStaff("herne").body(Fixtures.group("herne", "PHASE_1", "+999999999-01-01")).post("/api/v1/groups")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("startDate"));
            asStaff("herne").body(Fixtures.group("herne", "PHASE_1", "1899-12-25")).post("/api/v1/groups")
                    .then().statusCode(400).body("violations.field", hasItem("startDate"));
            asStaff("herne").get("/api/v1/groups/" + groupId + "/sessions/+999999999-12-31/attendance")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("date"));
            assertThat(logs.text()).doesNotContain("999999999").doesNotContain("1899-12-25");
        }
    }

    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        asStaff("herne").get("/api/v1/groups").then().statusCode(200)
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }
}
