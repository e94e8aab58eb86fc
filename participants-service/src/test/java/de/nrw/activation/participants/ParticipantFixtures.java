package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Valid bodies and authenticated requests for the participants tests. */
final class ParticipantFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private ParticipantFixtures() { }

    static String uniqueCustomerNumber() {
        return "K" + SEQUENCE.incrementAndGet() + "X" + System.nanoTime() % 10_000;
    }

    static Map<String, Object> registration(String jobcenter) {
        Map<String, Object> body = new HashMap<>();
        body.put("jobcenterId", jobcenter);
        body.put("customerNumber", uniqueCustomerNumber());
        body.put("firstName", "Erika");
        body.put("lastName", "Mustermann");
        body.put("dateOfBirth", "1984-08-12");
        body.put("gender", "FEMALE");
        body.put("customerType", "EXISTING");
        body.put("labourMarketDistance", "CLOSE");
        body.put("vocationalQualification", true);
        return body;
    }

    static RequestSpecification asStaff(String jobcenter) {
        return given().auth().oauth2(Tokens.staff(jobcenter)).contentType(ContentType.JSON);
    }

    /** Registers a participant and returns its id. */
    static String register(String jobcenter) {
        return register(registration(jobcenter));
    }

    /** Registers a participant in Herne on {@code day} (the service's clock set to it for the request). */
    static String registeredOn(LocalDate day) {
        TestClock.CLOCK.setToday(day);
        try {
            return register("herne");
        } finally {
            TestClock.CLOCK.reset();
        }
    }

    static String register(Map<String, Object> body) {
        return asStaff((String) body.get("jobcenterId")).body(body)
                .post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");
    }
}
