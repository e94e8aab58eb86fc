package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static de.nrw.activation.reporting.Scenario.Attributes.CLOSE_QUALIFIED;
import static de.nrw.activation.reporting.Scenario.Attributes.DISTANT_UNQUALIFIED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The whereabouts report, every figure against values computed by hand from the scenario
 * below (domain.md, "Indicators").
 */
@QuarkusTest
class WhereaboutsReportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    /**
     * 15 participations; group A (Jobcenter-run) p1..p8, group B (education provider) p9..p15.
     * Entry 2012-01-09, exit 2012-02-17 (window to 2012-05-17) unless stated otherwise.
     * <pre>
     *  p1  EMPLOYMENT 2012-03-01                         INTEGRATION
     *  p2  EMPLOYMENT 2012-05-17 (exactly exit+3 months) INTEGRATION
     *  p3  UNEMPLOYED 2012-02-20, EMPLOYMENT 2012-05-18  UNEMPLOYED (one day too late)
     *  p4  MINIJOB 2012-03-01, UNEMPLOYED 2012-04-01     MINIJOB
     *  p5  MINIJOB 2012-03-01, APPRENTICESHIP 2012-04-01 INTEGRATION (apprenticeship)
     *  p6  DROPOUT, UNEMPLOYED 2012-02-18                UNEMPLOYED
     *  p7  DROPOUT, MONTH_3 checkpoint OTHER             OTHER
     *  p8  DROPOUT                                       DROPOUT
     *  p9  not exited                                    OPEN
     *  p10 not exited, EMPLOYMENT 2012-01-20 (agency)    INTEGRATION, fast
     *  p11 INTEGRATED, EMPLOYMENT 2012-02-01 (fixed term) INTEGRATION, fast
     *  p12 EXIT checkpoint SELF_EMPLOYMENT               INTEGRATION (self-employment)
     *  p13 OTHER 2012-03-01, MONTH_3 checkpoint UNEMPLOYED UNEMPLOYED (the checkpoint wins)
     *  p14 entry 2011-11-07, exit 2011-11-30, EMPLOYMENT 2012-02-29 (Nov 30 + 3 months)  INTEGRATION
     *  p15 entry 2011-11-07, exit 2011-11-30, UNEMPLOYED 2011-12-01, EMPLOYMENT 2012-03-01 UNEMPLOYED
     * </pre>
     * p1..p10 close to the labour market, p1..p6 qualified.
     */
    static Scenario categories() {
        Scenario s = Scenario.fresh();
        Scenario.Attributes closeUnqualified = new Scenario.Attributes("MALE", "UNDER_25", "NEW", "CLOSE", false);
        Scenario.Part p1 = s.join("2012-01-09");
        Scenario.Part p2 = s.join("2012-01-09");
        Scenario.Part p3 = s.join("2012-01-09");
        Scenario.Part p4 = s.join("2012-01-09");
        Scenario.Part p5 = s.join("2012-01-09");
        Scenario.Part p6 = s.join("2012-01-09");
        Scenario.Part p7 = s.join("2012-01-09", closeUnqualified);
        Scenario.Part p8 = s.join("2012-01-09", closeUnqualified);
        s.group("EDUCATION_PROVIDER");
        Scenario.Part p9 = s.join("2012-01-09", closeUnqualified);
        Scenario.Part p10 = s.join("2012-01-09", closeUnqualified);
        Scenario.Part p11 = s.join("2012-01-09", DISTANT_UNQUALIFIED);
        Scenario.Part p12 = s.join("2012-01-09", DISTANT_UNQUALIFIED);
        Scenario.Part p13 = s.join("2012-01-09", DISTANT_UNQUALIFIED);
        Scenario.Part p14 = s.join("2011-11-07", DISTANT_UNQUALIFIED);
        Scenario.Part p15 = s.join("2011-11-07", DISTANT_UNQUALIFIED);

        for (Scenario.Part p : List.of(p1, p2, p3, p4, p5, p12, p13)) {
            s.exit(p, "2012-02-17", "COMPLETED");
        }
        for (Scenario.Part p : List.of(p6, p7, p8)) {
            s.exit(p, "2012-02-17", "DROPOUT");
        }
        s.exit(p11, "2012-02-17", "INTEGRATED");
        s.exit(p14, "2011-11-30", "COMPLETED");
        s.exit(p15, "2011-11-30", "COMPLETED");

        s.outcome(p1, "EMPLOYMENT", "2012-03-01");
        s.outcome(p2, "EMPLOYMENT", "2012-05-17");
        s.outcome(p3, "UNEMPLOYED", "2012-02-20");
        s.outcome(p3, "EMPLOYMENT", "2012-05-18");
        s.outcome(p4, "MINIJOB", "2012-03-01");
        s.outcome(p4, "UNEMPLOYED", "2012-04-01");
        s.outcome(p5, "MINIJOB", "2012-03-01");
        s.outcome(p5, "APPRENTICESHIP", "2012-04-01");
        s.outcome(p6, "UNEMPLOYED", "2012-02-18");
        s.followUp(p7, "MONTH_3", "OTHER");
        s.outcome(p10, "EMPLOYMENT", "2012-01-20", true, false);
        s.outcome(p11, "EMPLOYMENT", "2012-02-01", false, true);
        s.followUp(p12, "EXIT", "SELF_EMPLOYMENT");
        s.outcome(p13, "OTHER", "2012-03-01");
        s.followUp(p13, "MONTH_3", "UNEMPLOYED");
        s.outcome(p14, "EMPLOYMENT", "2012-02-29");
        s.outcome(p15, "UNEMPLOYED", "2011-12-01");
        s.outcome(p15, "EMPLOYMENT", "2012-03-01");
        s.attendance(p1, "2012-01-09", "PRESENT");
        return s;
    }

    Scenario sendAndAwait(Scenario s) {
        s.send();
        ReadModel.awaitApplied(db, projections, s.eventIds());
        return s;
    }

    @Test
    void everyCategoryQuotaAndShareMatchesTheHandComputedFigures() {
        Scenario s = sendAndAwait(categories());

        JsonPath report = s.asStaff().get("/api/v1/reports/whereabouts")
                .then().statusCode(200).contentType("application/json")
                .body("groupBy", equalTo("jobcenter"))
                .body("jobcenterId", equalTo(s.jobcenter))
                .body("perturbed", equalTo(false))
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(report.getList("rows")).hasSize(1);
        Map<String, Object> row = report.getMap("rows[0]");
        assertThat(row.get("key")).isEqualTo(s.jobcenter);
        assertThat(row).containsEntry("n", 15).containsEntry("integrations", 7).containsEntry("minijobs", 1)
                .containsEntry("unemployed", 4).containsEntry("other", 1).containsEntry("dropouts", 1)
                .containsEntry("open", 1).containsEntry("fastIntegrations", 2)
                .containsEntry("closeToLabourMarket", 10).containsEntry("qualified", 6)
                .doesNotContainKeys("suppressed", "suppressedFields");
        row = s.asStaff().get("/api/v1/reports/whereabouts").then().extract().jsonPath().getMap("rows[0]");
        // exact fractions of N = 15, and the half-up rounded percentages
        assertThat(report.getString("rows[0].integrationQuota")).isEqualTo("0.4666666666666667");
        assertThat(row).containsEntry("integrationQuotaPercent", 47).containsEntry("minijobQuotaPercent", 7)
                .containsEntry("unemployedQuotaPercent", 27).containsEntry("otherQuotaPercent", 7)
                .containsEntry("dropoutQuotaPercent", 7).containsEntry("openQuotaPercent", 7)
                .containsEntry("fastIntegrationQuotaPercent", 13).containsEntry("closeSharePercent", 67)
                .containsEntry("qualifiedSharePercent", 40);
        assertThat(report.getString("rows[0].unemployedQuota")).isEqualTo("0.2666666666666667");
        assertThat(report.getString("rows[0].closeShare")).isEqualTo("0.6666666666666667");
        assertThat(report.getString("rows[0].qualifiedShare")).isEqualTo("0.4");
        Map<String, Object> kinds = report.getMap("rows[0].integrationKinds");
        assertThat(kinds).containsEntry("employment", 5).containsEntry("apprenticeship", 1)
                .containsEntry("selfEmployment", 1).containsEntry("temporaryAgency", 1).containsEntry("fixedTerm", 1);
        assertThat(report.getString("rows[0].integrationKinds.temporaryAgencyShare")).isEqualTo("0.1428571428571429");
        // the staff's total is their own row
        assertThat(report.getMap("total")).containsEntry("key", "total").containsEntry("n", 15)
                .containsEntry("integrations", 7).containsEntry("integrationQuotaPercent", 47);

        // and the stored classification says why
        assertThat(Rows.query(db, "SELECT category, count(*) AS c FROM " + ReadModel.table(projections, "participation")
                + " WHERE phase_id = ? GROUP BY category ORDER BY category", s.phase))
                .extracting(r -> r.get("category") + "=" + r.get("c"))
                .containsExactly("DROPOUT=1", "INTEGRATION=7", "MINIJOB=1", "OPEN=1", "OTHER=1", "UNEMPLOYED=4");
    }

    @Test
    void anIntegrationExactlyThreeMonthsAfterExitCountsAndOneDayLaterDoesNot() {
        Scenario s = Scenario.fresh();
        Scenario.Part onTheDay = s.join("2012-01-09");
        Scenario.Part dayLater = s.join("2012-01-09");
        Scenario.Part monthEnd = s.join("2011-11-07");
        Scenario.Part afterMonthEnd = s.join("2011-11-07");
        s.exit(onTheDay, "2012-02-17", "COMPLETED").exit(dayLater, "2012-02-17", "COMPLETED");
        s.exit(monthEnd, "2011-11-30", "COMPLETED").exit(afterMonthEnd, "2011-11-30", "COMPLETED");
        s.outcome(onTheDay, "EMPLOYMENT", "2012-05-17");
        s.outcome(dayLater, "EMPLOYMENT", "2012-05-18");
        s.outcome(monthEnd, "APPRENTICESHIP", "2012-02-29");      // 30 Nov + 3 months = 29 Feb (leap year)
        s.outcome(afterMonthEnd, "APPRENTICESHIP", "2012-03-01");
        Scenario.Part minijobOnTheDay = s.join("2012-01-09");
        Scenario.Part minijobDayLater = s.join("2012-01-09");
        s.exit(minijobOnTheDay, "2012-02-17", "COMPLETED").exit(minijobDayLater, "2012-02-17", "COMPLETED");
        s.outcome(minijobOnTheDay, "MINIJOB", "2012-05-17");
        s.outcome(minijobDayLater, "MINIJOB", "2012-05-18");
        sendAndAwait(s);

        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(6))
                .body("rows[0].integrations", equalTo(2))
                .body("rows[0].minijobs", equalTo(1))
                .body("rows[0].open", equalTo(3))
                .body("rows[0].integrationQuotaPercent", equalTo(33));
        String table = ReadModel.table(projections, "participation");
        assertThat(Rows.one(db, "SELECT category FROM " + table + " WHERE participation_id = ?", onTheDay.participationId())
                .get("category")).isEqualTo("INTEGRATION");
        assertThat(Rows.one(db, "SELECT category FROM " + table + " WHERE participation_id = ?", dayLater.participationId())
                .get("category")).isEqualTo("OPEN");
        assertThat(Rows.one(db, "SELECT category FROM " + table + " WHERE participation_id = ?", monthEnd.participationId())
                .get("category")).isEqualTo("INTEGRATION");
    }

    @Test
    void providerTypeRowsPutJobcenterRunAndEducationProviderRunGroupsSideBySide() {
        Scenario s = sendAndAwait(categories());

        JsonPath report = s.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).body("groupBy", equalTo("providerType")).extract().jsonPath();
        assertThat(report.getList("rows.key")).containsExactly("EDUCATION_PROVIDER", "JOBCENTER");
        // p9..p15: open 1, integrations p10 p11 p12 p14, unemployed p13 p15
        assertThat(report.getMap("rows[0]")).containsEntry("n", 7).containsEntry("integrations", 4)
                .containsEntry("unemployed", 2).containsEntry("open", 1).containsEntry("fastIntegrations", 2)
                .containsEntry("integrationQuotaPercent", 57);
        // p1..p8: integrations p1 p2 p5, minijob p4, unemployed p3 p6, other p7, dropout p8
        assertThat(report.getMap("rows[1]")).containsEntry("n", 8).containsEntry("integrations", 3)
                .containsEntry("minijobs", 1).containsEntry("unemployed", 2).containsEntry("other", 1)
                .containsEntry("dropouts", 1).containsEntry("open", 0).containsEntry("integrationQuotaPercent", 38);
        assertThat(report.getMap("total")).containsEntry("n", 15).containsEntry("integrations", 7);
    }

    @Test
    void everyGroupByDimensionOfTheContractGivesRowsThatAddUpToN() {
        Scenario s = sendAndAwait(categories());

        s.asStaff().queryParam("groupBy", "vocationalQualification").get("/api/v1/reports/whereabouts")
                .then().statusCode(200)
                .body("rows.key", equalTo(List.of("false", "true")))
                .body("rows.n", equalTo(List.of(9, 6)))
                .body("total.n", equalTo(15));
        s.asStaff().queryParam("groupBy", "labourMarketDistance").get("/api/v1/reports/whereabouts")
                .then().statusCode(200)
                .body("rows.key", equalTo(List.of("CLOSE", "DISTANT")))
                .body("rows.n", equalTo(List.of(10, 5)))
                .body("rows.closeShare", hasItem(1));
        s.asStaff().queryParam("groupBy", "ageBand").get("/api/v1/reports/whereabouts")
                .then().statusCode(200)
                .body("rows.key", equalTo(List.of("AGE_25_TO_49", "AGE_50_PLUS", "UNDER_25")))
                .body("rows.n", equalTo(List.of(6, 5, 4)));
        s.asStaff().queryParam("groupBy", "gender").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).body("rows.key", equalTo(List.of("FEMALE", "MALE")))
                .body("rows.n", equalTo(List.of(6, 9)));
        s.asStaff().queryParam("groupBy", "customerType").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).body("rows.key", equalTo(List.of("EXISTING", "NEW")))
                .body("rows.n", equalTo(List.of(6, 9)));
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void fromAndToSelectParticipationsByEntryDate() {
        Scenario s = sendAndAwait(categories());

        s.asStaff().queryParam("from", "2012-01-01").queryParam("to", "2012-08-31").get("/api/v1/reports/whereabouts")
                .then().statusCode(200)
                .body("from", equalTo("2012-01-01"))
                .body("rows[0].n", equalTo(13))
                .body("rows[0].integrations", equalTo(6));
        s.asStaff().queryParam("to", "2011-12-31").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).body("rows[0].n", equalTo(2)).body("rows[0].integrations", equalTo(1));
        // Whole months come from the summary, the days of a partial month at an edge from the
        // participations (entries on 2011-11-07 and 2012-01-09): each part and their sum.
        Map<String, Integer> periods = Map.of("2011-11-01/2012-01-31", 15, "2011-11-07/2012-01-09", 15,
                "2011-11-08/2012-01-08", 0, "2012-01-09/2012-01-09", 13, "2011-11-07/2011-11-07", 2,
                "2011-11-01/2012-01-08", 2, "2011-11-08/2012-01-31", 13);
        periods.forEach((period, n) -> s.asStaff().queryParam("from", period.substring(0, 10))
                .queryParam("to", period.substring(11)).get("/api/v1/reports/whereabouts")
                .then().statusCode(200).body("total.n", equalTo(n)));
        s.asStaff().queryParam("from", "2011-11-07").queryParam("to", "2012-01-09").queryParam("groupBy", "entryQuarter")
                .get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows.key", equalTo(List.of("2011-Q4", "2012-Q1"))).body("rows.n", equalTo(List.of(2, 13)));
    }

    @Test
    void unknownGroupByMalformedPhaseOrDateAnswer400ProblemJson() {
        String token = Tokens.staff("herne");
        given().auth().oauth2(token).queryParam("groupBy", "name").get("/api/v1/reports/whereabouts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("phaseId", "phase 1; drop").get("/api/v1/reports/whereabouts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("from", "2012-02-30").get("/api/v1/reports/whereabouts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("from", "2012-03-01").queryParam("to", "2012-02-01")
                .get("/api/v1/reports/whereabouts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("groupBy", "bogus").get("/api/v1/reports/sustainability")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
