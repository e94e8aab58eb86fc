package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Sustainability, placement rate and not-unemployed rate 6 months after exit (domain.md, "Indicators"). */
@QuarkusTest
class SustainabilityReportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    /**
     * <pre>
     *  q1 integrated (EMPLOYMENT)      MONTH_6 EMPLOYMENT       still integrated, placed, not unemployed
     *  q2 integrated (EMPLOYMENT)      MONTH_6 UNEMPLOYED       -
     *  q3 integrated (APPRENTICESHIP)  MONTH_6 APPRENTICESHIP   still integrated, placed, not unemployed
     *  q4 integrated (EMPLOYMENT)      no MONTH_6               not checked
     *  q5 integrated (SELF_EMPLOYMENT) MONTH_6 SELF_EMPLOYMENT  still integrated, not placed (no svB), not unemployed
     *  q6 unemployed                   MONTH_6 EMPLOYMENT       placed, not unemployed
     *  q7 unemployed                   MONTH_6 OTHER            not unemployed
     *  q8 unemployed                   MONTH_6 UNEMPLOYED       -
     *  q9 still in the group           (not ended)              -
     * </pre>
     * integrated 5, checked 4, still 3 (75 %); ended 8, checked 7, placed 3 (43 %), not unemployed 5 (71 %).
     */
    @Test
    void sustainabilityPlacementAndNotUnemployedRatesMatchTheHandComputedFigures() {
        Scenario s = Scenario.fresh();
        Scenario.Part[] q = new Scenario.Part[10];
        for (int i = 1; i <= 9; i++) {
            q[i] = s.join("2012-01-09");
        }
        for (int i = 1; i <= 8; i++) {
            s.exit(q[i], "2012-02-17", "COMPLETED");
        }
        s.outcome(q[1], "EMPLOYMENT", "2012-03-01");
        s.outcome(q[2], "EMPLOYMENT", "2012-03-01");
        s.outcome(q[3], "APPRENTICESHIP", "2012-03-01");
        s.outcome(q[4], "EMPLOYMENT", "2012-03-01");
        s.outcome(q[5], "SELF_EMPLOYMENT", "2012-03-01");
        for (int i = 6; i <= 8; i++) {
            s.outcome(q[i], "UNEMPLOYED", "2012-02-18");
        }
        s.followUp(q[1], "MONTH_6", "EMPLOYMENT");
        s.followUp(q[2], "MONTH_6", "UNEMPLOYED");
        s.followUp(q[3], "MONTH_6", "APPRENTICESHIP");
        s.followUp(q[5], "MONTH_6", "SELF_EMPLOYMENT");
        s.followUp(q[6], "MONTH_6", "EMPLOYMENT");
        s.followUp(q[7], "MONTH_6", "OTHER");
        s.followUp(q[8], "MONTH_6", "UNEMPLOYED");
        s.followUp(q[1], "MONTH_12", "EMPLOYMENT");
        s.send();
        ReadModel.awaitApplied(db, projections, s.eventIds());

        JsonPath report = s.asStaff().get("/api/v1/reports/sustainability").then().statusCode(200)
                .contentType("application/json").extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(report.getString("rows[0].key")).isEqualTo(s.jobcenter);
        assertThat(report.getInt("rows[0].n")).isEqualTo(9);
        assertThat(report.getInt("rows[0].integrated")).isEqualTo(5);
        assertThat(report.getInt("rows[0].checkedAtMonth6")).isEqualTo(4);
        assertThat(report.getInt("rows[0].stillIntegrated")).isEqualTo(3);
        assertThat(report.<BigDecimal>get("rows[0].sustainability")).isEqualByComparingTo("0.75");
        assertThat(report.getInt("rows[0].sustainabilityPercent")).isEqualTo(75);
        assertThat(report.getInt("rows[0].ended")).isEqualTo(8);
        assertThat(report.getInt("rows[0].endedCheckedAtMonth6")).isEqualTo(7);
        assertThat(report.getInt("rows[0].placed")).isEqualTo(3);
        assertThat(report.getInt("rows[0].notUnemployed")).isEqualTo(5);
        assertThat(report.<BigDecimal>get("rows[0].placementRate")).isEqualByComparingTo("0.4285714285714286");
        assertThat(report.getInt("rows[0].placementRatePercent")).isEqualTo(43);
        assertThat(report.<BigDecimal>get("rows[0].notUnemployedRate")).isEqualByComparingTo("0.7142857142857143");
        assertThat(report.getInt("rows[0].notUnemployedRatePercent")).isEqualTo(71);
        assertThat(report.getInt("total.placed")).isEqualTo(3);
        assertThat(report.getBoolean("perturbed")).isFalse();
    }
}
