package de.nrw.activation.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

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
    void prometheusMetricsIncludeTheProjection() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("events_applied_total"))
                .body(containsString("events_lag"))
                .body(containsString("events_dead_lettered_total"));
    }

    @Test
    void theOpenApiDocumentDescribesTheReportsAndTheBearerScheme() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/reports/whereabouts'.get.summary", equalTo("Whereabouts and integration quotas"))
                .body("paths.'/api/v1/reports/sustainability'.get", notNullValue())
                .body("paths.'/api/v1/reports/whereabouts/chart'.get", notNullValue())
                .body("paths.'/api/v1/projections/status'.get", notNullValue())
                .body("paths.'/api/v1/projections/rebuild'.post.responses.'202'", notNullValue())
                .body("components.securitySchemes.bearer.type", equalTo("openIdConnect"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyCountAndEveryStringOfTheReportsIsBoundedForClientGenerators() {
        String row = "components.schemas.WhereaboutsRow.properties.";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(row + "n.format", equalTo("int64"))
                .body(row + "n.minimum", equalTo(0))
                .body(row + "n.maximum", equalTo(1_000_000_000_000L))
                .body(row + "key.maxLength", equalTo(64))
                .body("components.schemas.SustainabilityRow.properties.placed.maximum", equalTo(1_000_000_000_000L))
                .body("components.schemas.ProjectionStatus.properties.activeGeneration.maximum", equalTo(Integer.MAX_VALUE))
                .body("components.schemas.Report.properties.rows.maxItems", equalTo(1000))
                .body("paths.'/api/v1/reports/whereabouts'.get.parameters.find { it.name == 'phaseId' }.schema.maxLength",
                        equalTo(100))
                .body("paths.'/api/v1/reports/whereabouts'.get.description", containsString("Abbruchquote"));
    }
}
