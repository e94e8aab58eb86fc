package de.nrw.activation.groups;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OperationsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void livenessAndReadinessAreOpenAndCheckDatabaseAndKafka() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxAndTheParticipantEventsConsumer() {
        Fixtures.knownParticipant(db, "herne");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_events_pending"))
                .body(containsString("events_applied_total{consumer=\"groups-service.participant-events\""))
                .body(containsString("events_lag{consumer=\"groups-service.participant-events\""))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithExamples() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("groups-service"))
                .body("paths.'/api/v1/groups'.post.summary", equalTo("Schedule a group"))
                .body("paths.'/api/v1/phases'.get", notNullValue())
                .body("paths.'/api/v1/groups/{id}/sessions'.get", notNullValue())
                .body("paths.'/api/v1/groups/{id}/sessions/{date}/move'.post", notNullValue())
                .body("paths.'/api/v1/groups/{id}/participations'.post.summary", equalTo("Assign a participant to a group"))
                .body("paths.'/api/v1/participations/{id}/exit'.post", notNullValue())
                .body("paths.'/api/v1/groups/{id}/sessions/{date}/attendance'.put", notNullValue())
                .body("paths.'/api/v1/groups/{id}/absences'.get", notNullValue())
                .body("components.securitySchemes.bearer.type", equalTo("openIdConnect"))
                .body(containsString("Aktivierungsgruppe 3"))
                .body(containsString("weekly-hours"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
