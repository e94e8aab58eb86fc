package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static de.nrw.activation.participants.ParticipantFixtures.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** GET /participants/{id}/age-band?on=: the band on a day, asked by groups-service at entry. */
@QuarkusTest
class AgeBandOnDateTest {

    private static String registerBornOn(String jobcenter, String dateOfBirth) {
        Map<String, Object> body = registration(jobcenter);
        body.put("dateOfBirth", dateOfBirth);
        return ParticipantFixtures.register(body);
    }

    private static Response ageBand(String jobcenter, String id, String on) {
        return asStaff(jobcenter).queryParam("on", on).get("/api/v1/participants/" + id + "/age-band");
    }

    @Test
    void answersTheBandOnTheDayAskedForAndNothingElse() {
        String id = registerBornOn("herne", "1987-03-06");

        Response response = ageBand("herne", id, "2012-03-05");

        response.then().statusCode(200).contentType("application/json")
                .body("participantId", equalTo(id))
                .body("on", equalTo("2012-03-05"))
                .body("ageBand", equalTo("UNDER_25"));
        // the band only: the birth date never leaves this service through this answer
        assertThat(response.jsonPath().getMap("$")).containsOnlyKeys("participantId", "on", "ageBand");
        assertThat(response.asString()).doesNotContain("1987");
    }

    @Test
    void theBandChangesOnThe25thAnd50thBirthday() {
        String id = registerBornOn("herne", "1962-03-06");

        ageBand("herne", id, "1987-03-05").then().statusCode(200).body("ageBand", equalTo("UNDER_25"));
        ageBand("herne", id, "1987-03-06").then().statusCode(200).body("ageBand", equalTo("AGE_25_TO_49"));
        ageBand("herne", id, "2012-03-05").then().statusCode(200).body("ageBand", equalTo("AGE_25_TO_49"));
        ageBand("herne", id, "2012-03-06").then().statusCode(200).body("ageBand", equalTo("AGE_50_PLUS"));
    }

    @Test
    void anotherJobcentersParticipantAnswers404AsIfItDidNotExist() {
        String id = registerBornOn("herne", "1987-03-06");

        ageBand("bochum", id, "2012-03-05").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        ageBand("herne", UUID.randomUUID().toString(), "2012-03-05").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theCoordinatorAndOpsAreRefused() {
        String id = registerBornOn("herne", "1987-03-06");

        given().auth().oauth2(Tokens.coordinator()).queryParam("on", "2012-03-05")
                .get("/api/v1/participants/" + id + "/age-band")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.ops()).queryParam("on", "2012-03-05")
                .get("/api/v1/participants/" + id + "/age-band")
                .then().statusCode(403).contentType("application/problem+json");
        given().queryParam("on", "2012-03-05").get("/api/v1/participants/" + id + "/age-band")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aMissingOrMalformedDayAnswers400NamingTheParameter() {
        String id = registerBornOn("herne", "1987-03-06");

        asStaff("herne").get("/api/v1/participants/" + id + "/age-band")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("on"));
        for (String bad : new String[] {"2012-13-01", "2012-02-30", "05.03.2012", "yesterday", "1899-12-31"}) {
            ageBand("herne", id, bad).then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("violations.field", hasItem("on"));
        }
        ageBand("herne", "not-a-uuid", "2012-03-05").then().statusCode(400)
                .body("violations.field", hasItem("id"));
    }

    @Test
    void anErasedParticipantAnswers410BecauseNoBirthDateIsLeft() {
        String id = registerBornOn("herne", "1987-03-06");
        asStaff("herne").delete("/api/v1/participants/" + id).then().statusCode(204);

        ageBand("herne", id, "2012-03-05").then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://activation.nrw.example/problems/participant-erased"))
                .body("status", equalTo(410));
    }
}
