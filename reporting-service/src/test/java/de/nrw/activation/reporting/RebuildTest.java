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

    private static final String LIFECYCLE_FACTS = "SELECT participation_id, exit_date, exit_reason, group_cancelled, "
            + "withdrawn, current_group_id, transferred_on, category FROM %s.participation WHERE jobcenter_id = ? "
            + "ORDER BY participation_id";

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    @Test
    void aRebuildAnswers202SwitchesOnceCaughtUpAndGivesTheSameFigures() {
        Scenario s = WhereaboutsReportTest.categories().send();
        Scenario lifecycle = LifecycleOrderIndependenceTest.story(Scenario.uniqueJobcenter(), Scenario.uniquePhase()).send();
        ReadModel.awaitApplied(db, projections, s.eventIds());
        ReadModel.awaitApplied(db, projections, lifecycle.eventIds());
        List<Object> lifecycleBefore = lifecycle.asStaff().queryParam("groupBy", "providerType")
                .get("/api/v1/reports/whereabouts").then().statusCode(200).extract().jsonPath().getList("rows");
        List<Map<String, Object>> lifecycleFactsBefore = Rows.query(db, LIFECYCLE_FACTS.formatted(projections.activeSchema()),
                lifecycle.jobcenter);
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
        // corrections, withdrawals, transfers and cancellations are rebuilt the same
        assertThat(lifecycle.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getList("rows")).isEqualTo(lifecycleBefore);
        assertThat(Rows.query(db, LIFECYCLE_FACTS.formatted("rm_" + (old + 1)), lifecycle.jobcenter))
                .isEqualTo(lifecycleFactsBefore).hasSize(6);
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
    void aSecondRebuildWhileOneIsBuildingAnswers409AndStartsNothing() {
        // A real rebuild of the few test events may catch up before a second request arrives,
        // so the building generation is put in place here; no consumer runs for it, so it
        // never switches.
        int building = 1_000_000;
        Rows.execute(db, "INSERT INTO projection_generation (id, state, consumer_group) VALUES (?, 'BUILDING', ?)",
                building, "reporting.test.building");
        try {
            given().auth().oauth2(Tokens.ops()).post("/api/v1/projections/rebuild")
                    .then().statusCode(409).contentType("application/problem+json");
            assertThat(Rows.count(db, "SELECT count(*) FROM projection_generation WHERE id > ?", building)).isZero();
            assertThat(Rows.count(db, "SELECT count(*) FROM projection_generation WHERE state = 'BUILDING'")).isEqualTo(1);
        } finally {
            Rows.execute(db, "DELETE FROM projection_generation WHERE id = ?", building);
        }
    }

    @Test
    void onlyOperationsMayRebuild() {
        given().auth().oauth2(Tokens.coordinator()).post("/api/v1/projections/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.staff("herne")).post("/api/v1/projections/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
