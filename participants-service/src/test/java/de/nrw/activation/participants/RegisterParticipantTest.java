package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static de.nrw.activation.participants.ParticipantFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RegisterParticipantTest {

    @Inject
    AgroalDataSource db;

    @Test
    void registeringAnswers201WithLocationAndStoresTheParticipant() {
        Map<String, Object> body = registration("herne");
        Response response = asStaff("herne").body(body).post("/api/v1/participants");

        response.then().statusCode(201)
                .header("Location", containsString("/api/v1/participants/"))
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("jobcenterId", equalTo("herne"))
                .body("customerNumber", equalTo(body.get("customerNumber")))
                .body("firstName", equalTo("Erika"))
                .body("ageBand", equalTo("AGE_25_TO_49"))
                .body("erased", equalTo(false));
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/participants/" + id);

        Map<String, Object> row = Rows.one(db, "SELECT * FROM participant WHERE id = ?", UUID.fromString(id));
        assertThat(row.get("customer_number")).isEqualTo(body.get("customerNumber"));
        assertThat(row.get("last_name")).isEqualTo("Mustermann");
        assertThat(row.get("labour_market_distance")).isEqualTo("CLOSE");
    }

    @Test
    void registeringPublishesAnAnonymousRegisteredEventKeyedByParticipantId() {
        Map<String, Object> body = registration("herne");
        body.put("dateOfBirth", LocalDate.now().minusYears(20).toString());
        String id = ParticipantFixtures.register(body);

        TopicReader.Published event = TopicReader.await("participant-events", 1, r -> id.equals(r.key())).get(0);

        assertThat(event.type()).isEqualTo("participant.registered.v1");
        assertThat(event.event().path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.event().path("source").asText()).isEqualTo("/participants-service");
        assertThat(event.event().path("subject").asText()).isEqualTo(id);
        assertThat(UUID.fromString(event.event().path("id").asText())).isNotNull();
        assertThat(event.data().path("participantId").asText()).isEqualTo(id);
        assertThat(event.data().path("jobcenterId").asText()).isEqualTo("herne");
        assertThat(event.data().path("ageBand").asText()).isEqualTo("UNDER_25");
        assertThat(event.data().path("gender").asText()).isEqualTo("FEMALE");
        assertThat(event.data().path("customerType").asText()).isEqualTo("EXISTING");
        assertThat(event.data().path("labourMarketDistance").asText()).isEqualTo("CLOSE");
        assertThat(event.data().path("vocationalQualification").asBoolean()).isTrue();
        String raw = event.event().toString();
        assertThat(raw).doesNotContain("Erika", "Mustermann", (String) body.get("customerNumber"),
                (String) body.get("dateOfBirth"), "customerNumber", "firstName", "dateOfBirth");
        // the relay deletes the outbox row once Kafka acknowledged the send, a moment after a reader may see it
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", id) == 0);
    }

    @Test
    void aSecondParticipantWithTheSameCustomerNumberInTheSameJobcenterIsAConflict() {
        Map<String, Object> body = registration("herne");
        ParticipantFixtures.register(body);
        Map<String, Object> again = registration("herne");
        again.put("customerNumber", body.get("customerNumber"));

        asStaff("herne").body(again).post("/api/v1/participants")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("type", endsWith("/duplicate-customer-number"));
        assertThat(Rows.count(db, "SELECT count(*) FROM participant WHERE customer_number = ?", body.get("customerNumber")))
                .isEqualTo(1);
    }

    @Test
    void theSameCustomerNumberMayExistInAnotherJobcenter() {
        Map<String, Object> body = registration("herne");
        ParticipantFixtures.register(body);
        Map<String, Object> other = registration("bochum");
        other.put("customerNumber", body.get("customerNumber"));

        asStaff("bochum").body(other).post("/api/v1/participants").then().statusCode(201);
    }

    @Test
    void staffCannotRegisterAParticipantForAnotherJobcenter() {
        Map<String, Object> body = registration("bochum");
        asStaff("herne").body(body).post("/api/v1/participants")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(Rows.count(db, "SELECT count(*) FROM participant WHERE customer_number = ?", body.get("customerNumber")))
                .isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndCreatesNothing() {
        Map<String, Object> body = registration("herne");
        String key = UUID.randomUUID().toString();
        Response first = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/participants");
        first.then().statusCode(201);
        Response retry = asStaff("herne").header("Idempotency-Key", key).body(body).post("/api/v1/participants");

        retry.then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.path("id")));
        assertThat(Rows.count(db, "SELECT count(*) FROM participant WHERE customer_number = ?", body.get("customerNumber")))
                .isEqualTo(1);
        List<TopicReader.Published> events = TopicReader.await("participant-events", 1,
                r -> first.path("id").equals(r.key()));
        assertThat(events).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        asStaff("herne").header("Idempotency-Key", key).body(registration("herne")).post("/api/v1/participants")
                .then().statusCode(201);
        Map<String, Object> other = registration("herne");
        asStaff("herne").header("Idempotency-Key", key).body(other).post("/api/v1/participants")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused"));
        assertThat(Rows.count(db, "SELECT count(*) FROM participant WHERE customer_number = ?", other.get("customerNumber")))
                .isZero();
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        asStaff("herne").body(Map.of("jobcenterId", "herne")).post("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("violations.field", hasItem("customerNumber"))
                .body("violations.field", hasItem("firstName"))
                .body("violations.field", hasItem("lastName"))
                .body("violations.field", hasItem("dateOfBirth"))
                .body("violations.field", hasItem("gender"))
                .body("violations.field", hasItem("customerType"))
                .body("violations.field", hasItem("labourMarketDistance"))
                .body("violations.field", hasItem("vocationalQualification"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        Map<String, Object> body = registration("herne");
        body.put("labourMarketDistance", "FAR");
        asStaff("herne").body(body).post("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("labourMarketDistance"))
                .body("violations[0].message", containsString("CLOSE"));
    }

    @Test
    void malformedJsonIsABadRequestWithoutStackTrace() {
        asStaff("herne").body("{\"jobcenterId\": \"herne\", ").post("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        asStaff("herne").post("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBirthDateInTheFutureOrBefore1900IsRefused() {
        Map<String, Object> future = registration("herne");
        future.put("dateOfBirth", LocalDate.now().plusDays(1).toString());
        asStaff("herne").body(future).post("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("dateOfBirth"));

        Map<String, Object> ancient = registration("herne");
        ancient.put("dateOfBirth", "1899-12-31");
        asStaff("herne").body(ancient).post("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("dateOfBirth"))
                .body("violations[0].message", containsString("1900-01-01"));

        Map<String, Object> notADate = registration("herne");
        notADate.put("dateOfBirth", "12.08.1984");
        asStaff("herne").body(notADate).post("/api/v1/participants")
                .then().statusCode(400).body("violations[0].field", equalTo("dateOfBirth"));
    }

    @Test
    void overLongStringsAndBadCustomerNumbersAreRefused() {
        Map<String, Object> body = registration("herne");
        body.put("lastName", "x".repeat(101));
        body.put("customerNumber", "12 34; DROP");
        asStaff("herne").body(body).post("/api/v1/participants")
                .then().statusCode(400)
                .body("violations.field", hasItem("lastName"))
                .body("violations.field", hasItem("customerNumber"));
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        asStaff("herne").contentType("text/plain").body("hello").post("/api/v1/participants")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
