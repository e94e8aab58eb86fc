package de.nrw.activation.participants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static de.nrw.activation.participants.ParticipantFixtures.registration;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class FindParticipantsTest {

    @Test
    void aParticipantIsReadWithItsETag() {
        String id = ParticipantFixtures.register("herne");
        asStaff("herne").get("/api/v1/participants/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("lastName", equalTo("Mustermann"));
    }

    @Test
    void anotherJobcentersParticipantAnswers404AsIfItDidNotExist() {
        String id = ParticipantFixtures.register("herne");
        asStaff("bochum").get("/api/v1/participants/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
        asStaff("bochum").get("/api/v1/participants/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aMalformedIdIsABadRequestNamingTheParameter() {
        asStaff("herne").get("/api/v1/participants/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void searchingByCustomerNumberFindsOnlyTheCallersJobcenter() {
        Map<String, Object> body = registration("hamm");
        String id = ParticipantFixtures.register(body);
        Map<String, Object> twin = registration("kreis-coesfeld");
        twin.put("customerNumber", body.get("customerNumber"));
        ParticipantFixtures.register(twin);

        asStaff("hamm").queryParam("customerNumber", body.get("customerNumber")).get("/api/v1/participants")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("1"))
                .body("", hasSize(1))
                .body("[0].id", equalTo(id));
    }

    @Test
    void listsArePagedWithTheTotalInAHeader() {
        for (int i = 0; i < 5; i++) {
            ParticipantFixtures.register("kreis-steinfurt");
        }
        asStaff("kreis-steinfurt").queryParam("page", 0).queryParam("size", 2).get("/api/v1/participants")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("5"))
                .body("", hasSize(2))
                .body("jobcenterId", everyItem(equalTo("kreis-steinfurt")));
        asStaff("kreis-steinfurt").queryParam("page", 2).queryParam("size", 2).get("/api/v1/participants")
                .then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void pageAndSizeOutOfRangeAreBadRequests() {
        asStaff("herne").queryParam("size", 501).get("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"));
        asStaff("herne").queryParam("size", 0).get("/api/v1/participants").then().statusCode(400);
        asStaff("herne").queryParam("page", -1).get("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
        asStaff("herne").queryParam("page", "abc").get("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerProblemJson() {
        asStaff("herne").get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        asStaff("herne").patch("/api/v1/participants")
                .then().statusCode(405).contentType("application/problem+json");
    }
}
