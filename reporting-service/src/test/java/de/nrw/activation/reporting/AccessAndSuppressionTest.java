package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Staff see their own Jobcenter only; the coordinator sees all, with counts of 1 or 2 suppressed. */
@QuarkusTest
class AccessAndSuppressionTest {

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

    static Map<String, Object> row(JsonPath report, String key) {
        return report.getMap("rows.find { it.key == '" + key + "' }");
    }

    @Test
    void theCoordinatorSeesEveryJobcenterWithCountsOfOneOrTwoSuppressed() {
        JsonPath report = asCoordinator("/api/v1/reports/whereabouts");
        assertThat(report.getBoolean("suppressionApplied")).isTrue();
        assertThat(report.getString("jobcenterId")).isNull();
        assertThat(report.getList("rows.key")).containsExactlyInAnyOrder(data.small(), data.medium(), data.large());

        Map<String, Object> small = row(report, data.small());
        assertThat(small).containsEntry("suppressed", true).containsEntry("n", null).containsEntry("open", null)
                .containsEntry("integrations", null).containsEntry("integrationQuota", null)
                .containsEntry("integrationQuotaPercent", null).containsEntry("closeShare", null);

        Map<String, Object> medium = row(report, data.medium());
        assertThat(medium).containsEntry("suppressed", true).containsEntry("n", 5)
                .containsEntry("minijobs", null).containsEntry("minijobQuota", null)
                // 5 - 4 would give the minijob away: the integrations are hidden too, and their kinds
                .containsEntry("integrations", null).containsEntry("integrationQuota", null)
                .containsEntry("unemployed", 0).containsEntry("other", 0).containsEntry("open", 0)
                .containsEntry("closeToLabourMarket", 5);
        assertThat(report.getList("rows.find { it.key == '" + data.medium() + "' }.suppressedFields"))
                .contains("minijobs", "integrations", "employment", "minijobQuota", "integrationQuota");
        assertThat(report.getMap("rows.find { it.key == '" + data.medium() + "' }.integrationKinds"))
                .containsEntry("employment", null).containsEntry("apprenticeship", 0);

        Map<String, Object> large = row(report, data.large());
        assertThat(large).containsEntry("suppressed", false).containsEntry("n", 10).containsEntry("integrations", 4)
                .containsEntry("unemployed", 3).containsEntry("other", 3).containsEntry("integrationQuotaPercent", 40);

        Map<String, Object> total = report.getMap("total");
        assertThat(total).containsEntry("n", 17).containsEntry("integrations", 8).containsEntry("unemployed", 3)
                .containsEntry("minijobs", null).containsEntry("open", null).containsEntry("suppressed", true)
                .containsEntry("integrationQuotaPercent", 47);
    }

    @Test
    void staffSeeOnlyTheirOwnJobcenterUnsuppressed() {
        given().auth().oauth2(Tokens.staff(data.medium())).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("jobcenterId", equalTo(data.medium()))
                .body("suppressionApplied", equalTo(false))
                .body("rows.key", equalTo(java.util.List.of(data.medium())))
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
    void theSustainabilityReportIsSuppressedTheSameWay() {
        JsonPath report = asCoordinator("/api/v1/reports/sustainability");
        assertThat(row(report, data.small())).containsEntry("n", null).containsEntry("suppressed", true);
        assertThat(row(report, data.large())).containsEntry("n", 10).containsEntry("integrated", 4)
                .containsEntry("ended", 10).containsEntry("endedCheckedAtMonth6", 0).containsEntry("placementRate", null)
                .containsEntry("suppressed", false);
    }
}
