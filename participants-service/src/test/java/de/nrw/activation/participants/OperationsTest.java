package de.nrw.activation.participants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessAreOpenAndCheckDatabaseAndKafka() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        ParticipantFixtures.register("herne");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_events_pending"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsAndTheBearerScheme() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/participants'.post.summary", equalTo("Register a participant"))
                .body("components.securitySchemes.bearer.type", equalTo("openIdConnect"))
                .body(containsString("Mustermann"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
