package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A deployment may turn suppression off (reporting.suppression.enabled=false). */
@QuarkusTest
@TestProfile(SuppressionOffTest.SuppressionOff.class)
class SuppressionOffTest {

    public static class SuppressionOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.suppression.enabled", "false");
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    @Test
    void withSuppressionOffTheCoordinatorSeesSmallCounts() {
        ThreeJobcenters data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());

        given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("suppressionApplied", equalTo(false))
                .body("rows.find { it.key == '" + data.small() + "' }.n", equalTo(2))
                .body("rows.find { it.key == '" + data.medium() + "' }.minijobs", equalTo(1))
                .body("rows.find { it.key == '" + data.medium() + "' }.suppressed", equalTo(false))
                .body("total.minijobs", equalTo(1))
                .body("total.open", equalTo(2));
    }
}
