package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * Rebuilding the read model from the start of the topics: 202 at once, the reports keep
 * answering from the old generation, and after the switch the new one gives the same figures.
 */
@QuarkusTest
class RebuildTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    @Test
    void aRebuildAnswers202SwitchesOnceCaughtUpAndGivesTheSameFigures() {
        Scenario s = WhereaboutsReportTest.categories().send();
        ReadModel.awaitApplied(db, projections, s.eventIds());
        List<Object> before = s.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        Map<String, Object> sustainabilityBefore = s.asStaff().get("/api/v1/reports/sustainability")
                .then().statusCode(200).extract().jsonPath().getMap("total");
        int old = projections.activeGeneration();

        JsonPath started = given().auth().oauth2(Tokens.ops()).post("/api/v1/projections/rebuild")
                .then().statusCode(202).header("Location", endsWith("/api/v1/projections/status"))
                .body("activeGeneration", equalTo(old))
                .body("rebuild.generation", equalTo(old + 1))
                .body("rebuild.state", equalTo("BUILDING"))
                .extract().jsonPath();
        assertThat(started.getString("rebuild.startedAt")).isNotNull();
        // one rebuild at a time
        given().auth().oauth2(Tokens.ops()).post("/api/v1/projections/rebuild")
                .then().statusCode(409).contentType("application/problem+json");
        // meanwhile the reports answer, with the same figures
        assertThat(s.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getList("rows")).isEqualTo(before);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(Tokens.ops()).get("/api/v1/projections/status").then().statusCode(200)
                        .body("activeGeneration", equalTo(old + 1))
                        .body("rebuild.state", equalTo("ACTIVE")));
        assertThat(projections.activeSchema()).isEqualTo("rm_" + (old + 1));

        assertThat(s.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getList("rows")).isEqualTo(before);
        assertThat(s.asStaff().get("/api/v1/reports/sustainability").then().statusCode(200)
                .extract().jsonPath().getMap("total")).isEqualTo(sustainabilityBefore);
        assertThat(Rows.count(db, "SELECT count(*) FROM rm_" + (old + 1) + ".participation WHERE phase_id = ?", s.phase))
                .isEqualTo(15);
        assertThat(Rows.one(db, "SELECT state FROM projection_generation WHERE id = ?", old).get("state"))
                .isEqualTo("RETIRED");
        // the old generation's tables go once no report can be reading them
        await().atMost(Duration.ofSeconds(60)).until(() -> Rows.count(db,
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?", "rm_" + old) == 0);

        // and the new generation goes on with new events
        Scenario later = Scenario.fresh();
        later.join("2012-01-09");
        later.send();
        ReadModel.awaitApplied(db, projections, later.eventIds());
        later.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200).body("rows[0].n", equalTo(1));
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void onlyOperationsMayRebuild() {
        given().auth().oauth2(Tokens.coordinator()).post("/api/v1/projections/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.staff("herne")).post("/api/v1/projections/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
