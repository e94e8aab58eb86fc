package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static de.nrw.activation.groups.Fixtures.asCoordinator;
import static de.nrw.activation.groups.Fixtures.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class PhasesTest {

    @Inject
    AgroalDataSource db;

    @Test
    void bothPhasesOfTheModelProjectAreThereWithTheirDatesAndJobcenters() {
        asStaff("herne").get("/api/v1/phases").then().statusCode(200)
                .body("find { it.id == 'PHASE_1' }.name", equalTo("Phase I"))
                .body("find { it.id == 'PHASE_1' }.startDate", equalTo("2011-09-01"))
                .body("find { it.id == 'PHASE_1' }.endDate", equalTo("2012-08-31"))
                .body("find { it.id == 'PHASE_1' }.jobcenterIds", contains("bochum", "duesseldorf", "hamm", "herne",
                        "kreis-coesfeld", "kreis-dueren", "kreis-paderborn", "kreis-steinfurt", "muelheim", "rhein-kreis-neuss"))
                .body("find { it.id == 'PHASE_2' }.startDate", equalTo("2012-12-01"))
                .body("find { it.id == 'PHASE_2' }.endDate", equalTo("2013-12-31"))
                .body("find { it.id == 'PHASE_2' }.jobcenterIds", contains("koeln", "kreis-euskirchen", "kreis-guetersloh",
                        "kreis-heinsberg", "kreis-herford", "kreis-warendorf", "remscheid", "wuppertal"))
                .body("[0].id", equalTo("PHASE_1"));
    }

    @Test
    void everyRoleMayListThePhases() {
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/phases").then().statusCode(200);
        given().auth().oauth2(Tokens.ops()).get("/api/v1/phases").then().statusCode(200);
        given().get("/api/v1/phases").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theCoordinatorAddsAPhaseInWhichItsJobcentersCanScheduleGroups() {
        asCoordinator().body(phase("REGULAR_2014", "2014-01-01", "2014-12-31", List.of("herne", "koeln")))
                .post("/api/v1/phases").then().statusCode(201)
                .header("Location", endsWith("/api/v1/phases/REGULAR_2014"))
                .body("id", equalTo("REGULAR_2014")).body("jobcenterIds", contains("herne", "koeln"));
        assertThat(Rows.count(db, "SELECT count(*) FROM phase_jobcenter WHERE phase_id = 'REGULAR_2014'")).isEqualTo(2);
        asStaff("koeln").body(Fixtures.group("koeln", "REGULAR_2014", "2014-03-03")).post("/api/v1/groups")
                .then().statusCode(201);
        asStaff("bochum").body(Fixtures.group("bochum", "REGULAR_2014", "2014-03-03")).post("/api/v1/groups")
                .then().statusCode(422).body("rule", equalTo("jobcenter-not-in-phase"));
    }

    @Test
    void addingAnExistingPhaseAnswers409AndAPeriodEndingBeforeItStarts422() {
        asCoordinator().body(phase("PHASE_1", "2011-09-01", "2012-08-31", List.of("herne")))
                .post("/api/v1/phases").then().statusCode(409).contentType("application/problem+json");
        asCoordinator().body(phase("BACKWARDS", "2015-01-01", "2014-12-31", List.of("herne")))
                .post("/api/v1/phases").then().statusCode(422).body("rule", equalTo("phase-period"));
        asCoordinator().body(phase("lower_case", "2015-01-01", "2015-12-31", List.of("Herne")))
                .post("/api/v1/phases").then().statusCode(400).body("violations", hasSize(2));
    }

    @Test
    void theCoordinatorChangesAPhasesJobcentersHonouringIfMatch() {
        asCoordinator().body(phase("REGULAR_2016", "2016-01-01", "2016-12-31", List.of("herne")))
                .post("/api/v1/phases").then().statusCode(201);
        String etag = asCoordinator().get("/api/v1/phases/REGULAR_2016").then().statusCode(200).extract().header("ETag");
        Map<String, Object> change = Map.of("name", "Regelbetrieb 2016", "startDate", "2016-01-01", "endDate", "2016-12-31",
                "jobcenterIds", List.of("herne", "hamm"));
        asCoordinator().header("If-Match", etag).body(change).put("/api/v1/phases/REGULAR_2016")
                .then().statusCode(200).body("name", equalTo("Regelbetrieb 2016"))
                .body("jobcenterIds", contains("hamm", "herne")).header("ETag", not(equalTo(etag)));
        asCoordinator().header("If-Match", etag).body(change).put("/api/v1/phases/REGULAR_2016")
                .then().statusCode(412).contentType("application/problem+json");
        asCoordinator().body(change).put("/api/v1/phases/NO_SUCH_PHASE").then().statusCode(404);
    }

    @Test
    void onlyTheCoordinatorMayAddOrChangePhases() {
        asStaff("herne").body(phase("STAFF_PHASE", "2014-01-01", "2014-12-31", List.of("herne")))
                .post("/api/v1/phases").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.ops()).contentType("application/json")
                .body(phase("OPS_PHASE", "2014-01-01", "2014-12-31", List.of("herne")))
                .post("/api/v1/phases").then().statusCode(403);
        asStaff("herne").body(Map.of("name", "x", "startDate", "2011-09-01", "endDate", "2012-08-31",
                "jobcenterIds", List.of("herne"))).put("/api/v1/phases/PHASE_1").then().statusCode(403);
        assertThat(Rows.count(db, "SELECT count(*) FROM phase WHERE id IN ('STAFF_PHASE', 'OPS_PHASE')")).isZero();
        asStaff("herne").get("/api/v1/phases/PHASE_1").then().statusCode(200).body("name", equalTo("Phase I"));
    }

    private static Map<String, Object> phase(String id, String start, String end, List<String> jobcenters) {
        return Map.of("id", id, "name", "Regelbetrieb", "startDate", start, "endDate", end, "jobcenterIds", jobcenters);
    }
}
