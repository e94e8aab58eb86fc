package de.nrw.activation.participants;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.testsupport.LogCapture;
import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 17's security review, participants-service: mixed-role tokens, invalid claims, extreme dates. */
@QuarkusTest
class HardeningTest {

    private static final String MIXED_ROLES = Problem.TYPE_BASE + "mixed-roles";

    @Test
    void aTokenWithStaffAndAnotherRoleReadsNoParticipant() {
        String id = ParticipantFixtures.register("herne");
        for (String other : new String[] {"coordinator", "data-protection", "ops"}) {
            String mixed = Tokens.withRoles("herne", "jobcenter-staff", other);
            given().auth().oauth2(mixed).get("/api/v1/participants").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(MIXED_ROLES));
            given().auth().oauth2(mixed).get("/api/v1/participants/" + id).then().statusCode(403)
                    .body("type", equalTo(MIXED_ROLES));
        }
        asStaff("herne").get("/api/v1/participants/" + id).then().statusCode(200).body("lastName", equalTo("Mustermann"));
    }

    @Test
    void aJobcenterClaimWithAQuoteIsRefusedInsteadOfRepaired() {
        ParticipantFixtures.register("herne");
        given().auth().oauth2(Tokens.staffWithJobcenterClaim("he\"rne")).get("/api/v1/participants")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_BASE + "invalid-claim"));
    }

    @Test
    void extremeDatesAnswer400AndNoInputValueIsLogged() {
        String id = ParticipantFixtures.register("herne");
        try (LogCapture logs = LogCapture.start()) {
            Map<String, Object> body = ParticipantFixtures.registration("herne");
            body.put("dateOfBirth", "+999999999-12-31");
            asStaff("herne").body(body).post("/api/v1/participants").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("dateOfBirth"));
            asStaff("herne").queryParam("on", "+999999999-12-31").get("/api/v1/participants/" + id + "/age-band")
                    .then().statusCode(400).body("violations.field", hasItem("on"));
            asStaff("herne").queryParam("on", "-999999999-01-01").get("/api/v1/participants/" + id + "/age-band")
                    .then().statusCode(400).body("violations.field", hasItem("on"));
            assertThat(logs.text()).doesNotContain("999999999").doesNotContain((String) body.get("customerNumber"));
        }
    }
}
