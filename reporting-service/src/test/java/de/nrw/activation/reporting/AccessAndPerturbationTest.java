package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Staff see their own Jobcenter only, exactly; the coordinator sees all, every count perturbed by
 * the cell key method: never 1 or 2, a count of 5 or more moved by at most 2, the same
 * participations always the same number, and the quotas computed from the published counts.
 */
@QuarkusTest
class AccessAndPerturbationTest {

    static final List<String> COUNTS = List.of("n", "integrations", "minijobs", "unemployed", "other", "dropouts", "open",
            "fastIntegrations", "closeToLabourMarket", "qualified", "provisional");

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    ThreeJobcenters data;

    @BeforeEach
    void feed() {
        data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());
    }

    JsonPath asCoordinator(String path) {
        return given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase()).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    JsonPath asStaff(String jobcenter, String path) {
        return given().auth().oauth2(Tokens.staff(jobcenter)).queryParam("phaseId", data.phase()).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> row(JsonPath report, String key) {
        return report.getMap("rows.find { it.key == '" + key + "' }");
    }

    /** The published value of a true count, as the method allows it (docs/confidentiality.md). */
    static void assertPublishable(String what, int published, int exact) {
        assertThat(published).as(what).isNotIn(1, 2).isGreaterThanOrEqualTo(0);
        if (exact == 0) {
            assertThat(published).as(what).isZero();
        } else if (exact >= 5) {
            assertThat(published).as(what).isBetween(Math.max(3, exact - 2), exact + 2);
        } else {
            // 1 and 2: 0, 3 or 4; 3: up to 5; 4: up to 6
            assertThat(published).as(what).isIn(0, 3, 4, 5, 6).isLessThanOrEqualTo(Math.max(4, exact + 2));
        }
    }

    @Test
    void theCoordinatorSeesEveryJobcenterWithEachCountPerturbedAgainstTheStaffsExactOne() {
        JsonPath report = asCoordinator("/api/v1/reports/whereabouts");
        assertThat(report.getBoolean("perturbed")).isTrue();
        assertThat(report.getString("jobcenterId")).isNull();
        // N = 5 and 10 always show (never below 3); N = 2 shows unless it came out as 0
        assertThat(report.getList("rows.key")).contains(data.medium(), data.large())
                .isSubsetOf(data.small(), data.medium(), data.large());
        for (String jobcenter : List.of(data.small(), data.medium(), data.large())) {
            Map<String, Object> exact = row(asStaff(jobcenter, "/api/v1/reports/whereabouts"), jobcenter);
            Map<String, Object> published = row(report, jobcenter);
            if (published == null) {
                assertThat(jobcenter).isEqualTo(data.small());
                continue;
            }
            for (String count : COUNTS) {
                assertPublishable(jobcenter + " " + count, (Integer) published.get(count), (Integer) exact.get(count));
            }
            int n = (Integer) published.get("n");
            int integrations = (Integer) published.get("integrations");
            assertThat(published.get("integrationQuotaPercent"))
                    .isEqualTo(Math.round(100f * Math.min(integrations, n) / n));
            assertThat(published).doesNotContainKeys("suppressed", "suppressedFields");
        }
        Map<String, Object> total = report.getMap("total");
        assertPublishable("total n", (Integer) total.get("n"), 17);
        assertPublishable("total integrations", (Integer) total.get("integrations"), 8);
        assertPublishable("total minijobs", (Integer) total.get("minijobs"), 1);
    }

    @Test
    void theSameParticipationsAlwaysGiveTheSameNumberInEveryReportAndRequest() {
        JsonPath first = asCoordinator("/api/v1/reports/whereabouts");
        JsonPath again = asCoordinator("/api/v1/reports/whereabouts");
        assertThat(again.prettify()).isEqualTo(first.prettify());
        JsonPath sustainability = asCoordinator("/api/v1/reports/sustainability");
        JsonPath byGender = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase())
                .queryParam("groupBy", "gender").get("/api/v1/reports/whereabouts").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> large = row(first, data.large());
        assertThat(row(sustainability, data.large())).containsEntry("n", large.get("n"))
                .containsEntry("integrated", large.get("integrations"));
        // the total row is the same cell whichever the dimension
        assertThat(byGender.getMap("total")).containsEntry("n", first.get("total.n"))
                .containsEntry("integrations", first.get("total.integrations"))
                .containsEntry("unemployed", first.get("total.unemployed"));
        // every participant of the three is FEMALE: her row is the total's participations
        assertThat(row(byGender, "FEMALE")).containsEntry("n", first.get("total.n"));
    }

    @Test
    void staffSeeOnlyTheirOwnJobcenterExactly() {
        given().auth().oauth2(Tokens.staff(data.medium())).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("jobcenterId", equalTo(data.medium()))
                .body("perturbed", equalTo(false))
                .body("rows.key", equalTo(List.of(data.medium())))
                .body("rows[0].minijobs", equalTo(1))
                .body("rows[0].integrations", equalTo(4))
                .body("total.n", equalTo(5));
        given().auth().oauth2(Tokens.staff(data.small())).queryParam("phaseId", data.phase())
                .queryParam("groupBy", "providerType").get("/api/v1/reports/sustainability").then().statusCode(200)
                .body("rows[0].key", equalTo("JOBCENTER"))
                .body("rows[0].n", equalTo(2))
                .body("total.n", equalTo(2));
        given().auth().oauth2(Tokens.staff("no-such-jobcenter")).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows.size()", equalTo(0)).body("total.n", equalTo(0));
    }

    @Test
    void theSustainabilityReportIsPerturbedTheSameWay() {
        JsonPath report = asCoordinator("/api/v1/reports/sustainability");
        assertThat(report.getBoolean("perturbed")).isTrue();
        Map<String, Object> large = row(report, data.large());
        assertPublishable("large n", (Integer) large.get("n"), 10);
        assertPublishable("large integrated", (Integer) large.get("integrated"), 4);
        assertPublishable("large ended", (Integer) large.get("ended"), 10);
        assertThat(large).containsEntry("endedCheckedAtMonth6", 0).containsEntry("placementRate", null);
        assertThat(large).doesNotContainKeys("suppressed", "suppressedFields");
    }
}
