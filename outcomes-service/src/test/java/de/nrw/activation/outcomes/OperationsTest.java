package de.nrw.activation.outcomes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OperationsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void livenessAndReadinessAreOpenAndCheckDatabaseKafkaAndTheConsumers() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.find { it.name == 'Event consumers' }.data.'outcomes-service.group-events'", equalTo(true));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxAndTheConsumers() {
        OutcomeFixtures.knownParticipant(db, "herne");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_events_pending"))
                .body(containsString("events_applied_total{consumer=\"outcomes-service.participant-events\""))
                .body(containsString("events_lag{consumer=\"outcomes-service.group-events\""))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsAndTheMonthEndRule() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/outcomes'.post.summary", equalTo("Record an outcome"))
                .body("paths.'/api/v1/participations/{id}/follow-ups'.post.summary", equalTo("Record a follow-up checkpoint"))
                .body("paths.'/api/v1/follow-ups/due'.get.description", containsString("oldest due date first"))
                .body("paths.'/api/v1/participations/{id}/follow-ups'.post.description", containsString("2012-04-30"))
                .body("info.description", containsString("2012-04-30"))
                .body("components.securitySchemes.bearer.type", equalTo("openIdConnect"))
                .body(containsString("Musterbau"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
